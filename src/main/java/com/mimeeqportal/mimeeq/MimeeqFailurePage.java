package com.mimeeqportal.mimeeq;

import com.mimeeqportal.identity.Actor;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * How a Mimeeq failure reaches people ({@link MimeeqPageServlet#renderFailure} shows it): in words, with what the reader can do about it (an admin is sent
 * to the key page; sales staff are told to ask one), and with a status code that says whose fault it
 * was: 4xx where the request or the account's setup is wrong, 502/503/504 where Mimeeq is.
 */
public final class MimeeqFailurePage {

    private MimeeqFailurePage() {
    }

    public static int status(MimeeqFailure failure) {
        return switch (failure.kind()) {
            case NO_KEY, KEY_UNREADABLE, KEY_INVALIDATED -> HttpServletResponse.SC_CONFLICT;
            case AUDIT_UNAVAILABLE, ANSWER_NOT_AUDITED -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case BAD_REQUEST -> HttpServletResponse.SC_BAD_REQUEST;
            case FORBIDDEN -> HttpServletResponse.SC_FORBIDDEN;
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case PRODUCT_INACTIVE -> HttpServletResponse.SC_CONFLICT;
            case PRICING_REJECTED -> 422;
            case RATE_LIMITED, WAITING_FOR_RATE_LIMIT, BUSY, CIRCUIT_OPEN -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case TIMEOUT -> HttpServletResponse.SC_GATEWAY_TIMEOUT;
            case INVALID_KEY, UPSTREAM_ERROR, UNREACHABLE, MALFORMED_RESPONSE -> HttpServletResponse.SC_BAD_GATEWAY;
        };
    }

    /** The variables the {@code fragments/mimeeq :: failure} fragment reads. */
    static Map<String, Object> model(MimeeqFailure failure, Actor actor) {
        Map<String, Object> model = new HashMap<>();
        model.put("failure", failure);
        model.put("kind", failure.kind().name());
        model.put("admin", actor.user().admin());
        return model;
    }
}
