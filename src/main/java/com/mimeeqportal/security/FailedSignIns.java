package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.user.LockoutPolicy;
import com.mimeeqportal.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Records failed sign-ins ({@code LOGIN_ERROR} with the reason) under the tenant of the typed username
 * when that user exists, otherwise in the system log, and a lockout they caused as an event of its own.
 * The page says the same thing for every failure; only the audit log knows why.
 */
@ApplicationScoped
public class FailedSignIns {

    private final AuditLog audit;

    @Inject
    public FailedSignIns(AuditLog audit) {
        this.audit = audit;
    }

    protected FailedSignIns() {
        this(null);
    }

    /** The form was refused before any credential was checked. */
    public void invalidInput(String typedUsername, String clientIp, String correlationId) {
        record(typedUsername, Optional.empty(), "INVALID_INPUT", clientIp, correlationId);
    }

    public void refused(String typedUsername, SignInOutcome outcome, String clientIp, String correlationId) {
        record(typedUsername, outcome.user(), outcome.result().name(), clientIp, correlationId);
        outcome.lockedUntil().ifPresent(until -> audit.record(outcome.user().orElseThrow().tenantId(),
                AuditEntry.of(AuditEventType.LOGIN_LOCKOUT).actor(typedUsername)
                        .clientIp(clientIp)
                        .correlationId(correlationId)
                        .target("user " + outcome.user().get().username().value())
                        .detail("locked until " + until + " after " + LockoutPolicy.THRESHOLD + " failed sign-ins")
                        .error("TOO_MANY_FAILURES")));
    }

    private void record(String typedUsername, Optional<User> user, String reason, String clientIp, String correlationId) {
        TenantId tenant = user.<TenantId>map(User::tenantId).orElse(TenantId.SYSTEM);
        audit.record(tenant, AuditEntry.of(AuditEventType.LOGIN).actor(typedUsername)
                .clientIp(clientIp).correlationId(correlationId).error(reason));
    }
}
