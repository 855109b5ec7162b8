package com.mimeeqportal.web;

import com.mimeeqportal.input.Messages;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * Runs before every page: gives the request a correlation id, its language and time zone ({@link Preferences}), sets the security headers, ends signed-in
 * sessions that must not go on ({@link SessionGate}), and refuses any POST without the session's
 * CSRF token. Declared in web.xml after {@link FrontDoorFilter}, which has already refused any path the
 * container could map differently from how it reads; what a request is comes from the container's mapping
 * ({@link RequestPaths#of}), never from the raw URI.
 */
public class PortalRequestFilter extends HttpFilter {

    @Inject
    Views views;

    @Inject
    SessionGate sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding("UTF-8");
        RequestAttributes.assignCorrelationId(request, response);
        useLanguageAndZone(request);
        try {
            filter(request, response, chain);
        } finally {
            Messages.use(null);
            Times.use(null, null);
        }
    }

    private void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {

        String path = RequestPaths.of(request);
        boolean staticResource = RequestPaths.isStatic(request);
        securityHeaders(request, response, staticResource);
        if (!staticResource && !sessions.admit(request, response, path)) {
            return;
        }
        useLanguageAndZone(request); // the gate may have brought in a choice made in another session
        if ("POST".equals(request.getMethod()) && !CsrfTokens.valid(request)) {
            views.render(request, response, HttpServletResponse.SC_FORBIDDEN, "error",
                    Map.of("title", Messages.get("error.csrf.title"), "message", Messages.get("error.csrf.message")));
            return;
        }
        chain.doFilter(request, response);
    }

    private static void useLanguageAndZone(HttpServletRequest request) {
        Locale locale = Preferences.locale(request);
        Messages.use(locale);
        Times.use(Preferences.zone(request), locale);
    }

    static void securityHeaders(HttpServletRequest request, HttpServletResponse response, boolean staticResource) {
        if (request.isSecure()) {
            // Only over https (directly or through a trusted proxy): browsers ignore it over http anyway,
            // and sending it there would pin a demo on localhost to https.
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' https: data:; "
                + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!staticResource) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
