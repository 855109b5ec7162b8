package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.Page;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Writes and reads the audit log. Writing goes through a tenant-bound session, so an entry always lands
 * in the tenant it was written for; reading sees only the caller's tenant.
 *
 * <p>Every write appends to the tenant's hash chain: in one transaction it locks the chain's head row,
 * takes the next sequence number, links to the previous hash, stores the entry with its HMAC and moves
 * the head. The lock is held only for that insert, and it is a database lock, so it also orders the
 * writes of several portal instances sharing one PostgreSQL.
 */
@ApplicationScoped
public class AuditLog {

    private final Database database;
    private final ChainAppender appender;
    /** Tenants whose head row is known to exist; saves a round trip on every write. */
    private final Set<String> knownHeads = ConcurrentHashMap.newKeySet();

    @Inject
    public AuditLog(Database database, ChainMac mac) {
        this.database = database;
        this.appender = new ChainAppender(database.dataSource(), database.keptStatements(), mac);
    }

    protected AuditLog() {
        this.database = null;
        this.appender = null;
    }

    /** Appends {@code entry} to {@code tenant}'s chain; returns once it is committed (group commit). */
    public void record(TenantId tenant, AuditEntry entry) {
        ensureHead(tenant);
        appender.append(tenant, entry);
    }

    /**
     * Throws unless an entry for {@code tenant} can be written right now, by writing {@code entry} in a
     * transaction that is rolled back. Actions that must not happen unaudited (Mimeeq calls, key changes)
     * ask first, in the spirit of Vault's audit broker: no audit, no action.
     */
    public void checkWritable(TenantId tenant, AuditEntry entry) {
        checkWritableWhile(tenant, entry, session -> null);
    }

    /**
     * {@link #checkWritable} in the transaction that also runs {@code reads} (which must only read), first:
     * a Mimeeq call needs its key and its tenant's base URL as well as the rehearsal, and one transaction
     * for the three saves two trips to the database on every call. The rehearsal reads the chain head but
     * does not lock it ({@link ChainAppender#rehearse}), so it never waits behind the appends of other calls.
     */
    public <T> T checkWritableWhile(TenantId tenant, AuditEntry entry, Function<Session, T> reads) {
        try {
            ensureHead(tenant);
            return rehearse(tenant, entry, reads);
        } catch (RuntimeException e) {
            throw new AuditUnavailableException(e);
        }
    }

    private <T> T rehearse(TenantId tenant, AuditEntry entry, Function<Session, T> reads) {
        return database.rehearseInTenant(tenant, session -> {
            T read = reads.apply(session);
            session.doWork(connection -> appender.rehearse(connection, tenant, entry));
            return read;
        });
    }

    /**
     * Creates the tenant's head row on its first entry. Two instances may race to do so; the loser's
     * insert fails on the primary key, which is fine as long as the row is there afterwards.
     */
    private void ensureHead(TenantId tenant) {
        if (knownHeads.contains(tenant.value())) {
            return;
        }
        try {
            database.runInTenant(tenant, session -> {
                if (session.find(AuditChainHead.class, tenant.value()) == null) {
                    session.persist(new AuditChainHead(tenant.value(), Instant.now()));
                }
            });
        } catch (PersistenceException raced) {
            if (database.inTenant(tenant, session -> session.find(AuditChainHead.class, tenant.value())) == null) {
                throw raced;
            }
        }
        knownHeads.add(tenant.value());
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
                            "from AuditEvent e where e.tenantId = :tenant order by e.tenantId desc, e.seq desc",
                            AuditEvent.class)
                    .setParameter("tenant", tenant.value())
                    .setFirstResult(request.offset())
                    .setMaxResults(request.size())
                    .getResultList();
            return new Page<>(items, request.number(), request.size(), total);
        });
    }
}
