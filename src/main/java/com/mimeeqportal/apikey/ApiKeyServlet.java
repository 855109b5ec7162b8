package com.mimeeqportal.apikey;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.catalog.ProductSummary;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.security.Actor;
import com.mimeeqportal.user.Users;
import com.mimeeqportal.web.FormErrors;
import com.mimeeqportal.web.PageServlet;
import com.mimeeqportal.web.RequestAttributes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /admin/api-key (ACCOUNT_ADMIN, web.xml): set or replace the tenant's key, test the connection, and
 * reveal the key after re-entering one's own password. The key field is write-only: neither the stored
 * key nor the one just typed is rendered back; the audited reveal is the only page that shows a key.
 */
@WebServlet({"/admin/api-key", "/admin/api-key/test", "/admin/api-key/reveal"})
public class ApiKeyServlet extends PageServlet {

    static final int MAX_PASSWORD = 128;
    /** Wrong passwords a session may type into the reveal form before it is refused for a while. */
    static final int REVEAL_ATTEMPTS = 3;
    static final java.time.Duration REVEAL_PAUSE = java.time.Duration.ofMinutes(5);
    private static final String REVEAL_FAILURES = ApiKeyServlet.class.getName() + ".revealFailures";

    @Inject
    ApiKeys apiKeys;

    @Inject
    MimeeqGateway gateway;

    @Inject
    Users users;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/admin/api-key")) {
            redirect(request, response, "/admin/api-key");
            return;
        }
        show(request, response, HttpServletResponse.SC_OK, new FormErrors(), Map.of("saved", request.getParameter("saved") != null));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "/admin/api-key/test" -> test(request, response);
            case "/admin/api-key/reveal" -> reveal(request, response);
            default -> set(request, response);
        }
    }

    private void set(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = RequestAttributes.actor(request);
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

    /** One cheap call (the product list, uncached), its outcome stored and audited. */
    private void test(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = RequestAttributes.actor(request);
        MimeeqResult<List<ProductSummary>> result = gateway.products(actor);
        AuditEntry.Builder entry = actor.audit(AuditEntry.of(AuditEventType.API_KEY_TEST)).target("api-key");
        switch (result) {
            case MimeeqResult.Ok<List<ProductSummary>> ok -> {
                String detail = ok.value().size() + " products";
                apiKeys.tested(actor.tenant(), true, detail);
                audit.record(actor.tenant(), entry.detail(detail).success());
            }
            case MimeeqResult.Failed<List<ProductSummary>> failed -> {
                apiKeys.tested(actor.tenant(), false, failed.failure().kind().name());
                audit.record(actor.tenant(), entry.error(failed.failure().kind().reason()));
            }
        }
        redirect(request, response, "/admin/api-key");
    }

    private void reveal(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Actor actor = RequestAttributes.actor(request);
        String password = field(request, "password");
        AuditEntry.Builder entry = actor.audit(AuditEntry.of(AuditEventType.API_KEY_REVEAL)).target("api-key");
        FormErrors errors = new FormErrors();
        RevealFailures failures = revealFailures(request);
        if (failures.paused()) {
            // The form must not become a way to guess the password of a session someone left open.
            audit.record(actor.tenant(), entry.error("TOO_MANY_ATTEMPTS"));
            response.setHeader("Retry-After", Long.toString(REVEAL_PAUSE.toSeconds()));
            show(request, response, 429, errors.add("password", "apiKey.revealPaused"), Map.of());
            return;
        }
        if (password.isEmpty()) {
            errors.add("password", "validation.required");
        } else if (password.length() > MAX_PASSWORD || users.authenticate(actor.user().username(), password.toCharArray())
                .filter(user -> user.id().equals(actor.user().userId())).isEmpty()) {
            errors.add("password", "apiKey.revealWrongPassword");
            failures.failed();
        }
        if (errors.any()) {
            audit.record(actor.tenant(), entry.error("WRONG_PASSWORD"));
            show(request, response, HttpServletResponse.SC_BAD_REQUEST, errors, Map.of());
            return;
        }
        failures.succeeded();
        AuditEntry revealed = entry.success();
        audit.checkWritable(actor.tenant(), revealed);
        ApiKey key = apiKeys.open(actor.tenant()).orElse(null);
        audit.record(actor.tenant(), revealed);
        show(request, response, HttpServletResponse.SC_OK, errors, key == null ? Map.of() : Map.of("revealed", key.reveal()));
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
        Actor actor = RequestAttributes.actor(request);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("errors", errors);
        model.putIfAbsent("saved", false);
        model.put("keyStatus", apiKeys.status(actor.tenant()).orElse(null));
        render(request, response, status, "admin/api-key", model);
    }
}
