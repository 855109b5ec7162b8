package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.user.LockoutPolicy;
import com.mimeeqportal.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Records failed sign-ins ({@code LOGIN_ERROR} with the reason) under the tenant of the typed username
 * when that user exists, otherwise in the system log, and a lockout they caused as an event of its own.
 * A flood is aggregated ({@link FailureTally}): past the first few failures of a client in a minute, and
 * for every attempt the rate limits refused, the chain gets one summary entry per client and minute with
 * the count. The page says the same thing for every failure; only the audit log knows why.
 */
@ApplicationScoped
public class FailedSignIns {

    private static final Logger LOG = Logger.getLogger(FailedSignIns.class.getName());

    private final AuditLog audit;
    private final FailureTally tally = new FailureTally();
    private final Clock clock;

    @Inject
    public FailedSignIns(AuditLog audit) {
        this(audit, Clock.systemUTC());
    }

    FailedSignIns(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    protected FailedSignIns() {
        this(null, Clock.systemUTC());
    }

    /** The form was refused before any credential was checked. */
    public void invalidInput(String typedUsername, String clientIp, String correlationId) {
        record(TenantId.SYSTEM, typedUsername, "INVALID_INPUT", clientIp, correlationId, true);
    }

    /** The rate limits refused the attempt before anything was checked: only ever counted in a summary. */
    public void throttled(String typedUsername, String clientIp, String correlationId) {
        record(TenantId.SYSTEM, typedUsername, "RATE_LIMITED", clientIp, correlationId, false);
    }

    public void refused(String typedUsername, SignInOutcome outcome, String clientIp, String correlationId) {
        TenantId chain = outcome.user().<TenantId>map(User::tenantId).orElse(TenantId.SYSTEM);
        record(chain, typedUsername, outcome.result().name(), clientIp, correlationId, true);
        // A lockout is rare by construction (one per five failures of a pair), so it is always recorded.
        outcome.lockedUntil().ifPresent(until -> audit.record(outcome.user().orElseThrow().tenantId(),
                AuditEntry.of(AuditEventType.LOGIN_LOCKOUT).actor(typedUsername)
                        .clientIp(clientIp)
                        .correlationId(correlationId)
                        .target("user " + outcome.user().get().username().value())
                        .detail("locked for " + clientIp + " until " + until + " after " + LockoutPolicy.THRESHOLD
                                + " failed sign-ins from there")
                        .error("TOO_MANY_FAILURES")));
    }

    /**
     * Writes the summaries of the minutes that have ended. Called on every failure and once a minute by
     * {@link FailedSignInSummaries}, so a summary appears within about a minute of its window.
     */
    public void writeSummaries() {
        for (FailureTally.Summary summary : tally.closed(clock.instant())) {
            try {
                audit.record(summary.chain(), AuditEntry.of(AuditEventType.LOGIN).actor(String.join(", ", summary.usernames()))
                        .clientIp(summary.client())
                        .target(summary.count() + " failed sign-ins")
                        .detail(summary.count() + " further failed sign-ins from " + summary.client() + " between "
                                + summary.from() + " and " + summary.to() + " (" + reasons(summary.reasons()) + ")")
                        .error("REPEATED_FAILURES"));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Could not record " + summary.count() + " failed sign-ins from "
                        + summary.client() + " in the audit log", e);
            }
        }
    }

    private void record(TenantId chain, String typedUsername, String reason, String clientIp, String correlationId,
                        boolean mayStandAlone) {
        writeSummaries();
        if (tally.count(chain, clientIp, typedUsername, reason, mayStandAlone, clock.instant())) {
            try {
                audit.record(chain, AuditEntry.of(AuditEventType.LOGIN).actor(typedUsername)
                        .clientIp(clientIp).correlationId(correlationId).error(reason));
            } catch (RuntimeException e) {
                // The attempt is refused either way; the page says the log is down (503) instead of a 500.
                throw new AuditUnavailableException(e);
            }
        }
    }

    private static String reasons(Map<String, Integer> reasons) {
        return reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
