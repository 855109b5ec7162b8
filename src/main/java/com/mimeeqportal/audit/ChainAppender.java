package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.system.KeptStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Appends entries to their chains with group commit: writers queue their entry and one of them, holding
 * this instance's write lock, appends everything queued, for every tenant in it, in one transaction: the
 * heads locked in tenant order (so two instances can't deadlock), one batched insert, one batched head
 * update, one commit. Each writer returns only once the commit that holds its entry is done, so an entry is
 * durable before the caller acts on it; under load a commit carries many entries instead of one, which is
 * what PostgreSQL's per-commit flush makes expensive.
 *
 * <p>One writer per instance, for all tenants: a head that someone else holds delays this instance's
 * appends for every tenant until it is released. Every holder keeps it briefly (a batch here is at most
 * {@link #MAX_BATCH} entries, a purge deletes in bounded batches; a rehearsal does not lock it), and the
 * batching is what turns 8 writers into one commit instead of eight.
 *
 * <p>Plain JDBC, not Hibernate: identity keys stop Hibernate from batching inserts, and this is the hot path.
 * The row is still built and sealed by {@link AuditEvent}, so the hash covers exactly what the entity maps;
 * the column list below must name the same columns (the chain tests read the rows back through Hibernate
 * and verify every hash).
 */
final class ChainAppender {

    /** Enough to amortise a commit; small enough that one batch never holds the heads for long. */
    static final int MAX_BATCH = 256;

    private static final Logger LOG = Logger.getLogger(ChainAppender.class.getName());
    /** SQLSTATE of a unique violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String ENTRY_AT = "select prev_hash, hash from audit_event where tenant_id = ? and seq = ?";

    private static final String LOCK_HEADS = "select tenant_id, last_seq, last_hash from audit_chain_head"
            + " where tenant_id in (%s) order by tenant_id for update";
    private static final String INSERT = "insert into audit_event (tenant_id, occurred_at, actor, client_ip, event_type,"
            + " outcome, reason, target, detail, http_status, duration_ms, correlation_id, seq, prev_hash, hash)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String READ_HEAD = "select tenant_id, last_seq, last_hash from audit_chain_head"
            + " where tenant_id = ?";
    private static final String ADVANCE_HEAD = "update audit_chain_head set last_seq = ?, last_hash = ?, updated_at = ?"
            + " where tenant_id = ?";

    private final DataSource dataSource;
    /** On H2, the statements of every write kept parsed on their connection (see {@link KeptStatements}). */
    private final KeptStatements statements;
    private final ChainMac mac;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    ChainAppender(DataSource dataSource, KeptStatements statements, ChainMac mac) {
        this.dataSource = dataSource;
        this.statements = statements;
        this.mac = mac;
    }

    /** Appends {@code entry} to {@code tenant}'s chain; returns once it is committed, or throws. */
    void append(TenantId tenant, AuditEntry entry) {
        Pending pending = new Pending(tenant, entry);
        queue.add(pending);
        writing.lock();
        try {
            // Whoever held the lock before may have written this entry along with theirs.
            while (!pending.settled()) {
                List<Pending> batch = drain();
                if (!batch.isEmpty()) {
                    write(batch);
                }
            }
        } finally {
            writing.unlock();
        }
        pending.rethrow();
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    /**
     * One transaction for the batch. If it fails because the database can't be reached, every entry in it
     * fails the same way; if it fails for another reason, each entry is tried alone, so one entry the
     * database refuses does not take the others with it.
     */
    private void write(List<Pending> batch) {
        try {
            commit(batch);
            batch.forEach(Pending::succeeded);
        } catch (Error e) {
            // Out of memory, say: settle the batch anyway, or its writers would wait for it for ever.
            batch.forEach(pending -> pending.failed(e));
            throw e;
        } catch (RuntimeException | SQLException e) {
            if (isBehindItsChain(e) && repairHeads(tenantsOf(batch))) {
                write(batch);
                return;
            }
            if (batch.size() == 1 || Database.isUnavailable(e)) {
                batch.forEach(pending -> pending.failed(e));
                return;
            }
            for (Pending pending : batch) {
                try {
                    commit(List.of(pending));
                    pending.succeeded();
                } catch (RuntimeException | SQLException alone) {
                    pending.failed(alone);
                }
            }
        }
    }

    private void commit(List<Pending> batch) throws SQLException {
        // Each tenant's entries in the order they were queued; the tenants in a fixed order for the locks.
        SortedMap<String, List<Pending>> byTenant = new TreeMap<>();
        for (Pending pending : batch) {
            byTenant.computeIfAbsent(pending.tenant.value(), t -> new ArrayList<>()).add(pending);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                write(connection, byTenant);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                // On any failure, Errors too: the pool would not roll back for us, as it does not see what runs
                // on kept statements (KeptStatements), and a connection given back with the heads locked would
                // stall every later append.
                try {
                    connection.rollback();
                } catch (SQLException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        }
    }

    /**
     * The rehearsal before a Mimeeq call ({@link AuditLog#checkWritableWhile}), on {@code connection}, in the
     * caller's transaction, which the caller rolls back: the sealed entry is inserted with the statement a real
     * append runs, so an entry the database would refuse (a full disk, a trigger, a read-only replica, a column
     * it no longer fits) is refused here, before the call. Plain JDBC, as a Hibernate persist and flush cost the
     * lookup page more than the rest of its transaction.
     *
     * <p>The head is read, not locked, and the entry goes in under a negative number, which no append ever
     * takes. A rehearsal used to lock the head and insert at the next number; on H2 a rolled-back
     * {@code select … for update} can put back a head it saw, which once left a head behind its chain under
     * load and refused that tenant's calls. Not locking also means a rehearsal never waits behind a batch of
     * appends. A head held for long by someone else is found by the append after the call, which waits for it
     * and, beyond its patience, keeps the entry in the {@link AuditSpool}.
     */
    void rehearse(Connection connection, TenantId tenant, AuditEntry entry) throws SQLException {
        Head head = readHead(connection, tenant.value());
        if (head == null) {
            throw new IllegalStateException("The audit chain head of " + tenant.value() + " is missing");
        }
        long rehearsalSeq = -1 - ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        insert(connection, List.of(new AuditEvent(tenant, rehearsalSeq,
                head.lastSeq() == 0 ? AuditChainHead.GENESIS : head.lastHash(), entry).seal(mac)));
    }

    /**
     * Whether {@code failure} is an entry number taken already: the head is behind an entry of its chain. That
     * should never happen, yet it happened on H2 under load when rehearsals still locked the head (the head one
     * or two entries behind, the entries after it genuine links; see {@link #rehearse}), and it left every later
     * entry of that tenant refused; a restart would not have helped. So the head is repaired and the write tried
     * again, rather than failing closed for ever.
     */
    private static boolean isBehindItsChain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isBehindItsChain(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Moves each head of {@code tenants} forward over the entries that follow it and link to it (their
     * {@code prev_hash} is the head's hash), in a transaction of its own under the heads' locks; says whether
     * any moved. Only the links are followed here: whether those entries are genuine is the verifier's job, as
     * for every other entry.
     */
    private boolean repairHeads(Set<String> tenants) {
        boolean moved = false;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, Head> heads = lockHeads(connection, tenants);
                List<Head> lasts = new ArrayList<>();
                for (Map.Entry<String, Head> locked : heads.entrySet()) {
                    long seq = locked.getValue().lastSeq();
                    String hash = seq == 0 ? AuditChainHead.GENESIS : locked.getValue().lastHash();
                    for (Link next = entryAt(connection, locked.getKey(), seq + 1);
                         next != null && Objects.equals(next.prevHash(), hash);
                         next = entryAt(connection, locked.getKey(), seq + 1)) {
                        seq++;
                        hash = next.hash();
                    }
                    if (seq > locked.getValue().lastSeq()) {
                        LOG.warning("The audit chain head of tenant " + locked.getKey() + " was at entry "
                                + locked.getValue().lastSeq() + " but the chain goes on to entry " + seq
                                + "; the head is moved there (the verifier checks those entries as any other)");
                        lasts.add(new Head(locked.getKey(), seq, hash));
                    }
                }
                if (!lasts.isEmpty()) {
                    advance(connection, lasts);
                    moved = true;
                }
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warning("The audit chain heads could not be repaired: " + e);
            return false;
        }
        return moved;
    }

    /** How an entry links into its chain: the hash before it and its own. */
    private record Link(String prevHash, String hash) {
    }

    /** The link of the entry with number {@code seq}, or null when there is none. */
    private static Link entryAt(Connection connection, String tenant, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ENTRY_AT)) {
            select.setString(1, tenant);
            select.setLong(2, seq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Link(row.getString(1), row.getString(2)) : null;
            }
        }
    }

    private static Set<String> tenantsOf(List<Pending> batch) {
        Set<String> tenants = new java.util.TreeSet<>();
        batch.forEach(pending -> tenants.add(pending.tenant.value()));
        return tenants;
    }

    /** Locks the heads, seals each tenant's entries onto its chain, inserts them and advances the heads. */
    private void write(Connection connection, SortedMap<String, List<Pending>> byTenant) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        List<Head> newHeads = new ArrayList<>(byTenant.size());
        Map<String, Head> heads = lockHeads(connection, byTenant.keySet());
        for (Map.Entry<String, List<Pending>> tenant : byTenant.entrySet()) {
            Head head = heads.get(tenant.getKey());
            if (head == null) {
                // Someone removed it behind the portal's back; a new chain over the old one would hide that.
                throw new IllegalStateException("The audit chain head of " + tenant.getKey() + " is missing");
            }
            long seq = head.lastSeq();
            String link = seq == 0 ? AuditChainHead.GENESIS : head.lastHash();
            AuditEvent event = null;
            for (Pending pending : tenant.getValue()) {
                event = new AuditEvent(pending.tenant, ++seq, link, pending.entry).seal(mac);
                events.add(event);
                link = event.hash();
            }
            newHeads.add(new Head(tenant.getKey(), event.seq(), event.hash()));
        }
        insert(connection, events);
        advance(connection, newHeads);
    }

    /** A chain's end: its last entry's number and hash. */
    private record Head(String tenant, long lastSeq, String lastHash) {

        /** The head on {@code row} of a query for tenant, last number and last hash, in that order. */
        static Head of(ResultSet row) throws SQLException {
            return new Head(row.getString(1), row.getLong(2), row.getString(3));
        }
    }

    /**
     * Every head of the batch in one statement, locked in tenant order. The statement for one tenant, what a quiet
     * portal runs, is kept; one for several is prepared for the batch, so that no connection keeps a statement for
     * every number of tenants a batch has had.
     */
    private Map<String, Head> lockHeads(Connection connection, Set<String> tenants) throws SQLException {
        String sql = LOCK_HEADS.formatted(String.join(", ", Collections.nCopies(tenants.size(), "?")));
        boolean keep = tenants.size() == 1;
        PreparedStatement lock = keep ? statements.prepare(connection, sql) : connection.prepareStatement(sql);
        try {
            int index = 1;
            for (String tenant : tenants) {
                lock.setString(index++, tenant);
            }
            Map<String, Head> heads = new HashMap<>();
            try (ResultSet head = lock.executeQuery()) {
                while (head.next()) {
                    Head locked = Head.of(head);
                    heads.put(locked.tenant(), locked);
                }
            }
            return heads;
        } finally {
            if (keep) {
                statements.release(lock);
            } else {
                lock.close();
            }
        }
    }

    private Head readHead(Connection connection, String tenant) throws SQLException {
        PreparedStatement read = statements.prepare(connection, READ_HEAD);
        try {
            read.setString(1, tenant);
            try (ResultSet head = read.executeQuery()) {
                return head.next() ? Head.of(head) : null;
            }
        } finally {
            statements.release(read);
        }
    }

    private void insert(Connection connection, List<AuditEvent> events) throws SQLException {
        PreparedStatement insert = statements.prepare(connection, INSERT);
        try {
            for (AuditEvent event : events) {
                insert.setString(1, event.tenantId());
                insert.setObject(2, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
                insert.setString(3, event.actor());
                insert.setString(4, event.clientIp());
                insert.setString(5, event.type().name());
                insert.setString(6, event.outcome().name());
                insert.setString(7, event.reason());
                insert.setString(8, event.target());
                insert.setString(9, event.detail());
                setNullable(insert, 10, event.httpStatus(), Types.INTEGER);
                setNullable(insert, 11, event.durationMs(), Types.BIGINT);
                insert.setString(12, event.correlationId());
                insert.setLong(13, event.seq());
                insert.setString(14, event.prevHash());
                insert.setString(15, event.hash());
                addOrRun(insert, events.size());
            }
            runBatch(insert, events.size());
        } finally {
            statements.release(insert);
        }
    }

    private void advance(Connection connection, List<Head> newHeads) throws SQLException {
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        PreparedStatement update = statements.prepare(connection, ADVANCE_HEAD);
        try {
            for (Head head : newHeads) {
                update.setLong(1, head.lastSeq());
                update.setString(2, head.lastHash());
                update.setObject(3, now);
                update.setString(4, head.tenant());
                addOrRun(update, newHeads.size());
            }
            runBatch(update, newHeads.size());
        } finally {
            statements.release(update);
        }
    }

    /**
     * A batch of one is run as a plain update: the common case when the portal is quiet, and H2's batch
     * path creates an exception object (a stack trace in a deep container stack) on every call.
     */
    private static void addOrRun(PreparedStatement statement, int rows) throws SQLException {
        if (rows == 1) {
            statement.executeUpdate();
        } else {
            statement.addBatch();
        }
    }

    private static void runBatch(PreparedStatement statement, int rows) throws SQLException {
        if (rows > 1) {
            statement.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value, sqlType);
        }
    }

    /** One writer's entry and what became of it; settled by the writer that committed (or failed) it. */
    private static final class Pending {
        private final TenantId tenant;
        private final AuditEntry entry;
        private volatile boolean settled;
        private volatile Throwable failure;

        Pending(TenantId tenant, AuditEntry entry) {
            this.tenant = tenant;
            this.entry = entry;
        }

        boolean settled() {
            return settled;
        }

        void succeeded() {
            settled = true;
        }

        void failed(Throwable cause) {
            failure = cause;
            settled = true;
        }

        void rethrow() {
            Throwable cause = failure;
            if (cause == null) {
                return;
            }
            if (cause instanceof IllegalStateException missingHead) {
                throw new IllegalStateException(missingHead.getMessage(), missingHead);
            }
            // A new exception per writer: several writers may rethrow one batch's failure at once.
            throw new AuditUnavailableException(cause);
        }
    }
}
