package com.mimeeqportal.demo;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.mimeeq.sandbox.SandboxAccounts;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.InitialUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Demo mode's first start: the tenant "Demo Furniture" (calling the built-in sandbox, with the sandbox
 * account's key sealed like any other), and the users admin@demo.example and
 * sales@demo.example (the operator exists in every mode, see Startup). Each piece is created only if
 * missing, so later starts change nothing.
 */
@ApplicationScoped
public class DemoSeeder {

    public static final String TENANT_NAME = "Demo Furniture";
    public static final String SANDBOX_ACCOUNT = "demo-furniture";

    private final PortalConfig config;
    private final Tenants tenants;
    private final InitialUsers initialUsers;
    private final ApiKeys apiKeys;
    private final SandboxAccounts sandboxAccounts;

    @Inject
    public DemoSeeder(PortalConfig config, Tenants tenants, InitialUsers initialUsers, ApiKeys apiKeys,
                      SandboxAccounts sandboxAccounts) {
        this.config = config;
        this.tenants = tenants;
        this.initialUsers = initialUsers;
        this.apiKeys = apiKeys;
        this.sandboxAccounts = sandboxAccounts;
    }

    protected DemoSeeder() {
        this(null, null, null, null, null);
    }

    /** Seeds what is missing and returns the lines to print once (new users and their passwords). */
    public List<String> seed() {
        List<String> announcements = new ArrayList<>();
        Tenant tenant = tenants.findByName(new TenantName(TENANT_NAME))
                .orElseGet(() -> tenants.create(new TenantName(TENANT_NAME), MimeeqBaseUrl.SANDBOX));
        user(tenant.id(), "admin@demo.example", Role.ACCOUNT_ADMIN, "admin", announcements);
        user(tenant.id(), "sales@demo.example", Role.SALES, "sales", announcements);
        if (apiKeys.status(tenant.id()).isEmpty()) {
            apiKeys.set(tenant.id(), new ApiKey(sandboxAccounts.currentKey(SANDBOX_ACCOUNT)), "demo seeding",
                    AuditEntry.of(AuditEventType.API_KEY_SET).actor("system").detail("demo seeding"));
        }
        return announcements;
    }

    private void user(TenantId tenant, String name, Role role, String configName, List<String> announcements) {
        initialUsers.ensure(tenant, name, role, config.demoPassword(configName),
                "portal.demo." + configName + "-password").ifPresent(announcements::add);
    }
}
