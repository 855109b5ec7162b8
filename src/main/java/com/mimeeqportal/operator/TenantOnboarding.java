package com.mimeeqportal.operator;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.AuditRetention;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.GeneratedPasswords;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An operator creates a tenant together with its first account admin, whose password is shown once. */
@ApplicationScoped
public class TenantOnboarding {

    private final Tenants tenants;
    private final Users users;
    private final AuditLog audit;
    private final int retentionFloorDays;
    private final boolean plainHttpAllowed;

    @Inject
    public TenantOnboarding(Tenants tenants, Users users, AuditLog audit, PortalConfig config) {
        this(tenants, users, audit, config.auditRetentionFloorDays(), config.demo() || config.mimeeqAllowHttp());
    }

    public TenantOnboarding(Tenants tenants, Users users, AuditLog audit, int retentionFloorDays,
                            boolean plainHttpAllowed) {
        this.tenants = tenants;
        this.users = users;
        this.audit = audit;
        this.retentionFloorDays = retentionFloorDays;
        this.plainHttpAllowed = plainHttpAllowed;
    }

    protected TenantOnboarding() {
        this(null, null, null, 1, false);
    }

    /**
     * In production the key travels to the base URL in a header, so the URL must be https unless the operator
     * has said otherwise ({@code portal.mimeeq.allow-http}, for a Mimeeq emulator on a private network). Demo
     * mode allows http for the sandbox beside the portal.
     */
    static void checkScheme(MimeeqBaseUrl baseUrl, boolean plainHttpAllowed) {
        if (!baseUrl.https() && !plainHttpAllowed) {
            throw new InvalidInputException("baseUrl", "validation.baseUrl.https");
        }
    }

    public Onboarded create(Actor operator, TenantName name, MimeeqBaseUrl baseUrl, Username firstAdmin) {
        checkScheme(baseUrl, plainHttpAllowed);
        if (users.findForSignIn(firstAdmin).isPresent()) {
            throw new InvalidInputException("adminUsername", "validation.username.taken");
        }
        // Fail closed: no tenant is created unless its creation can be audited.
        audit.checkWritable(operator.tenant(), AuditEntry.of(AuditEventType.TENANT_CREATE).by(operator)
                .detail("name " + name.value()).success());
        Tenant tenant = tenants.create(name, baseUrl);
        // A new tenant keeps its audit log for the operator's floor; its admins can only lengthen that.
        tenants.changeAuditRetention(tenant.id(), new AuditRetention(Math.min(retentionFloorDays, AuditRetention.MAX_DAYS)));
        char[] password = GeneratedPasswords.next();
        // Shown on the operator's page and passed on by hand: one-time, replaced at the first sign-in.
        users.create(tenant.id(), firstAdmin, password, Role.ACCOUNT_ADMIN, true);
        audit.record(operator.tenant(), AuditEntry.of(AuditEventType.TENANT_CREATE).by(operator)
                .target("tenant " + tenant.id()).detail("name " + name.value()).success());
        audit.record(tenant.id(), AuditEntry.of(AuditEventType.USER_CREATE).by(operator)
                .target("user " + firstAdmin.value()).detail("role ACCOUNT_ADMIN, created by the operator").success());
        return new Onboarded(tenant, firstAdmin, new String(password));
    }

    /** The new tenant and its admin's one-time password, to be shown once and never stored in clear. */
    public record Onboarded(Tenant tenant, Username admin, String oneTimePassword) {
        @Override
        public String toString() {
            return "Onboarded[" + tenant.name() + ", " + admin + "]";
        }
    }
}
