package com.mimeeqportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer tokens: one random token per session, put into every form as {@code _csrf} and compared
 * in constant time on every POST by {@link PortalRequestFilter}.
 */
public final class CsrfTokens {

    public static final String PARAMETER = "_csrf";
    private static final String ATTRIBUTE = CsrfTokens.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, creating the session and the token when needed (a form is about to be shown). */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, token);
        }
        return token;
    }

    /**
     * The token of the request's session if it has one, else empty. Pages use this, so that an anonymous
     * page (a 404, an error) starts no session; the login form asks for {@link #token} itself.
     */
    public static String ofExistingSession(HttpServletRequest request) {
        return request.getSession(false) == null ? "" : token(request);
    }

    /**
     * Forgets the session's token, so the next form gets a new one. Called where the session's privilege
     * changes (sign-in, a password change), beside the new session id: a token seen before, on the login
     * form or in a page cached somewhere, is then worth nothing.
     */
    public static void rotate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    public static boolean valid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
        String actual = request.getParameter(PARAMETER);
        return expected != null && actual != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }
}
