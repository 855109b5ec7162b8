package com.mimeeqportal.identity;

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

    /** The name the audit log records for this person. */
    public String name() {
        return user.username().value();
    }
}
