package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampering with a chain on PostgreSQL, the way someone with write access to the database (but not to
 * the MAC keyset file) would, and the verifier naming the first broken entry and what happened there.
 * Every test writes a chain of 20 entries for a tenant of its own.
 */
class AuditChainIT {

    static final int LENGTH = 20;

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static Database database;
    static ChainMac mac;
    static Checkpoints checkpoints;
    static AuditLog audit;
    static AuditVerifier verifier;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4,
                Infrastructure.ENTITIES);
        mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true));
        checkpoints = new Checkpoints(dir.resolve("audit-checkpoints"), mac);
        audit = new AuditLog(database, mac);
        verifier = new AuditVerifier(database, mac, checkpoints);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        postgres.close();
    }

    @Test
    void anUntouchedChainVerifiesAndTheSystemChainIsSeparate() {
        TenantId tenant = chain();
        audit.record(TenantId.SYSTEM, AuditEntry.of(AuditEventType.STARTUP).actor("system").success());
        ChainVerification result = verifier.verify(tenant);
        assertTrue(result.intact(), result.toString());
        assertEquals(LENGTH, result.verifiedUpTo());
        assertEquals(LENGTH, result.entries());
        assertTrue(verifier.verify(TenantId.SYSTEM).intact(), "the system chain holds system entries only");
    }

    @Test
    void anEditedFieldIsNamed() throws Exception {
        TenantId tenant = chain();
        sql("update audit_event set detail = 'priced 1 chair' where tenant_id = ? and seq = 7", tenant);
        assertBroken(tenant, 7, ChainBreak.Kind.EDITED);
    }

    @Test
    void anEditedTimeIsNamed() throws Exception {
        TenantId tenant = chain();
        sql("update audit_event set occurred_at = occurred_at - interval '1 microsecond' where tenant_id = ? and seq = 3",
                tenant);
        assertBroken(tenant, 3, ChainBreak.Kind.EDITED);
    }

    @Test
    void aDeletedMiddleEntryIsNamed() throws Exception {
        TenantId tenant = chain();
        sql("delete from audit_event where tenant_id = ? and seq = 9", tenant);
        assertBroken(tenant, 9, ChainBreak.Kind.DELETED);
    }

    @Test
    void anEntryInsertedInTheMiddleIsNamed() throws Exception {
        TenantId tenant = chain();
        // Make room at 5, then write a plausible entry there that links to entry 4.
        sql("update audit_event set seq = seq + 1000 where tenant_id = ? and seq >= 5", tenant);
        sql("update audit_event set seq = seq - 999 where tenant_id = ? and seq > 1000", tenant);
        String hashOf4 = hashAt(tenant, 4);
        insert(tenant, 5, hashOf4, fakeHash());
        sql("update audit_chain_head set last_seq = last_seq + 1 where tenant_id = ?", tenant);
        assertBroken(tenant, 5, ChainBreak.Kind.INSERTED);
    }

    @Test
    void anEntryAppendedBehindThePortalsBackIsNamed() throws Exception {
        TenantId tenant = chain();
        insert(tenant, LENGTH + 1, hashAt(tenant, LENGTH), fakeHash());
        assertBroken(tenant, LENGTH + 1, ChainBreak.Kind.INSERTED);
    }

    @Test
    void twoSwappedEntriesAreNamed() throws Exception {
        TenantId tenant = chain();
        sql("update audit_event set seq = -1 where tenant_id = ? and seq = 11", tenant);
        sql("update audit_event set seq = 11 where tenant_id = ? and seq = 12", tenant);
        sql("update audit_event set seq = 12 where tenant_id = ? and seq = -1", tenant);
        assertBroken(tenant, 11, ChainBreak.Kind.REORDERED);
    }

    @Test
    void twoSwappedDistantEntriesAreNamed() throws Exception {
        TenantId tenant = chain();
        sql("update audit_event set seq = -1 where tenant_id = ? and seq = 4", tenant);
        sql("update audit_event set seq = 4 where tenant_id = ? and seq = 15", tenant);
        sql("update audit_event set seq = 15 where tenant_id = ? and seq = -1", tenant);
        assertBroken(tenant, 4, ChainBreak.Kind.REORDERED);
    }

    @Test
    void aTruncatedTailIsNamedByTheHeadRow() throws Exception {
        TenantId tenant = chain();
        sql("delete from audit_event where tenant_id = ? and seq > 16", tenant);
        assertBroken(tenant, 17, ChainBreak.Kind.TRUNCATED);
    }

    @Test
    void aTruncatedTailIsNamedByTheCheckpointEvenWhenTheHeadRowWasMovedBack() throws Exception {
        TenantId tenant = chain();
        assertTrue(verifier.verifyAndCheckpoint(tenant).intact());
        sql("delete from audit_event where tenant_id = ? and seq > 16", tenant);
        String hashOf16 = hashAt(tenant, 16);
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement head = c.prepareStatement(
                     "update audit_chain_head set last_seq = 16, last_hash = ? where tenant_id = ?")) {
            head.setString(1, hashOf16);
            head.setString(2, tenant.value());
            head.executeUpdate();
            c.commit();
        }
        assertBroken(tenant, 17, ChainBreak.Kind.TRUNCATED);
    }

    @Test
    void entriesAppendedAfterACheckpointStillVerify() {
        TenantId tenant = chain();
        assertTrue(verifier.verifyAndCheckpoint(tenant).intact());
        audit.record(tenant, AuditEntry.of(AuditEventType.LOGIN).actor("later").success());
        ChainVerification result = verifier.verify(tenant);
        assertTrue(result.intact(), result.toString());
        assertEquals(LENGTH + 1, result.verifiedUpTo());
        assertEquals(LENGTH, result.checkpoint().orElseThrow().seq());
    }

    @Test
    void recomputingTheHashesWithoutTheKeyStillFails() throws Exception {
        TenantId tenant = chain();
        // The attacker edits entry 6 and re-signs it and every later entry with a key of their own,
        // relinking prev_hash and moving the head: a chain that is consistent, except for the key.
        ChainMac attackersKey = new ChainMac(MasterKeysets.mac(dir.resolve("attacker-" + tenant + ".json"), true));
        sql("update audit_event set detail = 'nothing to see' where tenant_id = ? and seq = 6", tenant);
        String prev = hashAt(tenant, 5);
        for (long seq = 6; seq <= LENGTH; seq++) {
            AuditEvent row = row(tenant, seq);
            AuditEvent forged = new AuditEvent(tenant, seq, prev, entryOf(row)).seal(attackersKey);
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement update = c.prepareStatement(
                         "update audit_event set prev_hash = ?, hash = ? where tenant_id = ? and seq = ?")) {
                update.setString(1, prev);
                update.setString(2, forged.hash());
                update.setString(3, tenant.value());
                update.setLong(4, seq);
                update.executeUpdate();
                c.commit();
            }
            prev = forged.hash();
        }
        sql("update audit_chain_head set last_hash = '" + prev + "' where tenant_id = ?", tenant);
        assertBroken(tenant, 6, ChainBreak.Kind.EDITED);
    }

    @Test
    void entriesFromBeforeTheChainAreSealedAtTheFirstStartAfterTheUpgrade() throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(true);
            c.createStatement().execute("create database upgrade");
        }
        String url = postgres.getJdbcUrl("postgres", "upgrade");
        org.flywaydb.core.Flyway.configure().dataSource(url, "postgres", "postgres").target("1").load().migrate();
        TenantId tenant = TenantId.random();
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, occurred_at, actor,"
                     + " event_type, outcome) values (?, now(), ?, 'LOGIN', 'SUCCESS')")) {
            for (String t : new String[] {tenant.value(), "system", tenant.value(), tenant.value()}) {
                insert.setString(1, t);
                insert.setString(2, "before the chain");
                insert.executeUpdate();
            }
        }
        try (Database upgraded = Database.open(url, "postgres", "postgres", 2, Infrastructure.ENTITIES)) {
            AuditVerifier upgradedVerifier = new AuditVerifier(upgraded, mac, checkpoints);
            assertEquals(ChainBreak.Kind.EDITED, upgradedVerifier.verify(tenant).firstBreak().orElseThrow().kind(),
                    "numbered by the migration, but not hashed yet");
            assertEquals(4, new AuditChainSealer(upgraded, mac).sealLegacyEntries());
            assertEquals(0, new AuditChainSealer(upgraded, mac).sealLegacyEntries(), "a second start finds nothing");
            new AuditLog(upgraded, mac).record(tenant, AuditEntry.of(AuditEventType.LOGIN).actor("after").success());
            ChainVerification result = upgradedVerifier.verify(tenant);
            assertTrue(result.intact(), result.toString());
            assertEquals(4, result.verifiedUpTo());
            assertTrue(upgradedVerifier.verify(TenantId.SYSTEM).intact());
        }
    }

    static TenantId chain() {
        TenantId tenant = TenantId.random();
        for (int i = 1; i <= LENGTH; i++) {
            audit.record(tenant, AuditEntry.of(i % 3 == 0 ? AuditEventType.MIMEEQ_CALL : AuditEventType.LOGIN)
                    .actor("user" + (i % 4) + "@it.example").clientIp("10.0.0." + i).target("/endpoint-" + i)
                    .detail("entry " + i).correlationId("corr-" + i).success());
        }
        return tenant;
    }

    static void assertBroken(TenantId tenant, long seq, ChainBreak.Kind kind) {
        ChainVerification result = verifier.verify(tenant);
        assertEquals(Optional.of(new ChainBreak(seq, kind)), result.firstBreak(), result.toString());
        assertEquals(seq - 1, result.verifiedUpTo(), "verified up to the entry before the break");
    }

    static AuditEntry entryOf(AuditEvent e) {
        return new AuditEntry(e.occurredAt(), e.actor(), e.clientIp(), e.type(), e.outcome(), e.reason(), e.target(),
                e.detail(), e.httpStatus(), e.durationMs(), e.correlationId());
    }

    static AuditEvent row(TenantId tenant, long seq) {
        return database.inTenant(tenant, session -> session.createSelectionQuery(
                        "from AuditEvent e where e.tenantId = :t and e.seq = :s", AuditEvent.class)
                .setParameter("t", tenant.value()).setParameter("s", seq).getSingleResult());
    }

    static String hashAt(TenantId tenant, long seq) {
        return row(tenant, seq).hash();
    }

    static String fakeHash() {
        return HexFormat.of().formatHex(new byte[37]);
    }

    static void insert(TenantId tenant, long seq, String prev, String hash) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("insert into audit_event (tenant_id, occurred_at, actor,"
                     + " event_type, outcome, detail, seq, prev_hash, hash) values (?, ?, 'admin', 'LOGIN', 'SUCCESS',"
                     + " 'planted', ?, ?, ?)")) {
            insert.setString(1, tenant.value());
            insert.setObject(2, java.time.OffsetDateTime.now());
            insert.setLong(3, seq);
            insert.setString(4, prev);
            insert.setString(5, hash);
            insert.executeUpdate();
            c.commit();
        }
    }

    static void sql(String statement, TenantId tenant) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, tenant.value());
            s.executeUpdate();
            c.commit();
        }
    }

}
