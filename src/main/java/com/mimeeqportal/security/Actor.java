package com.mimeeqportal.security;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.tenant.TenantId;
import java.util.Objects;

/**
 * The person behind a request, with what the audit log needs to know about the request itself.
 * Services take an Actor instead of reading the HTTP request, so they run the same in tests.
 */
public record Actor(SignedInUser user, String clientIp, String correlationId) {

    public Actor {
        Objects.requireNonNull(user);
    }

    public TenantId tenant() {
        return user.tenantId();
    }

    /** Fills in who, from where, and which request. */
    public AuditEntry.Builder audit(AuditEntry.Builder builder) {
        return builder.actor(user.username().value()).clientIp(clientIp).correlationId(correlationId);
    }
}
