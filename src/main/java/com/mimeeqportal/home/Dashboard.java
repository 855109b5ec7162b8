package com.mimeeqportal.home;

import com.mimeeqportal.apikey.ApiKeyStatus;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.KeysetRotation;
import com.mimeeqportal.audit.AuditEvent;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditFilter;
import com.mimeeqportal.audit.AuditFilterForm;
import com.mimeeqportal.audit.AuditSearch;
import com.mimeeqportal.audit.AuditSearch.EndpointCalls;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.shortcode.ShortCodes;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard shows each role. Account admins: the key's health, today's Mimeeq calls per endpoint,
 * recent codes of the tenant and who is locked out. Sales: only whether Mimeeq can be used (no part of the
 * key), their own calls and codes today. Operators: tenants whose key or chain needs attention, the system
 * chain's last verification and the keyset rotation; never a tenant's key, catalog or codes.
 */
@ApplicationScoped
public class Dashboard {

    static final int RECENT_CODES = 5;

    private final ApiKeys apiKeys;
    private final AuditSearch audit;
    private final ShortCodes shortCodes;
    private final Users users;
    private final Tenants tenants;
    private final KeysetRotation keysets;
    private final SignInLocks locks;
    private final Clock clock;

    @Inject
    public Dashboard(ApiKeys apiKeys, AuditSearch audit, ShortCodes shortCodes, Users users, Tenants tenants,
                     KeysetRotation keysets, SignInLocks locks) {
        this(apiKeys, audit, shortCodes, users, tenants, keysets, locks, Clock.systemUTC());
    }

    Dashboard(ApiKeys apiKeys, AuditSearch audit, ShortCodes shortCodes, Users users, Tenants tenants,
              KeysetRotation keysets, SignInLocks locks, Clock clock) {
        this.apiKeys = apiKeys;
        this.audit = audit;
        this.shortCodes = shortCodes;
        this.users = users;
        this.tenants = tenants;
        this.keysets = keysets;
        this.locks = locks;
        this.clock = clock;
    }

    protected Dashboard() {
        this(null, null, null, null, null, null, null, null);
    }

    /** For account admins and sales staff of the actor's tenant. */
    public Map<String, Object> forTenant(Actor actor) {
        TenantId tenant = actor.tenant();
        boolean admin = actor.user().admin();
        Map<String, Object> model = new HashMap<>();
        Optional<ApiKeyStatus> key = apiKeys.status(tenant);
        model.put("keySet", key.isPresent());
        model.put("keyUsable", key.isPresent() && !key.get().invalid()
                && !Boolean.FALSE.equals(key.get().lastTestOk()));
        if (admin) {
            model.put("keyStatus", key.orElse(null));
        }
        String today = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        Map<String, String> todayForm = new HashMap<>(Map.of("range", "custom", "from", today, "to", today));
        if (!admin) {
            todayForm.put("actor", actor.user().username().value());
        }
        AuditFilter filter = AuditFilterForm.parse(todayForm::get, clock).orElseThrow();
        List<EndpointCalls> calls = audit.callsPerEndpoint(tenant, filter);
        model.put("callsPerEndpoint", calls);
        model.put("callsToday", calls.stream().mapToLong(EndpointCalls::calls).sum());
        model.put("failuresToday", calls.stream().mapToLong(EndpointCalls::failures).sum());
        model.put("todayQuery", filter.queryString());
        model.put("recentCodes", shortCodes.history(actor, "", new PageRequest(1, RECENT_CODES)).items());
        if (admin) {
            // Locks are per (account, client address); a user locked from any address is worth the admin's look.
            model.put("lockedUsers", users.all(tenant).stream()
                    .filter(user -> locks.lockedUntilAnywhere(user.id()).isPresent()).map(User::username).toList());
        }
        return model;
    }

    /** For the operator: the system's state, with nothing of a tenant's secrets or data. */
    public Map<String, Object> forOperator() {
        AuditFilter lastMonth = AuditFilterForm.parse(Map.of("range", "30d")::get, clock).orElseThrow();
        List<TenantHealth> health = tenants.all().stream().filter(tenant -> !tenant.id().isSystem())
                .map(tenant -> health(tenant, lastMonth)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("tenants", health);
        model.put("tenantsNeedingAttention", health.stream().filter(TenantHealth::needsAttention).count());
        model.put("systemVerification", lastVerification(TenantId.SYSTEM, lastMonth).orElse(null));
        model.put("rotation", keysets.status());
        return model;
    }

    private TenantHealth health(Tenant tenant, AuditFilter lastMonth) {
        Optional<ApiKeyStatus> key = apiKeys.status(tenant.id());
        Optional<AuditEvent> verification = lastVerification(tenant.id(), lastMonth);
        return new TenantHealth(tenant.name(), tenant.active(), key.isPresent(),
                key.map(ApiKeyStatus::invalid).orElse(false),
                verification.map(event -> event.type() == AuditEventType.AUDIT_VERIFY).orElse(null),
                verification.map(AuditEvent::occurredAt).orElse(null));
    }

    private Optional<AuditEvent> lastVerification(TenantId tenant, AuditFilter window) {
        Optional<AuditEvent> ok = first(tenant, withType(window, AuditEventType.AUDIT_VERIFY));
        Optional<AuditEvent> broken = first(tenant, withType(window, AuditEventType.AUDIT_VERIFY_ERROR));
        if (ok.isEmpty()) {
            return broken;
        }
        return broken.filter(b -> b.seq() > ok.get().seq()).or(() -> ok);
    }

    private static AuditFilter withType(AuditFilter filter, AuditEventType type) {
        return new AuditFilter(filter.from(), filter.to(), null, type, null, null, null, Map.of());
    }

    private Optional<AuditEvent> first(TenantId tenant, AuditFilter filter) {
        return audit.page(tenant, filter, new PageRequest(1, 1)).items().stream().findFirst();
    }

    /** One tenant on the operator's dashboard: status, whether a key is set and works, the last verification. */
    public record TenantHealth(String name, boolean active, boolean keySet, boolean keyInvalid, Boolean chainIntact,
                               Instant verifiedAt) {

        public boolean needsAttention() {
            return !keySet || keyInvalid || Boolean.FALSE.equals(chainIntact);
        }

        public String verifiedAtText() {
            return com.mimeeqportal.web.Times.format(verifiedAt);
        }
    }
}
