package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.AuditRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Removes a tenant's entries older than its retention, oldest first, {@value #BATCH} per transaction so
 * that appends waiting for the chain's head never wait long. Only a prefix of the chain is ever removed:
 * the first entry young enough to keep stops the purge, even if older ones follow it.
 *
 * <p>Before each batch is deleted, its last entry (sequence number and hash) is written to the
 * checkpoint file as the chain's new anchor; the head row records the same anchor in the transaction
 * that deletes the batch. The verifier then starts from that anchor, and accepts it only because the
 * file outside the database knows it.
 */
@ApplicationScoped
public class AuditPurge {

    static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(AuditPurge.class.getName());

    private final Database database;
    private final Checkpoints checkpoints;
    private final AuditLog audit;
    private final Clock clock;
    private final int batchSize;

    @Inject
    public AuditPurge(Database database, Checkpoints checkpoints, AuditLog audit) {
        this(database, checkpoints, audit, Clock.systemUTC(), BATCH);
    }

    public AuditPurge(Database database, Checkpoints checkpoints, AuditLog audit, Clock clock, int batchSize) {
        this.database = database;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    protected AuditPurge() {
        this(null, null, null, null, BATCH);
    }

    /** How many entries were removed, and where the chain now starts. */
    public record Result(long purged, long anchorSeq) {
    }

    public Result purge(TenantId tenant, AuditRetention retention) {
        if (retention.forever()) {
            return new Result(0, anchor(tenant));
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retention.days()));
        long purged = 0;
        long anchor = anchor(tenant);
        try {
            for (List<Link> batch = expired(tenant, anchor, cutoff); !batch.isEmpty(); batch = expired(tenant, anchor, cutoff)) {
                Link last = batch.getLast();
                checkpoints.write(new Checkpoint(tenant, Checkpoint.Kind.ANCHOR, last.seq, last.hash, clock.instant()));
                purged += delete(tenant, anchor, last);
                anchor = last.seq;
            }
        } catch (RuntimeException e) {
            AuditEntry.Builder failed = AuditEntry.of(AuditEventType.AUDIT_PURGE).actor("system")
                    .detail("purge stopped after " + purged + " entries: " + e.getClass().getSimpleName());
            recordQuietly(tenant, failed.target("retention").error("PURGE_FAILED"));
            if (!tenant.isSystem()) {
                recordQuietly(TenantId.SYSTEM, failed.target("retention of tenant " + tenant.value()).error("PURGE_FAILED"));
            }
            throw e;
        }
        if (purged > 0) {
            long count = purged;
            long from = anchor;
            LOG.info(() -> "Audit retention: purged " + count + " entries of " + tenant + "; chain now starts after seq " + from);
            String detail = "purged " + purged + " entries older than " + retention.days() + " days; the chain now starts"
                    + " after seq " + anchor;
            audit.record(tenant, AuditEntry.of(AuditEventType.AUDIT_PURGE).actor("system").target("retention")
                    .detail(detail).success());
            // The operator's chain learns of every purge of a tenant's, which the tenant's admins can't erase.
            if (!tenant.isSystem()) {
                audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.AUDIT_PURGE).actor("system")
                        .target("retention of tenant " + tenant.value()).detail(detail).success());
            }
        }
        return new Result(purged, anchor);
    }

    private record Link(long seq, String hash) {
    }

    /** The next batch of expired entries right after the anchor, cut at the first one to keep. */
    private List<Link> expired(TenantId tenant, long anchor, Instant cutoff) {
        List<Object[]> rows = database.inTenant(tenant, session -> session.createSelectionQuery(
                        "select e.seq, e.hash, e.occurredAt from AuditEvent e where e.tenantId = :tenant and e.seq > :anchor"
                                + " order by e.tenantId, e.seq", Object[].class)
                .setParameter("tenant", tenant.value()).setParameter("anchor", anchor)
                .setMaxResults(batchSize).getResultList());
        List<Link> batch = new ArrayList<>();
        for (Object[] row : rows) {
            if (!((Instant) row[2]).isBefore(cutoff)) {
                break;
            }
            batch.add(new Link((Long) row[0], (String) row[1]));
        }
        return batch;
    }

    private long delete(TenantId tenant, long anchor, Link last) {
        return database.inTenant(tenant, session -> {
            AuditChainHead head = session.find(AuditChainHead.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
            if (head.anchorSeq() != anchor) {
                throw new IllegalStateException("Another purge moved the anchor of " + tenant);
            }
            // Native: the application never deletes audit entries through its model, only here.
            int deleted = session.createNativeMutationQuery(
                            "delete from audit_event where tenant_id = ?1 and seq > ?2 and seq <= ?3")
                    .setParameter(1, tenant.value()).setParameter(2, anchor).setParameter(3, last.seq)
                    .executeUpdate();
            head.anchorAt(last.seq, last.hash, clock.instant());
            return (long) deleted;
        });
    }

    private long anchor(TenantId tenant) {
        return database.inTenant(tenant, session -> {
            AuditChainHead head = session.find(AuditChainHead.class, tenant.value());
            return head == null ? 0L : head.anchorSeq();
        });
    }

    private void recordQuietly(TenantId tenant, AuditEntry entry) {
        try {
            audit.record(tenant, entry);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Audit retention: could not record the failed purge of " + tenant + ": " + e);
        }
    }
}
