package com.mimeeqportal.operator;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * An operator renames, suspends and resumes tenants, and unlocks the sign-ins of a tenant's admins; each change is audited in the system log. A
 * suspension takes effect at once: sign-in refuses the tenant's users and their open sessions end at
 * their next request (see {@code SignedInSessions}). An unknown tenant id throws
 * {@link java.util.NoSuchElementException}.
 */
@ApplicationScoped
public class TenantAdministration {

    private final Tenants tenants;
    private final AuditLog audit;
    private final Users users;
    private final SignInLocks locks;

    @Inject
    public TenantAdministration(Tenants tenants, AuditLog audit, Users users, SignInLocks locks) {
        this.tenants = tenants;
        this.audit = audit;
        this.users = users;
        this.locks = locks;
    }

    protected TenantAdministration() {
        this(null, null, null, null);
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

    /**
     * Forgives every sign-in failure of the tenant's account admins, from every address: the way back in for
     * a tenant whose admins are all locked, who have nobody left to unlock them. Recorded in the system log
     * and in the tenant's own. Returns how many admins were locked.
     */
    public int unlockAdmins(Actor operator, TenantId id) {
        tenants.find(id).orElseThrow();
        rehearse(operator, AuditEventType.USER_UNLOCK, id);
        List<String> admins = users.all(id).stream().filter(u -> u.role() == Role.ACCOUNT_ADMIN).map(User::id).toList();
        int locked = locks.forgive(admins);
        String detail = "sign-in locks of the tenant's " + admins.size() + " admins forgiven (" + locked + " locked)";
        record(operator, AuditEventType.USER_UNLOCK, id, detail);
        audit.record(id, AuditEntry.of(AuditEventType.USER_UNLOCK).by(operator).target("account admins")
                .detail("by the operator: " + detail).success());
        return locked;
    }

    /** Fail closed: a tenant is not changed unless the change's audit entry can be written. */
    private void rehearse(Actor operator, AuditEventType type, TenantId id) {
        audit.checkWritable(operator.tenant(), AuditEntry.of(type).by(operator).target("tenant " + id).success());
    }

    private void record(Actor operator, AuditEventType type, TenantId id, String detail) {
        audit.record(operator.tenant(), AuditEntry.of(type).by(operator).target("tenant " + id).detail(detail).success());
    }
}
