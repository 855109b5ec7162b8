package com.mimeeqportal.admin;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.KeyReveal;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.mimeeq.ConnectionTest;
import com.mimeeqportal.web.PageServlet;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * /admin/api-key (ACCOUNT_ADMIN, web.xml): set or replace the tenant's key, test the connection, and
 * reveal the key after re-entering one's own password. The key field is write-only: neither the stored
 * key nor the one just typed is rendered back; the audited reveal is the only page that shows a key.
 */
@WebServlet({"/admin/api-key", "/admin/api-key/test", "/admin/api-key/reveal"})
public class ApiKeyServlet extends PageServlet {

    /** Wrong passwords a session may type into the reveal form before it is refused for a while. */
    static final int REVEAL_ATTEMPTS = 3;
    static final java.time.Duration REVEAL_PAUSE = java.time.Duration.ofMinutes(5);
    private static final String REVEAL_FAILURES = ApiKeyServlet.class.getName() + ".revealFailures";

    @Inject
    ApiKeys apiKeys;

    @Inject
    ConnectionTest connectionTest;

    @Inject
    KeyReveal keyReveal;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!pathSegments(request, "/admin/api-key").isEmpty()) {
            redirect(request, response, "/admin/api-key");
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, new FormErrors(), Map.of("saved", request.getParameter("saved") != null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (pathSegments(request, "/admin/api-key").stream().findFirst().orElse("")) {
            case "test" -> test(request, response);
            case "reveal" -> reveal(request, response);
            default -> set(request, response);
        }
    }

    private void set(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = actor(request);
        FormErrors errors = new FormErrors();
        ApiKey key = errors.check(() -> new ApiKey(request.getParameter("apiKey")));
        if (errors.any()) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, errors, Map.of());
            return;
        }
        try {
            apiKeys.set(actor, key);
        } catch (RuntimeException auditUnavailable) {
            // Fail closed: the audit entry could not be written, so the key was not changed.
            show(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    errors.add("apiKey", "apiKey.auditUnavailable"), Map.of());
            return;
        }
        redirect(request, response, "/admin/api-key?saved");
    }

    /** One cheap call (the product list, uncached), its outcome stored and audited by the service. */
    private void test(HttpServletRequest request, HttpServletResponse response) throws IOException {
        connectionTest.run(actor(request));
        redirect(request, response, "/admin/api-key");
    }

    private void reveal(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RevealFailures failures = revealFailures(request);
        switch (keyReveal.reveal(actor(request), field(request, "password"), failures.paused())) {
            case KeyReveal.Result.Revealed revealed -> {
                failures.succeeded();
                storeRevealFailures(request, failures);
                show(request, response, HttpServletResponse.SC_OK, new FormErrors(),
                        revealed.key().<Map<String, Object>>map(key -> Map.of("revealed", key.reveal())).orElse(Map.of()));
            }
            case KeyReveal.Result.Refused refused -> refused(request, response, failures, refused.refusal());
        }
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, RevealFailures failures,
                         KeyReveal.Refusal refusal) throws IOException {
        FormErrors errors = new FormErrors();
        switch (refusal) {
            case PAUSED -> {
                // The form must not become a way to guess the password of a session someone left open.
                response.setHeader("Retry-After", Long.toString(REVEAL_PAUSE.toSeconds()));
                show(request, response, 429, errors.add("password", "apiKey.revealPaused"), Map.of());
            }
            case NO_PASSWORD -> show(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    errors.add("password", "validation.required"), Map.of());
            case WRONG_PASSWORD -> {
                failures.failed();
                storeRevealFailures(request, failures);
                show(request, response, HttpServletResponse.SC_BAD_REQUEST,
                        errors.add("password", "apiKey.revealWrongPassword"), Map.of());
            }
        }
    }

    private static RevealFailures revealFailures(HttpServletRequest request) {
        var session = request.getSession();
        RevealFailures failures = (RevealFailures) session.getAttribute(REVEAL_FAILURES);
        if (failures == null) {
            failures = new RevealFailures();
            session.setAttribute(REVEAL_FAILURES, failures);
        }
        return failures;
    }

    /** Wrong reveal passwords of one session; after {@link #REVEAL_ATTEMPTS} the form pauses. */
    /**
     * Stores the changed count again: in a cluster the session is copied to the data grid when an attribute is set
     * (Payara's persistence scope "modified-session"), not when an object already in it changes.
     */
    private static void storeRevealFailures(HttpServletRequest request, RevealFailures failures) {
        request.getSession().setAttribute(REVEAL_FAILURES, failures);
    }

    static final class RevealFailures implements java.io.Serializable {
        private int count;
        private java.time.Instant pausedUntil = java.time.Instant.EPOCH;

        synchronized boolean paused() {
            return java.time.Instant.now().isBefore(pausedUntil);
        }

        synchronized void succeeded() {
            count = 0;
        }

        synchronized void failed() {
            if (++count >= REVEAL_ATTEMPTS) {
                count = 0;
                pausedUntil = java.time.Instant.now().plus(REVEAL_PAUSE);
            }
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int status, FormErrors errors,
                      Map<String, Object> extra) throws IOException {
        Actor actor = actor(request);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("errors", errors);
        model.putIfAbsent("saved", false);
        model.put("keyStatus", apiKeys.status(actor.tenant()).orElse(null));
        render(request, response, status, "admin/api-key", model);
    }
}
