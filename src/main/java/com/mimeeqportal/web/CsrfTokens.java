package com.mimeeqportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CSRF tokens, put into every form as {@code _csrf} and compared in constant time on every POST by
 * {@link PortalRequestFilter}.
 *
 * <p>With a session (everyone signed in): one random token per session, kept in it (a synchronizer token).
 * Without one (the sign-in form): the token is a random value
 * in the {@value #COOKIE} cookie, and the form must send the same value back (a double-submit cookie). The
 * cookie is HttpOnly and SameSite=Strict, so another site can neither read it nor make a browser send it.
 * Keeping the sign-in form's token out of a session is what lets a storm of scripted GETs of /login cost no
 * memory beyond its connections: a session per visit, each with the container's own baggage of about
 * 2.5 KiB, held for the 5 minutes of an anonymous session, was the largest part of such a storm's heap.
 */
public final class CsrfTokens {

    public static final String PARAMETER = "_csrf";
    static final String COOKIE = "portal_csrf";
    private static final String ATTRIBUTE = CsrfTokens.class.getName();
    /** 32 random bytes, URL-safe Base64 without padding: what {@link #newToken} makes, and nothing else. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /**
     * The token for a form shown to someone who may not have a session (the sign-in page): the session's if
     * there is one, else the cookie's, setting the cookie first if the browser has none (or a malformed one).
     * Starts no session.
     */
    public static String forSignedOutForm(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            return token(request);
        }
        String token = cookieToken(request).orElse(null);
        if (token == null) {
            token = newToken();
            Cookies.set(request, response, COOKIE, token, "Strict");
        }
        request.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** The session's token, creating the token when needed (a form is about to be shown). */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token == null) {
            token = newToken();
            session.setAttribute(ATTRIBUTE, token);
        }
        return token;
    }

    /**
     * The token for the page being rendered: the session's if there is a session, else the one
     * {@link #forSignedOutForm} chose for this request, else empty. Pages use this, so that an anonymous page
     * (a 404, an error) starts no session and sets no cookie.
     */
    public static String forPage(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            return token(request);
        }
        Object chosen = request.getAttribute(ATTRIBUTE);
        return chosen instanceof String token ? token : "";
    }

    /**
     * Forgets the session's token, so the next form gets a new one. Called where the session's privilege
     * changes (sign-in, a password change), beside the new session id: a token seen before, in a page cached
     * somewhere, is then worth nothing. (The sign-in form's cookie token never counts once there is a session.)
     */
    public static void rotate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    /**
     * Whether the POST carries the right token: the session's when there is a session, the cookie's only when
     * there is none. A session without a token (just rotated) accepts nothing until a page gives it one.
     */
    public static boolean valid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Optional<String> expected = session == null ? cookieToken(request)
                : Optional.ofNullable((String) session.getAttribute(ATTRIBUTE));
        String actual = request.getParameter(PARAMETER);
        return expected.isPresent() && actual != null && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> cookieToken(HttpServletRequest request) {
        return Cookies.first(request, COOKIE, value -> WELL_FORMED.matcher(value).matches());
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
