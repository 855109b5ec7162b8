package com.mimeeqportal.demo;

import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
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
import java.util.Optional;

/**
 * Demo mode's first start: the tenant "Demo Furniture" (calling the Mimeeq sandbox at
 * {@code portal.demo.mimeeq-base-url}, with the sandbox account's key, read from the sandbox like a customer
 * copies it from Mimeeq and sealed like any other), and the users admin@demo.example and
 * sales@demo.example (the operator exists in every mode, see Startup). Each piece is created only if
 * missing, so later starts change nothing, except that the tenant follows the sandbox should its address
 * change (another port, say).
 */
@ApplicationScoped
public class DemoSeeder {

    public static final String TENANT_NAME = "Demo Furniture";
    public static final String SANDBOX_ACCOUNT = "demo-furniture";

    private final PortalConfig config;
    private final Tenants tenants;
    private final InitialUsers initialUsers;
    private final ApiKeys apiKeys;
    private final AuditLog audit;

    @Inject
    public DemoSeeder(PortalConfig config, Tenants tenants, InitialUsers initialUsers, ApiKeys apiKeys,
                      AuditLog audit) {
        this.config = config;
        this.tenants = tenants;
        this.initialUsers = initialUsers;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    protected DemoSeeder() {
        this(null, null, null, null, null);
    }

    /** Seeds what is missing and returns the lines to print once (new users and their passwords). */
    public List<String> seed() {
        List<String> announcements = new ArrayList<>();
        MimeeqBaseUrl sandbox = new MimeeqBaseUrl(config.demoMimeeqBaseUrl());
        Tenant tenant = tenants.findByName(new TenantName(TENANT_NAME))
                .orElseGet(() -> tenants.create(new TenantName(TENANT_NAME), sandbox));
        if (!tenant.mimeeqBaseUrl().equals(sandbox)) {
            follow(tenant, sandbox);
        }
        // Both users are hashed side by side, while the key is read and sealed and after the start.
        user(tenant.id(), "admin@demo.example", Role.ACCOUNT_ADMIN, "admin").ifPresent(announcements::add);
        user(tenant.id(), "sales@demo.example", Role.SALES, "sales").ifPresent(announcements::add);
        if (apiKeys.status(tenant.id()).isEmpty()) {
            DemoAccountKey.read(sandbox, SANDBOX_ACCOUNT).ifPresent(key -> apiKeys.set(tenant.id(), key,
                    "demo seeding", AuditEntry.of(AuditEventType.API_KEY_SET).actor("system").detail("demo seeding")));
        }
        return announcements;
    }

    /** The sandbox moved (another port, say): the demo tenant calls it where it is now. */
    private void follow(Tenant tenant, MimeeqBaseUrl sandbox) {
        tenants.change(tenant.id(), t -> t.callMimeeqAt(sandbox));
        audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.TENANT_UPDATE).actor("system")
                .target("tenant " + tenant.id()).detail("demo seeding: Mimeeq base URL " + sandbox.value()).success());
    }

    private Optional<String> user(TenantId tenant, String name, Role role, String configName) {
        return initialUsers.ensure(tenant, name, role, config.demoPassword(configName),
                "portal.demo." + configName + "-password");
    }
}
