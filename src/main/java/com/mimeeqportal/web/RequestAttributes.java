package com.mimeeqportal.web;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.UserPreferences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** What the request filter attaches to a request, and the session's signed-in user. */
public final class RequestAttributes {

    static final String CORRELATION_ID = "portal.correlationId";
    static final String CLIENT_IP = "portal.clientIp";
    public static final String SIGNED_IN_USER = SignedInUser.class.getName();
    /** The signed-in user's own language and time zone, copied from the account at sign-in. */
    static final String PREFERENCES = UserPreferences.class.getName();

    private RequestAttributes() {
    }

    public static String correlationId(HttpServletRequest request) {
        return (String) request.getAttribute(CORRELATION_ID);
    }

    /**
     * Gives the request its correlation id (and the response its header) unless it has one. Pages get it
     * from {@link PortalRequestFilter}; error pages the container produced before any filter ran (a role
     * refused by web.xml) get it here, so their audit entries can be traced too.
     */
    public static String assignCorrelationId(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        String id = correlationId(request);
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            request.setAttribute(CORRELATION_ID, id);
            response.setHeader("X-Correlation-Id", id);
        }
        return id;
    }

    public static Optional<SignedInUser> signedInUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || request.getUserPrincipal() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable((SignedInUser) session.getAttribute(SIGNED_IN_USER));
    }

    /** The signed-in user's chosen language and zone; empty when nobody is signed in. */
    public static Optional<UserPreferences> preferences(HttpServletRequest request) {
        if (signedInUser(request).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable((UserPreferences) request.getSession(false).getAttribute(PREFERENCES));
    }

    /**
     * Keeps the signed-in user's choice in the session (at sign-in, and when it changes), so that pages know it
     * without reading the account. Two short strings: sessions stay small and serializable.
     */
    public static void keepPreferences(HttpSession session, UserPreferences chosen) {
        session.setAttribute(PREFERENCES, chosen);
    }

    /**
     * The client's address: the peer's, or, when the peer is one of {@code portal.http.trusted-proxies}, the one
     * its {@code X-Forwarded-For} names ({@link FrontDoorFilter}). The one place the portal learns it from.
     */
    public static String clientIp(HttpServletRequest request) {
        Object resolved = request.getAttribute(CLIENT_IP);
        return resolved instanceof String address ? address : request.getRemoteAddr();
    }

    public static Actor actor(HttpServletRequest request) {
        SignedInUser user = signedInUser(request)
                .orElseThrow(() -> new IllegalStateException("No signed-in user on a protected page"));
        return new Actor(user, clientIp(request), correlationId(request));
    }
}
