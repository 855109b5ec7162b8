package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks a chain from its anchor to its head and names the first entry that does not verify. The walk
 * reads pages of {@value #PAGE} entries in sequence order, each in its own short transaction, so a
 * chain of millions of entries needs neither much memory nor a long-running transaction.
 *
 * <p>Beyond the links themselves it checks the two things the database alone cannot vouch for: that
 * the purge anchor the chain starts from was recorded in the checkpoint file, and that the chain still
 * reaches the latest checkpoint written there (a truncated tail would otherwise look like a clean end).
 */
@ApplicationScoped
public class AuditVerifier {

    static final int PAGE = 1000;

    private final Database database;
    private final ChainMac mac;
    private final Checkpoints checkpoints;
    private final Clock clock;

    @Inject
    public AuditVerifier(Database database, ChainMac mac, Checkpoints checkpoints) {
        this(database, mac, checkpoints, Clock.systemUTC());
    }

    public AuditVerifier(Database database, ChainMac mac, Checkpoints checkpoints, Clock clock) {
        this.database = database;
        this.mac = mac;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    protected AuditVerifier() {
        this(null, null, null, null);
    }

    public ChainVerification verify(TenantId tenant) {
        ChainVerification result = walk(tenant);
        if (!result.intact() && anchorMoved(tenant, result.anchorSeq())) {
            // A purge ran during the walk and removed entries ahead of it: walk again from the new anchor.
            result = walk(tenant);
        }
        return result;
    }

    /** Verifies and, when the chain is intact, records its head as a new checkpoint. */
    public ChainVerification verifyAndCheckpoint(TenantId tenant) {
        ChainVerification result = verify(tenant);
        if (result.intact() && result.verifiedUpTo() > result.anchorSeq()) {
            checkpoints.write(new Checkpoint(tenant, Checkpoint.Kind.HEAD, result.verifiedUpTo(), result.lastHash(),
                    clock.instant()));
        }
        return result;
    }

    private ChainVerification walk(TenantId tenant) {
        Head head = head(tenant);
        Optional<Checkpoint> checkpoint = checkpoints.latest(tenant, Checkpoint.Kind.HEAD);
        Walk walk = new Walk(tenant, head, checkpoint);
        Optional<ChainBreak> found = walk.run();
        return new ChainVerification(tenant, clock.instant(), head.anchorSeq, walk.verifiedUpTo, walk.entries,
                walk.expectedPrev, checkpoint, found);
    }

    /** One pass over one chain; keeps only the current page in memory. */
    private final class Walk {
        private final TenantId tenant;
        private final Head head;
        private final Optional<Checkpoint> checkpoint;
        private final Deque<AuditEvent> page = new ArrayDeque<>();
        private long readUpTo;
        private long verifiedUpTo;
        private long entries;
        private String expectedPrev;
        private String hashAtCheckpoint;

        Walk(TenantId tenant, Head head, Optional<Checkpoint> checkpoint) {
            this.tenant = tenant;
            this.head = head;
            this.checkpoint = checkpoint;
            this.readUpTo = head.anchorSeq;
            this.verifiedUpTo = head.anchorSeq;
            this.expectedPrev = head.anchorSeq == 0 ? AuditChainHead.GENESIS : head.anchorHash;
        }

        Optional<ChainBreak> run() {
            if (head.anchorSeq > 0 && !checkpoints.recordedAnchor(tenant, head.anchorSeq, head.anchorHash)) {
                // The chain claims to start after a purge that the checkpoint file knows nothing of.
                long recorded = checkpoints.latest(tenant, Checkpoint.Kind.ANCHOR).map(Checkpoint::seq).orElse(0L);
                return Optional.of(new ChainBreak(Math.min(recorded, head.anchorSeq) + 1, ChainBreak.Kind.DELETED));
            }
            for (AuditEvent event = next(); event != null; event = next()) {
                Optional<ChainBreak> broken = check(event);
                if (broken.isPresent()) {
                    return broken;
                }
                expectedPrev = event.hash();
                verifiedUpTo = event.seq();
                entries++;
                if (checkpoint.isPresent() && checkpoint.get().seq() == event.seq()) {
                    hashAtCheckpoint = event.hash();
                }
            }
            return atTheEnd();
        }

        private Optional<ChainBreak> check(AuditEvent event) {
            long expectedSeq = verifiedUpTo + 1;
            if (event.seq() > expectedSeq) {
                return broken(expectedSeq, ChainBreak.Kind.DELETED);
            }
            boolean signed = mac.valid(event.hash(), CanonicalForm.of(event));
            boolean linked = Objects.equals(event.prevHash(), expectedPrev);
            if (signed && linked) {
                return Optional.empty();
            }
            if (signed) {
                // A genuine entry whose predecessor is not the one it was written after.
                return broken(event.seq(), event.seq() == head.anchorSeq + 1 ? ChainBreak.Kind.DELETED
                        : ChainBreak.Kind.REORDERED);
            }
            AuditEvent following = peek();
            if (!linked && seqOf(event.prevHash()).filter(original -> original > event.seq()).isPresent()) {
                return broken(event.seq(), ChainBreak.Kind.REORDERED);
            }
            if (following != null && Objects.equals(following.prevHash(), expectedPrev)) {
                return broken(event.seq(), ChainBreak.Kind.INSERTED);
            }
            return broken(event.seq(), ChainBreak.Kind.EDITED);
        }

        private Optional<ChainBreak> atTheEnd() {
            if (verifiedUpTo < head.lastSeq) {
                return broken(verifiedUpTo + 1, ChainBreak.Kind.TRUNCATED);
            }
            if (checkpoint.isPresent() && checkpoint.get().seq() > head.anchorSeq) {
                Checkpoint latest = checkpoint.get();
                if (latest.seq() > verifiedUpTo) {
                    return broken(verifiedUpTo + 1, ChainBreak.Kind.TRUNCATED);
                }
                if (!latest.hash().equals(hashAtCheckpoint)) {
                    return broken(latest.seq(), ChainBreak.Kind.EDITED);
                }
            }
            // Entries beyond the head are none the portal wrote (it moves the head with every append).
            return firstSeqBeyondTheHead().map(seq -> new ChainBreak(seq, ChainBreak.Kind.INSERTED));
        }

        private AuditEvent next() {
            if (page.isEmpty()) {
                fill();
            }
            return page.poll();
        }

        private AuditEvent peek() {
            if (page.isEmpty()) {
                fill();
            }
            return page.peek();
        }

        /** Ordered by tenant, then sequence number: the (tenant, seq) index's order, which H2 then walks (see AuditSearch). */
        private void fill() {
            if (readUpTo >= head.lastSeq) {
                return;
            }
            List<AuditEvent> rows = database.inTenant(tenant, session -> session.createSelectionQuery(
                            "from AuditEvent e where e.tenantId = :tenant and e.seq > :after and e.seq <= :upTo"
                                    + " order by e.tenantId, e.seq", AuditEvent.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("after", readUpTo)
                    .setParameter("upTo", head.lastSeq)
                    .setMaxResults(PAGE)
                    .getResultList());
            page.addAll(rows);
            readUpTo = rows.isEmpty() ? head.lastSeq : rows.getLast().seq();
        }

        private Optional<Long> seqOf(String hash) {
            if (hash == null) {
                return Optional.empty();
            }
            return database.inTenant(tenant, session -> session.createSelectionQuery(
                            "select e.seq from AuditEvent e where e.tenantId = :tenant and e.hash = :hash", Long.class)
                    .setParameter("tenant", tenant.value()).setParameter("hash", hash)
                    .setMaxResults(1).uniqueResultOptional());
        }

        /**
         * Reads the head under its lock, then the entries beyond it. An append holds that lock from its insert to
         * its commit, so none is half-visible here. Without the lock, an append between reading the head and the
         * entries looked like an insertion: first as two queries, then even as one statement on H2, whose
         * snapshot of the two tables is not taken at one moment (ChainHeadTest caught both).
         */
        private Optional<Long> firstSeqBeyondTheHead() {
            return database.inTenant(tenant, session -> {
                AuditChainHead locked = session.find(AuditChainHead.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
                long lastSeq = locked == null ? 0 : locked.lastSeq();
                return Optional.ofNullable(session.createSelectionQuery(
                                "select min(e.seq) from AuditEvent e where e.tenantId = :tenant and e.seq > :lastSeq", Long.class)
                        .setParameter("tenant", tenant.value()).setParameter("lastSeq", lastSeq).getSingleResult());
            });
        }

        private static Optional<ChainBreak> broken(long seq, ChainBreak.Kind kind) {
            return Optional.of(new ChainBreak(seq, kind));
        }
    }

    private boolean anchorMoved(TenantId tenant, long anchorSeq) {
        return head(tenant).anchorSeq != anchorSeq;
    }

    private Head head(TenantId tenant) {
        return database.inTenant(tenant, session -> {
            AuditChainHead row = session.find(AuditChainHead.class, tenant.value());
            return row == null ? new Head(0, 0, null) : new Head(row.lastSeq(), row.anchorSeq(), row.anchorHash());
        });
    }

    private record Head(long lastSeq, long anchorSeq, String anchorHash) {
    }
}
