package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.AuditRetention;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on PostgreSQL: old entries go in small batches, younger ones and other tenants' stay, the
 * remaining chain verifies from the recorded anchor, and an anchor the checkpoint file never saw (old
 * entries deleted by hand) is reported.
 */
class AuditRetentionIT {

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static Database database;
    static AuditLog audit;
    static AuditVerifier verifier;
    static AuditPurge purge;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4,
                Infrastructure.ENTITIES);
        ChainMac mac = new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true));
        Checkpoints checkpoints = new Checkpoints(dir.resolve("audit-checkpoints"), mac);
        audit = new AuditLog(database, mac);
        verifier = new AuditVerifier(database, mac, checkpoints);
        // Batches of 7, so that a purge of 40 entries takes several transactions.
        purge = new AuditPurge(database, checkpoints, audit, Clock.systemUTC(), 7);
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        postgres.close();
    }

    @Test
    void oldEntriesGoYoungerAndOtherTenantsStayAndTheChainStillVerifies() {
        TenantId tenant = TenantId.random();
        TenantId other = TenantId.random();
        write(tenant, 40, Duration.ofDays(45));
        write(tenant, 10, Duration.ofDays(5));
        write(other, 20, Duration.ofDays(45));
        assertTrue(verifier.verifyAndCheckpoint(tenant).intact(), "a checkpoint before the purge stays valid");

        AuditPurge.Result result = purge.purge(tenant, new AuditRetention(30));

        assertEquals(40, result.purged());
        assertEquals(40, result.anchorSeq());
        assertEquals(11, count(tenant), "10 younger entries and the purge's own AUDIT_PURGE");
        assertEquals(20, count(other));
        ChainVerification verified = verifier.verify(tenant);
        assertTrue(verified.intact(), verified.toString());
        assertEquals(40, verified.anchorSeq());
        assertEquals(51, verified.verifiedUpTo());
        assertEquals(11, verified.entries());
        assertTrue(verifier.verify(other).intact());
        assertEquals("AUDIT_PURGE", newest(tenant).type().name());

        assertEquals(0, purge.purge(tenant, new AuditRetention(30)).purged(), "nothing more to purge");
        assertEquals(0, purge.purge(other, AuditRetention.FOREVER).purged(), "0 keeps forever");
        audit.record(tenant, AuditEntry.of(AuditEventType.LOGIN).actor("after the purge").success());
        assertTrue(verifier.verify(tenant).intact());
    }

    @Test
    void aPurgeStopsAtTheFirstEntryToKeep() {
        TenantId tenant = TenantId.random();
        write(tenant, 5, Duration.ofDays(45));
        write(tenant, 1, Duration.ofDays(1));
        write(tenant, 5, Duration.ofDays(45));
        assertEquals(5, purge.purge(tenant, new AuditRetention(30)).purged(), "only a prefix of the chain goes");
        assertTrue(verifier.verify(tenant).intact());
    }

    @Test
    void oldEntriesDeletedByHandAreReportedEvenWithAFakeAnchor() throws Exception {
        TenantId tenant = TenantId.random();
        write(tenant, 12, Duration.ofDays(1));
        sql("delete from audit_event where tenant_id = ? and seq <= 5", tenant);
        assertEquals(Optional.of(new ChainBreak(1, ChainBreak.Kind.DELETED)), verifier.verify(tenant).firstBreak());

        // Pretending a purge happened: the anchor points at entry 5, but the checkpoint file never saw it.
        String hashOf5 = database.inTenant(tenant, s -> s.createSelectionQuery(
                "select e.prevHash from AuditEvent e where e.tenantId = :t and e.seq = 6", String.class)
                .setParameter("t", tenant.value()).getSingleResult());
        sql("update audit_chain_head set anchor_seq = 5, anchor_hash = '" + hashOf5 + "' where tenant_id = ?", tenant);
        assertEquals(Optional.of(new ChainBreak(1, ChainBreak.Kind.DELETED)), verifier.verify(tenant).firstBreak());
    }

    @Test
    void theHourlyJobsPurgeByEachTenantsSettingAndReportBrokenChainsToTheOperator() throws Exception {
        Tenants tenants = new Tenants(database);
        Tenant keepsThirtyDays = tenants.create(new TenantName("Retention " + TenantId.random()), MimeeqBaseUrl.PRODUCTION);
        Tenant tampered = tenants.create(new TenantName("Tampered " + TenantId.random()), MimeeqBaseUrl.PRODUCTION);
        tenants.changeAuditRetention(keepsThirtyDays.id(), new AuditRetention(30));
        write(keepsThirtyDays.id(), 3, Duration.ofDays(31));
        write(tampered.id(), 3, Duration.ofDays(31));
        sql("update audit_event set actor = 'nobody' where tenant_id = ? and seq = 2", tampered.id());
        AuditMaintenance jobs = new AuditMaintenance(tenants, verifier, purge, audit, () -> 0, () -> 20);

        assertTrue(jobs.purgeAll() >= 3);
        assertEquals(1, count(keepsThirtyDays.id()), "only the AUDIT_PURGE entry is left");
        assertEquals(1L, (long) database.inTenant(TenantId.SYSTEM, s -> s.createSelectionQuery(
                "select count(e) from AuditEvent e where e.tenantId = 'system' and e.type = AUDIT_PURGE and e.target = :t",
                Long.class).setParameter("t", "retention of tenant " + keepsThirtyDays.id().value()).getSingleResult()),
                "the operator's chain records the purge of a tenant's");
        assertEquals(3, count(tampered.id()), "retention 0 keeps everything");

        var results = jobs.verifyAll();
        assertTrue(results.stream().anyMatch(r -> r.tenant().equals(keepsThirtyDays.id()) && r.intact()));
        assertEquals(Optional.of(new ChainBreak(2, ChainBreak.Kind.EDITED)), results.stream()
                .filter(r -> r.tenant().equals(tampered.id())).findFirst().orElseThrow().firstBreak());
        AuditEvent reported = database.inTenant(TenantId.SYSTEM, s -> s.createSelectionQuery(
                        "from AuditEvent e where e.tenantId = 'system' and e.type = AUDIT_VERIFY_ERROR and e.target = :t",
                        AuditEvent.class).setParameter("t", "chain " + tampered.id()).getSingleResult());
        assertEquals("CHAIN_EDITED", reported.reason());
        assertEquals("AUDIT_VERIFY_ERROR", newest(tampered.id()).type().name(), "and in the tenant's own chain");
    }

    @Test
    void theOperatorsFloorOverridesAShorterStoredRetention() {
        Tenants tenants = new Tenants(database);
        Tenant shortLived = tenants.create(new TenantName("Short " + TenantId.random()), MimeeqBaseUrl.PRODUCTION);
        // Stored before the floor existed, or below a floor the operator has since raised.
        tenants.changeAuditRetention(shortLived.id(), new AuditRetention(1));
        write(shortLived.id(), 2, Duration.ofDays(400));
        write(shortLived.id(), 4, Duration.ofDays(31));
        AuditMaintenance jobs = new AuditMaintenance(tenants, verifier, purge, audit, () -> 0, () -> 365);

        jobs.purgeAll();
        assertEquals(5, count(shortLived.id()), "only the 400-day-old entries went (and the AUDIT_PURGE entry came)");
        assertTrue(verifier.verify(shortLived.id()).intact());
    }

    private static void write(TenantId tenant, int entries, Duration age) {
        Instant at = Instant.now().minus(age);
        for (int i = 0; i < entries; i++) {
            audit.record(tenant, AuditEntry.of(AuditEventType.MIMEEQ_CALL).at(at.plusMillis(i)).actor("someone")
                    .detail("call " + i).success());
        }
    }

    private static long count(TenantId tenant) {
        return database.inTenant(tenant, s -> s.createSelectionQuery(
                "select count(e) from AuditEvent e where e.tenantId = :t", Long.class)
                .setParameter("t", tenant.value()).getSingleResult());
    }

    private static AuditEvent newest(TenantId tenant) {
        return database.inTenant(tenant, s -> s.createSelectionQuery(
                "from AuditEvent e where e.tenantId = :t order by e.seq desc", AuditEvent.class)
                .setParameter("t", tenant.value()).setMaxResults(1).getSingleResult());
    }

    private static void sql(String statement, TenantId tenant) throws Exception {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, tenant.value());
            s.executeUpdate();
            c.commit();
        }
    }
}
