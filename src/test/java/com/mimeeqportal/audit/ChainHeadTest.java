package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain head on H2: a head left behind its chain is moved forward by the next append instead of refusing the
 * tenant's every call for ever, rehearsals neither lock the head nor leave anything behind, and verifying a chain
 * while entries are appended to it reports no break that is not there.
 */
class ChainHeadTest {

    @TempDir
    static Path dir;

    static Database database;
    static ChainMac mac;
    static AuditLog audit;
    static AuditVerifier verifier;

    @BeforeAll
    static void open() {
        database = Database.open("jdbc:h2:mem:chain-head-test;DB_CLOSE_DELAY=-1", "sa", "", 8, Infrastructure.ENTITIES);
        mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true));
        audit = new AuditLog(database, mac);
        verifier = new AuditVerifier(database, mac, new Checkpoints(dir.resolve("checkpoints"), mac));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aHeadBehindItsChainIsMovedForwardByTheNextAppend() throws Exception {
        TenantId tenant = TenantId.random();
        for (int i = 0; i < 5; i++) {
            audit.record(tenant, call(i));
        }
        // As found after a soak on H2: the head one entry (here: two) behind a chain whose entries link on.
        setHeadBackTo(tenant, 3);
        audit.checkWritable(tenant, call(5));
        assertEquals(3, head(tenant), "a rehearsal neither needs nor moves the head");
        audit.record(tenant, call(5));
        assertEquals(6, head(tenant), "the append moved the head over the entries that link to it, then appended");

        setHeadBackTo(tenant, 4);
        audit.record(tenant, call(7));
        assertEquals(7, head(tenant));

        ChainVerification verified = verifier.verify(tenant);
        assertTrue(verified.intact(), verified.toString());
        assertEquals(7, verified.entries());
    }

    @Test
    void onH2TheAppendAndTheRehearsalRunStatementsKeptOnTheirConnections() throws Exception {
        // A database of its own: the class's shared one has kept statements from the other tests.
        try (Database own = Database.open("jdbc:h2:mem:kept-statements;DB_CLOSE_DELAY=-1", "sa", "", 8,
                Infrastructure.ENTITIES)) {
            AuditLog ownAudit = new AuditLog(own, mac);
            TenantId tenant = TenantId.random();
            assertEquals(0, own.keptStatements().connections());
            ownAudit.record(tenant, call(0));
            assertEquals(1, own.keptStatements().connections(), "the append keeps its statements on its connection");
            ownAudit.checkWritable(tenant, call(1));
            assertEquals(2, own.keptStatements().connections(), "and the rehearsal on one of the rehearsals' pool");
            for (int i = 1; i < 5; i++) {
                ownAudit.checkWritable(tenant, call(i));
                ownAudit.record(tenant, call(i));
            }
            // The same two connections served again: their kept statements, not new ones elsewhere.
            assertEquals(2, own.keptStatements().connections());
            assertEquals(5, head(own, tenant));
        }
    }

    @Test
    void aRehearsalDoesNotWaitForAHeadSomeoneHolds() throws Exception {
        TenantId tenant = TenantId.random();
        audit.record(tenant, call(0));
        try (Connection holder = database.dataSource().getConnection();
             PreparedStatement lock = holder.prepareStatement(
                     "select last_seq from audit_chain_head where tenant_id = ? for update")) {
            lock.setString(1, tenant.value());
            lock.executeQuery().close();
            long started = System.nanoTime();
            audit.checkWritable(tenant, call(1));
            assertTrue(System.nanoTime() - started < 900_000_000L, "H2 waits 2 s for a lock; the rehearsal took none");
            holder.rollback();
        }
        assertEquals(1, head(tenant));
        assertEquals(0, rowsBelowOne(tenant), "the rehearsed entry was rolled back");
    }

    @Test
    void rehearsalsAmongAppendsLeaveTheHeadAtTheLastAppend() throws Exception {
        TenantId tenant = TenantId.random();
        audit.record(tenant, call(0));
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                done.add(callers.submit(() -> {
                    // What each Mimeeq call does: rehearse, then append.
                    for (int i = 0; i < 100; i++) {
                        audit.checkWritable(tenant, call(i));
                        audit.record(tenant, call(i));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> caller : done) {
                caller.get();
            }
        }
        assertEquals(801, head(tenant));
        assertEquals(0, rowsBelowOne(tenant), "no rehearsed entry was left behind");
        ChainVerification verified = verifier.verify(tenant);
        assertTrue(verified.intact(), verified.toString());
        assertEquals(801, verified.entries());
    }

    @Test
    void aChainVerifiedWhileEntriesAreAppendedIsIntact() throws Exception {
        TenantId tenant = TenantId.random();
        for (int i = 0; i < 50; i++) {
            audit.record(tenant, call(i));
        }
        AtomicBoolean appending = new AtomicBoolean(true);
        List<ChainVerification> results = new ArrayList<>();
        try (ExecutorService writers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        audit.record(tenant, call(i));
                        Thread.sleep(10);
                    }
                    return null;
                }));
            }
            while (done.stream().anyMatch(f -> !f.isDone())) {
                results.add(verifier.verify(tenant));
            }
            appending.set(false);
        }
        assertEquals(850, head(tenant));
        assertTrue(results.size() > 10, "verified while appending: " + results.size() + " times");
        for (ChainVerification result : results) {
            assertTrue(result.intact(), result.toString());
        }
    }

    private static AuditEntry call(int i) {
        return AuditEntry.of(AuditEventType.MIMEEQ_CALL).actor("sales@demo.example").target("get-product-info")
                .detail("call " + i).success();
    }

    private static void setHeadBackTo(TenantId tenant, long seq) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement back = c.prepareStatement("update audit_chain_head set last_seq = ?, last_hash ="
                     + " (select hash from audit_event where tenant_id = ? and seq = ?) where tenant_id = ?")) {
            back.setLong(1, seq);
            back.setString(2, tenant.value());
            back.setLong(3, seq);
            back.setString(4, tenant.value());
            assertEquals(1, back.executeUpdate());
            c.commit();
        }
    }

    private static long rowsBelowOne(TenantId tenant) throws Exception {
        return number(database, "select count(*) from audit_event where tenant_id = ? and seq < 1", tenant);
    }

    private static long head(TenantId tenant) throws Exception {
        return head(database, tenant);
    }

    private static long head(Database in, TenantId tenant) throws Exception {
        return number(in, "select last_seq from audit_chain_head where tenant_id = ?", tenant);
    }

    /** The number {@code sql} selects for {@code tenant} in {@code in}. */
    private static long number(Database in, String sql, TenantId tenant) throws Exception {
        try (Connection c = in.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
