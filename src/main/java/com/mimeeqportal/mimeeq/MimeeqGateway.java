package com.mimeeqportal.mimeeq;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.KeyVaultException;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.catalog.ProductSummary;
import com.mimeeqportal.security.Actor;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The portal's side of the Mimeeq API: finds the tenant's base URL and key, makes the call through
 * {@link MimeeqHttpClient}, translates the answer into portal types and every failure into a
 * {@link MimeeqFailure}, and writes one audit entry per call, whatever happened.
 */
@ApplicationScoped
public class MimeeqGateway {

    static final String PRODUCTS = "get-products-general-info";

    private final MimeeqHttpClient http;
    private final ApiKeys keys;
    private final Tenants tenants;
    private final SandboxLocation sandbox;
    private final AuditLog audit;

    @Inject
    public MimeeqGateway(MimeeqHttpClient http, ApiKeys keys, Tenants tenants, SandboxLocation sandbox, AuditLog audit) {
        this.http = http;
        this.keys = keys;
        this.tenants = tenants;
        this.sandbox = sandbox;
        this.audit = audit;
    }

    protected MimeeqGateway() {
        this(null, null, null, null, null);
    }

    public MimeeqResult<List<ProductSummary>> products(Actor actor) {
        MimeeqResult<List<ProductSummary>> result = call(actor, PRODUCTS, Map.of(), ProductListTranslation::translate);
        if (result instanceof MimeeqResult.Ok<List<ProductSummary>> ok && usesSandbox(actor)) {
            return MimeeqResult.ok(ok.value().stream()
                    .map(p -> p.withPreviewImage(sandbox.browserUrl(p.previewImage()))).toList());
        }
        return result;
    }

    private <T> MimeeqResult<T> call(Actor actor, String endpoint, Map<String, String> query,
                                     Function<String, Optional<T>> translation) {
        AuditEntry.Builder entry = actor.audit(AuditEntry.of(AuditEventType.MIMEEQ_CALL)).target(endpoint);
        Optional<ApiKey> key;
        try {
            key = keys.open(actor.tenant());
        } catch (KeyVaultException e) {
            audit.record(actor.tenant(), entry.duration(Duration.ZERO).error(MimeeqFailure.Kind.KEY_UNREADABLE.reason()));
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.KEY_UNREADABLE));
        }
        Optional<URI> base = baseUri(actor);
        if (key.isEmpty() || base.isEmpty()) {
            MimeeqFailure.Kind kind = key.isEmpty() ? MimeeqFailure.Kind.NO_KEY : MimeeqFailure.Kind.UNREACHABLE;
            audit.record(actor.tenant(), entry.duration(Duration.ZERO).error(kind.reason()));
            return MimeeqResult.failed(MimeeqFailure.of(kind));
        }
        MimeeqHttpClient.HttpReply reply;
        try {
            reply = http.get(base.get(), endpoint, query, key.get(), actor.correlationId());
        } catch (MimeeqTransportException e) {
            MimeeqFailure.Kind kind = e.kind() == MimeeqTransportException.Kind.TIMEOUT
                    ? MimeeqFailure.Kind.TIMEOUT : MimeeqFailure.Kind.UNREACHABLE;
            audit.record(actor.tenant(), entry.duration(e.elapsed()).error(kind.reason()));
            return MimeeqResult.failed(MimeeqFailure.of(kind));
        }
        entry.httpStatus(reply.status()).duration(reply.elapsed());
        MimeeqResult<T> result = translate(reply, translation);
        if (result instanceof MimeeqResult.Failed<T> failed) {
            audit.record(actor.tenant(), entry.error(failed.failure().kind().reason()));
        } else {
            audit.record(actor.tenant(), entry.success());
        }
        return result;
    }

    private Optional<URI> baseUri(Actor actor) {
        Tenant tenant = tenants.find(actor.tenant()).orElseThrow();
        return tenant.mimeeqBaseUrl().isSandbox() ? sandbox.baseUri()
                : Optional.of(URI.create(tenant.mimeeqBaseUrl().value()));
    }

    private boolean usesSandbox(Actor actor) {
        return tenants.find(actor.tenant()).map(t -> t.mimeeqBaseUrl().isSandbox()).orElse(false);
    }

    static <T> MimeeqResult<T> translate(MimeeqHttpClient.HttpReply reply, Function<String, Optional<T>> translation) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            return translation.apply(reply.body()).map(MimeeqResult::ok)
                    .orElseGet(() -> MimeeqResult.failed(new MimeeqFailure(
                            MimeeqFailure.Kind.MALFORMED_RESPONSE, status, null, null)));
        }
        MimeeqFailure.Kind kind = switch (status) {
            case 400 -> MimeeqFailure.Kind.BAD_REQUEST;
            case 401 -> MimeeqFailure.Kind.INVALID_KEY;
            case 403 -> MimeeqFailure.Kind.FORBIDDEN;
            case 404 -> MimeeqFailure.Kind.NOT_FOUND;
            case 429 -> MimeeqFailure.Kind.RATE_LIMITED;
            default -> MimeeqFailure.Kind.UPSTREAM_ERROR;
        };
        return MimeeqResult.failed(new MimeeqFailure(kind, status, errorMessage(reply.body()).orElse(null),
                retryAfter(reply.retryAfter())));
    }

    /** Mimeeq's message from either error shape: {@code {status, message}} or {@code {message, code, payload}}. */
    static Optional<String> errorMessage(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? JsonReading.text(object, "message") : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is not used by Mimeeq); bounded to an hour. */
    static Duration retryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,6}")) {
            return null;
        }
        return Duration.ofSeconds(Math.min(3600, Long.parseLong(header.trim())));
    }
}
