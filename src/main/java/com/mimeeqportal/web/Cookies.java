package com.mimeeqportal.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

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
     * The value of the first cookie called {@code name} that is {@code acceptable}, in the order the browser sent
     * them (there are several when cookies of the same name were set for different paths or domains). A loop, not
     * a stream: it runs several times on every request (docs/performance.md, "Streams off the request path").
     */
    static Optional<String> first(HttpServletRequest request, String name, Predicate<String> acceptable) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName()) && cookie.getValue() != null && acceptable.test(cookie.getValue())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
