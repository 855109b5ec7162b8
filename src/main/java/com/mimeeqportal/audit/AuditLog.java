package com.mimeeqportal.audit;

import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.TenantId;
import com.mimeeqportal.web.Page;
import com.mimeeqportal.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Writes and reads the audit log. Writing goes through a tenant-bound session, so an entry always lands
 * in the tenant it was written for; reading sees only the caller's tenant.
 */
@ApplicationScoped
public class AuditLog {

    private final Database database;

    @Inject
    public AuditLog(Database database) {
        this.database = database;
    }

    protected AuditLog() {
        this.database = null;
    }

    public void record(TenantId tenant, AuditEntry entry) {
        database.runInTenant(tenant, session -> session.persist(new AuditEvent(entry)));
    }

    /** The tenant's entries, newest first. */
    public Page<AuditEvent> page(TenantId tenant, PageRequest request) {
        return database.inTenant(tenant, session -> {
            // Spelt out although @TenantId filters: the system tenant is Hibernate's root and sees every row.
            long total = session.createSelectionQuery(
                            "select count(e) from AuditEvent e where e.tenantId = :tenant", Long.class)
                    .setParameter("tenant", tenant.value())
                    .getSingleResult();
            List<AuditEvent> items = session.createSelectionQuery(
                            "from AuditEvent e where e.tenantId = :tenant order by e.occurredAt desc, e.id desc",
                            AuditEvent.class)
                    .setParameter("tenant", tenant.value())
                    .setFirstResult(request.offset())
                    .setMaxResults(request.size())
                    .getResultList();
            return new Page<>(items, request.number(), request.size(), total);
        });
    }
}
