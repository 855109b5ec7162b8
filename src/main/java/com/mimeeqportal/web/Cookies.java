package com.mimeeqportal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The portal's own cookies, set one way: scoped to the portal's context path, HttpOnly (no script of the page
 * needs them), Secure whenever the request came over HTTPS, and with the SameSite the caller asks for.
 */
final class Cookies {

    private Cookies() {
    }

    /** Sets {@code name} for as long as the browser's session lasts. */
    static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                    String sameSite) {
        response.addCookie(cookie(request, name, value, sameSite));
    }

    /** Sets {@code name} for {@code maxAge}, across browser restarts. */
    static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                    String sameSite, Duration maxAge) {
        Cookie cookie = cookie(request, name, value, sameSite);
        cookie.setMaxAge(Math.toIntExact(maxAge.toSeconds()));
        response.addCookie(cookie);
    }

    private static Cookie cookie(HttpServletRequest request, String name, String value, String sameSite) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", sameSite);
        return cookie;
    }

    /**
     * The values of the cookies called {@code name}, in the order the browser sent them (more than one when
     * cookies of the same name were set for different paths or domains).
     */
    static Stream<String> values(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Stream.empty() : Arrays.stream(cookies)
                .filter(c -> name.equals(c.getName()) && c.getValue() != null).map(Cookie::getValue);
    }
}
