package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.ChainMac;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Master keyset rotation on a real PostgreSQL: 50 tenants' keys move from key 1 to key 2 in a run that
 * is interrupted after 20 and resumed by a fresh process (a new vault read from the written file); the
 * one corrupted row is reported by tenant and left byte for byte; key 1 can then be disabled and every
 * moved key still opens, in this process and from the keyset file.
 */
class KeysetRotationIT {

    private static final int TENANTS = 50;
    private static final int BATCH = 10;

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static Database database;
    static Tenants tenants;
    static AuditLog audit;

    static final Actor OPERATOR = new Actor(new SignedInUser(UUID.randomUUID().toString(),
            new Username("operator@it.example"), TenantId.SYSTEM, "system", Role.OPERATOR), "127.0.0.1", "keyset-it");

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4,
                Infrastructure.ENTITIES);
        tenants = new Tenants(database);
        audit = new AuditLog(database, new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true)));
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        postgres.close();
    }

    @Test
    void rotationInterruptedAndResumedMovesEveryReadableKeyAndThenTheOldKeyCanBeDisabled() throws Exception {
        KeyVault vault = MasterKeysets.load(master(), dir.resolve("mac.json"), true);
        ApiKeys apiKeys = new ApiKeys(database, vault, audit, changed -> { });
        int key1 = vault.keyset().primaryId();
        Map<Tenant, String> plaintexts = new LinkedHashMap<>();
        for (int i = 0; i < TENANTS; i++) {
            Tenant tenant = tenants.create(new TenantName("Rotation " + i + " " + UUID.randomUUID()), MimeeqBaseUrl.PRODUCTION);
            String plaintext = "mimeeq-" + i + "-" + UUID.randomUUID();
            apiKeys.set(tenant.id(), new ApiKey(plaintext), "seed", AuditEntry.of(AuditEventType.API_KEY_SET).actor("seed"));
            plaintexts.put(tenant, plaintext);
        }
        Tenant corrupt = new ArrayList<>(plaintexts.keySet()).get(7);
        corrupt(corrupt.id());
        String corruptRow = row(corrupt.id());

        // First run: two batches, then the executor refuses (as a shutting-down server would).
        KeysetRotation first = new KeysetRotation(database, vault, audit, tenants, new RefuseAfter(2), BATCH);
        first.rotate(OPERATOR);
        int key2 = vault.keyset().primaryId();
        assertNotEquals(key1, key2);
        KeysetStatus interrupted = first.status();
        assertEquals(Reencryption.State.INTERRUPTED, interrupted.reencryption().state());
        assertEquals(2 * BATCH, interrupted.reencryption().done());
        assertEquals(TENANTS, interrupted.reencryption().total());
        assertEquals(2 * BATCH - interrupted.reencryption().failed().size(), uses(interrupted, key2));
        assertEquals(TENANTS - uses(interrupted, key2), interrupted.pending());
        assertEquals(TENANTS - uses(interrupted, key2), uses(interrupted, key1));

        InvalidInputException inUse = assertThrows(InvalidInputException.class, () -> first.disable(OPERATOR, key1));
        assertEquals("keyset.disable.inUse", inUse.messageKey());
        assertTrue(MasterKeysets.aead(master(), false).keys().stream().allMatch(MasterKeyset.MasterKey::enabled),
                "a refused disable writes nothing");

        // "Restart": a new process reads the keyset file and runs again; it continues where the first stopped.
        KeyVault restarted = MasterKeysets.load(master(), dir.resolve("mac.json"), false);
        assertEquals(key2, restarted.keyset().primaryId(), "the new primary was persisted");
        KeysetRotation second = new KeysetRotation(database, restarted, audit, tenants, Runnable::run, BATCH);
        second.reencrypt(OPERATOR);
        Reencryption resumed = second.status().reencryption();
        assertEquals(Reencryption.State.FINISHED, resumed.state());
        assertEquals(TENANTS - 2 * BATCH + interrupted.reencryption().failed().size(), resumed.total(),
                "only what the first run left is worked on");
        assertEquals(List.of(new Reencryption.FailedTenant(corrupt.id().value(), corrupt.name(), "UNREADABLE")),
                resumed.failed());
        assertEquals(corruptRow, row(corrupt.id()), "the corrupted row is left exactly as it was");

        ApiKeys afterRestart = new ApiKeys(database, restarted, audit, changed -> { });
        plaintexts.forEach((tenant, plaintext) -> {
            if (!tenant.equals(corrupt)) {
                assertEquals(OptionalInt.of(key2), CiphertextPrefix.keyId(ciphertext(tenant.id())), tenant.name());
                assertEquals(plaintext, afterRestart.open(tenant.id()).orElseThrow().reveal(), tenant.name());
            }
        });
        KeysetStatus moved = second.status();
        assertEquals(TENANTS - 1, uses(moved, key2));
        assertEquals(1, uses(moved, key1), "only the corrupted row still names key 1");
        assertTrue(auditedError(corrupt.id()), "the failure is audited by tenant in the system log");

        // The corrupted row opens with no key, so it keeps nothing alive: key 1 can go.
        second.disable(OPERATOR, key1);
        assertFalse(restarted.keyset().keys().get(0).enabled());
        assertEquals(corruptRow, row(corrupt.id()));
        assertEveryMovedKeyOpens(afterRestart, plaintexts, corrupt);
        Tenant first0 = plaintexts.keySet().iterator().next();
        afterRestart.set(first0.id(), new ApiKey("replaced-after-disable"), "admin",
                AuditEntry.of(AuditEventType.API_KEY_SET).actor("admin"));
        assertEquals(OptionalInt.of(key2), CiphertextPrefix.keyId(ciphertext(first0.id())), "new keys are sealed under key 2");
        plaintexts.put(first0, "replaced-after-disable");

        // The file on disk says the same: a third vault read from it behaves like the running one.
        KeyVault fromFile = MasterKeysets.load(master(), dir.resolve("mac.json"), false);
        assertEquals(restarted.keyset().keys(), fromFile.keyset().keys());
        assertEveryMovedKeyOpens(new ApiKeys(database, fromFile, audit, changed -> { }), plaintexts, corrupt);
        assertTrue(Files.isRegularFile(KeysetFile.backupOf(master())), "the previous keyset is kept");
    }

    @Test
    void anAdminsChangeBetweenTheReadAndTheUpdateIsRecognisedAsAConflictTheAdminWins() throws Exception {
        KeyVault vault = MasterKeysets.load(master(), dir.resolve("mac.json"), true);
        ApiKeys apiKeys = new ApiKeys(database, vault, audit, changed -> { });
        Tenant tenant = tenants.create(new TenantName("Conflict " + UUID.randomUUID()), MimeeqBaseUrl.PRODUCTION);
        apiKeys.set(tenant.id(), new ApiKey("before-the-admin"), "seed", AuditEntry.of(AuditEventType.API_KEY_SET).actor("seed"));
        try {
            RuntimeException conflict = assertThrows(RuntimeException.class, () -> database.runInTenant(tenant.id(), session -> {
                TenantApiKey read = session.createSelectionQuery("from TenantApiKey", TenantApiKey.class).getSingleResult();
                // The admin saves a new key in their own transaction while the rotation holds the old row.
                apiKeys.set(tenant.id(), new ApiKey("the-admins-new-key"), "admin",
                        AuditEntry.of(AuditEventType.API_KEY_SET).actor("admin"));
                read.reseal(vault.seal(tenant.id(), new ApiKey("before-the-admin")));
                session.flush();
            }));
            assertTrue(KeysetRotation.changedMeanwhile(conflict), conflict.toString());
            assertEquals("the-admins-new-key", apiKeys.open(tenant.id()).orElseThrow().reveal(), "the admin's key stays");
        } finally {
            // Leave no row behind: the other test counts every tenant key.
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement delete = c.prepareStatement("delete from tenant_api_key where tenant_id = ?")) {
                delete.setString(1, tenant.id().value());
                delete.executeUpdate();
                c.commit();
            }
        }
    }

    private static void assertEveryMovedKeyOpens(ApiKeys keys, Map<Tenant, String> plaintexts, Tenant corrupt) {
        plaintexts.forEach((tenant, plaintext) -> {
            if (!tenant.equals(corrupt)) {
                assertEquals(plaintext, keys.open(tenant.id()).orElseThrow().reveal(), tenant.name());
            }
        });
    }

    private static Path master() {
        return dir.resolve("master.json");
    }

    private static long uses(KeysetStatus status, int keyId) {
        return status.keys().stream().filter(use -> use.key().id() == keyId).findFirst().orElseThrow().tenantKeys();
    }

    /** An executor that runs {@code allowed} tasks on the calling thread, then refuses every other one. */
    private static final class RefuseAfter implements Executor {
        private int allowed;

        RefuseAfter(int allowed) {
            this.allowed = allowed;
        }

        @Override
        public void execute(Runnable task) {
            if (allowed-- <= 0) {
                throw new RejectedExecutionException("stopped for the test");
            }
            task.run();
        }
    }

    /** Flips one byte in the middle of the ciphertext (after the key-id prefix), below Hibernate. */
    private static void corrupt(TenantId tenant) throws Exception {
        byte[] bytes = Base64.getDecoder().decode(ciphertext(tenant));
        bytes[bytes.length / 2] ^= 0x5a;
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("update tenant_api_key set ciphertext = ? where tenant_id = ?")) {
            update.setString(1, Base64.getEncoder().encodeToString(bytes));
            update.setString(2, tenant.value());
            assertEquals(1, update.executeUpdate());
            c.commit();
        }
    }

    private static String ciphertext(TenantId tenant) {
        return select("select ciphertext from tenant_api_key where tenant_id = ?", tenant.value());
    }

    /** The whole row as text, to show that nothing in it changed. */
    private static String row(TenantId tenant) {
        return select("select t::text from tenant_api_key t where tenant_id = ?", tenant.value());
    }

    private static boolean auditedError(TenantId tenant) {
        return !"0".equals(select("select count(*) from audit_event where tenant_id = 'system' "
                + "and event_type = 'KEYSET_REENCRYPTION_ERROR' and target = ?", tenant.value()));
    }

    private static String select(String sql, String parameter) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), sql);
                String value = rows.getString(1);
                c.rollback();
                return value;
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
