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
 * The chain head on H2: a head left behind its chain is moved forward by the next rehearsal or append instead of
 * refusing the tenant's every call for ever, and verifying a chain while entries are appended to it reports no
 * break that is not there.
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
    void aHeadBehindItsChainIsMovedForwardByTheNextRehearsalOrAppend() throws Exception {
        TenantId tenant = TenantId.random();
        for (int i = 0; i < 5; i++) {
            audit.record(tenant, call(i));
        }
        // As found after a soak on H2: the head one entry (here: two) behind a chain whose entries link on.
        setHeadBackTo(tenant, 3);
        audit.checkWritable(tenant, call(5));
        assertEquals(5, head(tenant), "the rehearsal moved the head over the entries that link to it");
        audit.record(tenant, call(6));
        assertEquals(6, head(tenant));

        setHeadBackTo(tenant, 4);
        audit.record(tenant, call(7));
        assertEquals(7, head(tenant), "an append alone repairs it too");

        ChainVerification verified = verifier.verify(tenant);
        assertTrue(verified.intact(), verified.toString());
        assertEquals(7, verified.entries());
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

    private static long head(TenantId tenant) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("select last_seq from audit_chain_head where tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
