package com.mimeeqportal.mimeeq;

import com.mimeeqportal.security.Actor;
import com.mimeeqportal.web.Views;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The page for a Mimeeq call that failed: what happened, in words, and what the reader can do about it
 * (an admin is sent to the key page; sales staff are told to ask one). The status code says whose
 * fault it was: 409 for a missing key, 502/503/504 for Mimeeq's answers.
 */
public final class MimeeqFailurePage {

    private MimeeqFailurePage() {
    }

    public static void render(Views views, HttpServletRequest request, HttpServletResponse response,
                              MimeeqFailure failure, Actor actor) throws IOException {
        int status = switch (failure.kind()) {
            case NO_KEY, KEY_UNREADABLE -> HttpServletResponse.SC_CONFLICT;
            case RATE_LIMITED -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case TIMEOUT -> HttpServletResponse.SC_GATEWAY_TIMEOUT;
            default -> HttpServletResponse.SC_BAD_GATEWAY;
        };
        if (failure.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(failure.retryAfter().toSeconds()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("failure", failure);
        model.put("kind", failure.kind().name());
        model.put("admin", actor.user().admin());
        views.render(request, response, status, "mimeeq/failure", model);
    }
}
