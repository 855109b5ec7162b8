package com.mimeeqportal.operator;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An operator renames, suspends and resumes tenants; each change is audited in the system log. A
 * suspension takes effect at once: sign-in refuses the tenant's users and their open sessions end at
 * their next request (see {@code SignedInSessions}). An unknown tenant id throws
 * {@link java.util.NoSuchElementException}.
 */
@ApplicationScoped
public class TenantAdministration {

    private final Tenants tenants;
    private final AuditLog audit;

    @Inject
    public TenantAdministration(Tenants tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    protected TenantAdministration() {
        this.tenants = null;
        this.audit = null;
    }

    public Tenant rename(Actor operator, TenantId id, TenantName name) {
        rehearse(operator, AuditEventType.TENANT_UPDATE, id);
        try {
            Tenant tenant = tenants.rename(id, name).orElseThrow();
            record(operator, AuditEventType.TENANT_UPDATE, id, "renamed to " + name.value());
            return tenant;
        } catch (InvalidInputException e) {
            audit.record(operator.tenant(), AuditEntry.of(AuditEventType.TENANT_UPDATE).by(operator)
                    .target("tenant " + id).error("NAME_TAKEN"));
            throw e;
        }
    }

    public Tenant suspend(Actor operator, TenantId id) {
        rehearse(operator, AuditEventType.TENANT_SUSPEND, id);
        Tenant tenant = tenants.change(id, Tenant::suspend).orElseThrow();
        record(operator, AuditEventType.TENANT_SUSPEND, id, "suspended");
        return tenant;
    }

    public Tenant resume(Actor operator, TenantId id) {
        rehearse(operator, AuditEventType.TENANT_RESUME, id);
        Tenant tenant = tenants.change(id, Tenant::resume).orElseThrow();
        record(operator, AuditEventType.TENANT_RESUME, id, "resumed");
        return tenant;
    }

    /** Fail closed: a tenant is not changed unless the change's audit entry can be written. */
    private void rehearse(Actor operator, AuditEventType type, TenantId id) {
        audit.checkWritable(operator.tenant(), AuditEntry.of(type).by(operator).target("tenant " + id).success());
    }

    private void record(Actor operator, AuditEventType type, TenantId id, String detail) {
        audit.record(operator.tenant(), AuditEntry.of(type).by(operator).target("tenant " + id).detail(detail).success());
    }
}
