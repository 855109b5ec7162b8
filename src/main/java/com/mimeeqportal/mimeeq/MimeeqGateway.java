package com.mimeeqportal.mimeeq;

import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.KeyForCall;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.AuditSpool;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenants;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.StaleStateException;

/**
 * The portal's side of the Mimeeq API: finds the tenant's base URL and key, makes the call through
 * {@link MimeeqHttpClient}, has the answer translated ({@link MimeeqReplyTranslation}) into portal types
 * and every failure into a {@link MimeeqFailure}, and writes one audit entry per call, whatever happened.
 * The order is fail-closed: rehearse the audit entry, call, record; no entry, no call and no answer.
 */
@ApplicationScoped
public class MimeeqGateway {

    private static final Logger LOG = Logger.getLogger(MimeeqGateway.class.getName());

    /** Longer than a PostgreSQL restart, shorter than a person's patience with one page. */
    static final Duration RECORD_PATIENCE = Duration.ofSeconds(15);

    static final String PRODUCTS = "get-products-general-info";
    static final String PRODUCT_INFO = "get-product-info";
    static final String PRICE = "get-product-price-info";
    static final String GENERATE_SHORT_CODE = "generate-product-short-code";

    private final MimeeqHttpClient http;
    private final ApiKeys keys;
    private final Tenants tenants;
    private final AuditLog audit;
    private final AuditSpool spool;
    private final TenantThrottle throttle;
    private final Duration defaultRetryAfter;
    private final Duration recordPatience;

    @Inject
    public MimeeqGateway(MimeeqHttpClient http, ApiKeys keys, Tenants tenants, AuditLog audit, AuditSpool spool,
                         TenantThrottle throttle, PortalConfig config) {
        this(http, keys, tenants, audit, spool, throttle, config.mimeeqDefaultRetryAfter(), RECORD_PATIENCE);
    }

    /**
     * {@code recordPatience}: how long to keep trying to write the entry of a call that was made before it
     * goes to the {@code spool}.
     */
    public MimeeqGateway(MimeeqHttpClient http, ApiKeys keys, Tenants tenants, AuditLog audit, AuditSpool spool,
                         TenantThrottle throttle, Duration defaultRetryAfter, Duration recordPatience) {
        this.recordPatience = recordPatience;
        this.http = http;
        this.keys = keys;
        this.tenants = tenants;
        this.audit = audit;
        this.spool = spool;
        this.throttle = throttle;
        this.defaultRetryAfter = defaultRetryAfter;
    }

    protected MimeeqGateway() {
        this.http = null;
        this.keys = null;
        this.tenants = null;
        this.audit = null;
        this.spool = null;
        this.throttle = null;
        this.defaultRetryAfter = Duration.ZERO;
        this.recordPatience = Duration.ZERO;
    }

    public MimeeqResult<List<ProductSummary>> products(Actor actor) {
        return call(actor, Method.GET, PRODUCTS, Map.of(), MimeeqReplyTranslation.orMalformed(ProductListTranslation::translate));
    }

    public MimeeqResult<ProductInfo> productInfo(Actor actor, ShortCode shortCode, Quantity quantity) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("shortCode", shortCode.value());
        query.put("quantity", quantity.toString());
        MimeeqResult<ProductInfo> result = call(actor, Method.GET, PRODUCT_INFO, query,
                MimeeqReplyTranslation.orMalformed(ProductInfoTranslation::translate));
        return MimeeqReplyTranslation.notFoundIfAboutTheShortCode(result);
    }

    public MimeeqResult<PriceQuote> price(Actor actor, ShortCode shortCode, Quantity quantity, PricingSource source) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("shortCode", shortCode.value());
        query.put("quantity", quantity.toString());
        query.putAll(source.parameter());
        return MimeeqReplyTranslation.notFoundIfAboutTheShortCode(call(actor, Method.GET, PRICE, query, PriceTranslation::translate));
    }

    public MimeeqResult<ShortCode> generateShortCode(Actor actor, ProductId productId, ConfigurationCode configuration) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("productId", productId.value());
        query.put("configurationCode", configuration.base64());
        return call(actor, Method.POST, GENERATE_SHORT_CODE, query, MimeeqReplyTranslation.orMalformed(MimeeqReplyTranslation::shortCode));
    }

    private enum Method { GET, POST }

    private <T> MimeeqResult<T> call(Actor actor, Method method, String endpoint, Map<String, String> query,
                                     Function<String, MimeeqResult<T>> translation) {
        AuditEntry.Builder entry = AuditEntry.of(AuditEventType.MIMEEQ_CALL).by(actor).target(endpoint)
                .detail(describe(query));
        Prepared prepared;
        try {
            // Fail closed: no call to Mimeeq that could not be audited (the rehearsal writes and rolls back).
            // The key and the base URL are read in the rehearsal's transaction: one trip to the database.
            prepared = audit.checkWritableWhile(actor.tenant(), entry.success(), session -> new Prepared(
                    keys.forCall(session, actor.tenant()), tenants.mimeeqBaseUrl(session, actor.tenant()).orElseThrow()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit log not writable; Mimeeq call " + endpoint + " refused", e);
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.AUDIT_UNAVAILABLE));
        }
        MimeeqResult<T> result = attempt(actor, prepared, method, endpoint, query, translation, entry);
        AuditEntry outcome;
        if (result instanceof MimeeqResult.Failed<T> failed) {
            MimeeqFailure failure = failed.failure();
            if (failure.kind() == MimeeqFailure.Kind.RATE_LIMITED) {
                throttle.rateLimited(actor.tenant(), Optional.ofNullable(failure.retryAfter()).orElse(defaultRetryAfter));
            }
            outcome = entry.error(failure.kind().reason());
        } else {
            outcome = entry.success();
        }
        if (!record(actor, outcome, endpoint)) {
            // The rehearsal passed a moment ago; an answer that could not be audited is still not shown.
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.ANSWER_NOT_AUDITED));
        }
        return result;
    }

    /**
     * Writes the entry of a call that has happened, trying again for a while if the database went away
     * meanwhile (a restart of PostgreSQL takes seconds). Mimeeq was called, so the entry must not be lost:
     * beyond that patience it is kept in the {@link AuditSpool} and appended when the database is back. The
     * answer is still withheld (false), since it was not audited when it would have been shown.
     */
    private boolean record(Actor actor, AuditEntry outcome, String endpoint) {
        long deadline = System.nanoTime() + recordPatience.toNanos();
        long pauseMillis = 200;
        while (true) {
            try {
                audit.record(actor.tenant(), outcome);
                return true;
            } catch (RuntimeException e) {
                if (System.nanoTime() + pauseMillis * 1_000_000 > deadline) {
                    keep(actor, outcome, endpoint, e);
                    return false;
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pauseMillis = Math.min(pauseMillis * 2, 2_000);
            }
        }
    }

    private void keep(Actor actor, AuditEntry outcome, String endpoint, RuntimeException failure) {
        try {
            spool.keep(actor.tenant(), outcome);
            LOG.log(Level.WARNING, "Audit entry of a Mimeeq call " + endpoint + " (correlation id " + actor.correlationId()
                    + ") kept in the spool until the audit log can be written: " + failure);
        } catch (RuntimeException spoolFailed) {
            failure.addSuppressed(spoolFailed);
            // The last resort: the whole entry (never a secret) in the server log.
            LOG.log(Level.SEVERE, "Audit entry of a Mimeeq call " + endpoint + " could not be written: tenant "
                    + actor.tenant() + ", correlation id " + actor.correlationId() + ", " + outcome, failure);
        }
    }

    /** What a call needs from the database, read before it. */
    private record Prepared(KeyForCall key, MimeeqBaseUrl baseUrl) {
    }

    private <T> MimeeqResult<T> attempt(Actor actor, Prepared prepared, Method method, String endpoint,
                                        Map<String, String> query, Function<String, MimeeqResult<T>> translation,
                                        AuditEntry.Builder entry) {
        entry.duration(Duration.ZERO);
        Optional<Duration> waiting = throttle.waiting(actor.tenant());
        if (waiting.isPresent()) {
            return MimeeqResult.failed(new MimeeqFailure(MimeeqFailure.Kind.WAITING_FOR_RATE_LIMIT, null, null,
                    roundUp(waiting.get())));
        }
        KeyForCall.Usable key;
        switch (prepared.key()) {
            case KeyForCall.Usable usable -> key = usable;
            case KeyForCall.Missing missing -> {
                return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.NO_KEY));
            }
            case KeyForCall.Invalidated invalidated -> {
                return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.KEY_INVALIDATED));
            }
            case KeyForCall.Unreadable unreadable -> {
                return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.KEY_UNREADABLE));
            }
        }
        URI base = URI.create(prepared.baseUrl().value());
        long started = System.nanoTime();
        try {
            MimeeqHttpClient.HttpReply reply = throttle.call(actor.tenant(), () -> method == Method.GET
                    ? http.get(base, endpoint, query, key.key(), actor.correlationId())
                    : http.post(base, endpoint, query, key.key(), actor.correlationId()));
            entry.httpStatus(reply.status()).duration(reply.elapsed());
            followKeyHealth(actor, key, reply.status());
            return MimeeqReplyTranslation.translate(reply, translation);
        } catch (MimeeqTransportException e) {
            entry.duration(Duration.ofNanos(System.nanoTime() - started));
            if (e.kind() == MimeeqTransportException.Kind.SERVER_ERROR) {
                entry.httpStatus(e.reply().status());
                return MimeeqReplyTranslation.translate(e.reply(), translation);
            }
            return MimeeqResult.failed(MimeeqFailure.of(e.kind() == MimeeqTransportException.Kind.TIMEOUT
                    ? MimeeqFailure.Kind.TIMEOUT : MimeeqFailure.Kind.UNREACHABLE));
        } catch (TenantThrottle.Busy e) {
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.BUSY));
        } catch (CallNotPermittedException e) {
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.CIRCUIT_OPEN));
        }
    }

    /**
     * Three 401s in a row mark the key invalid (the customer regenerated it); any other answer that came
     * back (2xx, 4xx; 5xx and timeouts never get here) resets the count. Two requests of one tenant may
     * update the row at once; the loser's update is dropped, which at worst delays the marking by a call.
     */
    private void followKeyHealth(Actor actor, KeyForCall.Usable key, int status) {
        try {
            if (status == 401) {
                keys.unauthorized(actor, key.fingerprint());
            } else if (key.unauthorizedInARow() > 0) {
                keys.authorized(actor.tenant(), key.fingerprint());
            }
        } catch (OptimisticLockException | StaleStateException concurrent) {
            LOG.fine(() -> "Concurrent key-health update for " + actor.tenant() + " dropped");
        }
    }

    /** The parameters for the audit entry; none of them is secret (the key travels in a header). */
    private static String describe(Map<String, String> query) {
        StringJoiner parameters = new StringJoiner(" ");
        query.forEach((name, value) -> parameters.add(name + "=" + value));
        return parameters.toString();
    }

    private static Duration roundUp(Duration duration) {
        return Duration.ofSeconds(duration.toMillis() / 1000 + (duration.toMillis() % 1000 == 0 ? 0 : 1));
    }
}
