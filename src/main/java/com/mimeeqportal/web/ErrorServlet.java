package com.mimeeqportal.web;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.Messages;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The container's error pages all land here (web.xml). The page names the status in words and the
 * correlation id; the exception goes to the server log only, never to the browser.
 */
@WebServlet("/error")
public class ErrorServlet extends PageServlet {

    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Inject
    Event<AccessRefused> refused;

    @Inject
    Database database;

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a failure that does not name a connection problem itself (a driver or Hibernate wrapping it in
     * something generic): if the database does not answer right now, the outage is the likelier cause, and
     * "unavailable, try again" is the truthful page rather than "something went wrong".
     */
    private boolean databaseDownNow() {
        return database.health(Duration.ofSeconds(1)) != Database.Health.UP;
    }

    /** A signed-in person was refused a page of another role (web.xml); the tenant's log says so. */
    private void accessDenied(HttpServletRequest request) {
        RequestAttributes.signedInUser(request).ifPresent(user -> {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            try {
                refused.fire(new AccessRefused(new Actor(user, RequestAttributes.clientIp(request),
                        RequestAttributes.correlationId(request)), uri == null ? null : uri.toString()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not audit a refused request", e);
            }
        });
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestAttributes.assignCorrelationId(request, response);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (causedBy(failure, AuditUnavailableException.class)) {
            LOG.log(Level.SEVERE, "Request " + RequestAttributes.correlationId(request) + " refused: audit log not writable",
                    failure);
            render(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error", Map.of(
                    "title", Messages.get(Preferences.locale(request), "error.audit.title"), "message",
                    Messages.get(Preferences.locale(request), "error.audit.message")));
            return;
        }
        if (Database.isUnavailable(failure) || failure != null && databaseDownNow()) {
            // Not a bug of the portal's: the database is down or restarting. Say so, and that it passes.
            LOG.log(Level.WARNING, "Request " + RequestAttributes.correlationId(request) + " failed: database unavailable",
                    failure);
            response.setHeader("Retry-After", "30");
            render(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error", Map.of(
                    "title", Messages.get("error.database.title"), "message", Messages.get("error.database.message")));
            return;
        }
        if (failure != null) {
            LOG.log(Level.SEVERE, "Request " + RequestAttributes.correlationId(request) + " failed", failure);
        }
        if (status == HttpServletResponse.SC_FORBIDDEN) {
            accessDenied(request);
        }
        String key = switch (status) {
            case 400, 401, 403, 404, 405 -> "error." + status;
            default -> status >= 500 ? "error.500" : "error.400";
        };
        render(request, response, status, "error", Map.of(
                "title", Messages.get(Preferences.locale(request), key + ".title"), "message",
                Messages.get(Preferences.locale(request), key + ".message")));
    }
}
