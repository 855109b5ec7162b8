package com.mimeeqportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The portal's cookies: scoped to the context path, HttpOnly, Secure over HTTPS, and lasting as asked. */
class CookiesTest {

    private final List<Cookie> added = new ArrayList<>();

    @Test
    void aSessionCookieHasNoMaxAge() {
        Cookies.set(request("", false), response(), "portal_csrf", "token", "Strict");

        Cookie cookie = added.getFirst();
        assertEquals(-1, cookie.getMaxAge(), "gone when the browser closes");
        assertEquals("/", cookie.getPath());
        assertTrue(cookie.isHttpOnly());
        assertFalse(cookie.getSecure(), "plain HTTP");
        assertEquals("Strict", cookie.getAttribute("SameSite"));
    }

    @Test
    void aLastingCookieKeepsItsAgeAndPathAndIsSecureOverHttps() {
        Cookies.set(request("/portal", true), response(), "portal_lang", "de", "Lax", Duration.ofDays(365));

        Cookie cookie = added.getFirst();
        assertEquals(365 * 24 * 3600, cookie.getMaxAge());
        assertEquals("/portal", cookie.getPath());
        assertTrue(cookie.getSecure());
        assertEquals("Lax", cookie.getAttribute("SameSite"));
    }

    private static HttpServletRequest request(String contextPath, boolean secure) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContextPath" -> contextPath;
                    case "isSecure" -> secure;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "addCookie" -> {
                        added.add((Cookie) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
