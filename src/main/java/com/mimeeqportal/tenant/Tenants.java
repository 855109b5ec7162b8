package com.mimeeqportal.tenant;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.system.RecentReads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.Session;

/** Tenants live above tenancy: this is the one place that reads and writes them. */
@ApplicationScoped
public class Tenants {

    /** How long another instance may call a tenant's old Mimeeq address after it changed. */
    static final Duration BASE_URL_REMEMBERED = Duration.ofSeconds(5);

    private final Database database;
    /**
     * Where each tenant's Mimeeq calls go, which every call needs: loading the tenant was 6.5 % of the lookup
     * page's CPU in a profile. Only {@link #change} moves it (the demo's seeding, at start), and forgets it here.
     */
    private final RecentReads<TenantId, Optional<MimeeqBaseUrl>> baseUrls =
            new RecentReads<>(Clock.systemUTC(), BASE_URL_REMEMBERED);

    @Inject
    public Tenants(Database database) {
        this.database = database;
    }

    protected Tenants() {
        this.database = null;
    }

    public Tenant create(TenantName name, MimeeqBaseUrl baseUrl) {
        return database.asSystem(session -> {
            if (findByName(session, name).isPresent()) {
                throw new InvalidInputException("name", "validation.tenant.nameTaken");
            }
            Tenant tenant = new Tenant(TenantId.random(), name, baseUrl, Instant.now());
            session.persist(tenant);
            return tenant;
        });
    }

    public Optional<Tenant> find(TenantId id) {
        return database.asSystem(session -> find(session, id));
    }

    /** As above, in a transaction of the caller's (the tenant table is not bound to a tenant). */
    public Optional<Tenant> find(Session session, TenantId id) {
        return Optional.ofNullable(session.find(Tenant.class, id.value()));
    }

    /** Where the tenant's Mimeeq calls go, read in the caller's transaction unless read a moment ago. */
    public Optional<MimeeqBaseUrl> mimeeqBaseUrl(Session session, TenantId id) {
        return baseUrls.get(id, () -> find(session, id).map(Tenant::mimeeqBaseUrl));
    }

    public Optional<Tenant> findByName(TenantName name) {
        return database.asSystem(session -> findByName(session, name));
    }

    /** Changes how long the tenant's audit entries are kept; returns the previous setting. */
    public AuditRetention changeAuditRetention(TenantId id, AuditRetention retention) {
        return database.asSystem(session -> {
            Tenant tenant = session.find(Tenant.class, id.value());
            if (tenant == null) {
                throw new IllegalArgumentException("No such tenant");
            }
            AuditRetention previous = tenant.auditRetention();
            tenant.retainAuditEntries(retention);
            return previous;
        });
    }

    /**
     * Runs {@code change} on the tenant in one transaction; returns the tenant afterwards, or empty when
     * there is no such tenant.
     */
    public Optional<Tenant> change(TenantId id, Consumer<Tenant> change) {
        try {
            return database.asSystem(session -> Optional.ofNullable(session.find(Tenant.class, id.value()))
                    .map(tenant -> {
                        change.accept(tenant);
                        return tenant;
                    }));
        } finally {
            baseUrls.forget(id);
        }
    }

    /** Renames the tenant; another tenant's name is refused as for a new tenant. */
    public Optional<Tenant> rename(TenantId id, TenantName name) {
        return database.asSystem(session -> {
            Optional<Tenant> other = findByName(session, name).filter(t -> !t.id().equals(id));
            if (other.isPresent()) {
                throw new InvalidInputException("name", "validation.tenant.nameTaken");
            }
            Tenant tenant = session.find(Tenant.class, id.value());
            if (tenant != null) {
                tenant.rename(name);
            }
            return Optional.ofNullable(tenant);
        });
    }

    public List<Tenant> all() {
        return database.asSystem(session ->
                session.createSelectionQuery("from Tenant t order by t.name", Tenant.class).getResultList());
    }

    private static Optional<Tenant> findByName(org.hibernate.Session session, TenantName name) {
        return session.createSelectionQuery("from Tenant t where lower(t.name) = lower(:name)", Tenant.class)
                .setParameter("name", name.value())
                .uniqueResultOptional();
    }
}
