package com.mimeeqportal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.KeyVaultException;
import com.mimeeqportal.apikey.MasterKeysets;
import com.mimeeqportal.apikey.TenantApiKey;
import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEvent;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.ChainMac;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.PageRequest;
import com.mimeeqportal.security.StandingTest;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.PasswordHasher;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations and the repositories on a real PostgreSQL (embedded, binaries from Maven Central):
 * the schema Flyway builds, tenant isolation through Hibernate's @TenantId, and a scan of every table
 * for a stored key's plaintext.
 */
class PostgresIT {

    @TempDir
    static Path keysets;

    static EmbeddedPostgres postgres;
    static Database database;
    static Tenants tenants;
    static Users users;
    static AuditLog audit;
    static ApiKeys apiKeys;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4,
                Infrastructure.ENTITIES);
        tenants = new Tenants(database);
        users = new Users(database, new PasswordHasher());
        audit = new AuditLog(database, new ChainMac(MasterKeysets.mac(keysets.resolve("mac.json"), true)));
        apiKeys = new ApiKeys(database, MasterKeysets.load(keysets.resolve("master.json"), keysets.resolve("mac.json"), true),
                audit, changed -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        postgres.close();
    }

    @Test
    void flywayBuildsTheSchemaAndAStartAgainChangesNothing() throws Exception {
        List<String> tables = query("select table_name from information_schema.tables where table_schema = 'public'");
        assertTrue(tables.containsAll(List.of("tenant", "portal_user", "tenant_api_key", "audit_event",
                "audit_chain_head", "flyway_schema_history")), tables.toString());
        long migrations;
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        List<String> applied = query("select count(*) from flyway_schema_history where success");
        assertEquals(List.of(Long.toString(migrations)), applied, "every migration ran once");
        try (Database again = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 2,
                Infrastructure.ENTITIES)) {
            assertEquals(applied, query("select count(*) from flyway_schema_history where success"),
                    "a second start migrates nothing");
        }
    }

    @Test
    void theSessionChecksOneQueryReadsWhatTheRowsSayNow() {
        StandingTest.assertStandingsFollowTheRows(database, users, tenants);
    }

    @Test
    void aTenantSessionSeesOnlyItsOwnRows() {
        Tenant a = newTenant();
        Tenant b = newTenant();
        User userOfA = users.create(a.id(), new Username("a-" + UUID.randomUUID() + "@it.example"),
                "pw".toCharArray(), Role.SALES);
        audit.record(a.id(), AuditEntry.of(AuditEventType.LOGIN).actor("someone of A").success());
        audit.record(b.id(), AuditEntry.of(AuditEventType.LOGIN).actor("someone of B").success());

        assertEquals(1, audit.page(a.id(), new PageRequest(1, 50)).total());
        assertEquals("someone of B", audit.page(b.id(), new PageRequest(1, 50)).items().get(0).actor());
        database.inTenant(b.id(), session -> {
            assertNull(session.find(User.class, userOfA.id()), "B cannot load A's user by id");
            assertTrue(session.createSelectionQuery("from User", User.class).getResultList().isEmpty());
            assertTrue(session.createSelectionQuery("from AuditEvent e where e.actor = 'someone of A'",
                    AuditEvent.class).getResultList().isEmpty());
            return null;
        });
        assertEquals(a.id(), users.findForSignIn(userOfA.username()).orElseThrow().tenantId(),
                "sign-in (the system view) finds users of every tenant");
    }

    @Test
    void theStoredKeyAppearsInNoTableInPlaintextOrBase64() throws Exception {
        Tenant tenant = newTenant();
        ApiKey key = new ApiKey("pg-scan-" + UUID.randomUUID().toString().replace("-", ""));
        apiKeys.set(tenant.id(), key, "admin@it.example", AuditEntry.of(AuditEventType.API_KEY_SET).actor("admin"));
        assertEquals(key, apiKeys.open(tenant.id()).orElseThrow());

        String base64 = Base64.getEncoder().encodeToString(key.reveal().getBytes(StandardCharsets.UTF_8));
        int cellsScanned = 0;
        for (String table : query("select table_name from information_schema.tables where table_schema = 'public'")) {
            try (Connection c = database.dataSource().getConnection();
                 ResultSet rows = c.createStatement().executeQuery("select * from \"" + table + "\"")) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        byte[] raw = rows.getBytes(i);
                        String cell = raw == null ? "" : new String(raw, StandardCharsets.ISO_8859_1);
                        assertFalse(cell.contains(key.reveal()), "plaintext key in " + table);
                        assertFalse(cell.contains(base64), "Base64 of the key in " + table);
                        cellsScanned++;
                    }
                }
            }
        }
        assertTrue(cellsScanned > 20, "the scan read the tables");
    }

    @Test
    void aCiphertextCopiedIntoAnotherTenantsRowDoesNotDecrypt() throws Exception {
        Tenant a = newTenant();
        Tenant b = newTenant();
        apiKeys.set(a.id(), new ApiKey("key-of-tenant-a-000000"), "admin", AuditEntry.of(AuditEventType.API_KEY_SET));
        apiKeys.set(b.id(), new ApiKey("key-of-tenant-b-000000"), "admin", AuditEntry.of(AuditEventType.API_KEY_SET));
        String ciphertextOfA = database.inTenant(a.id(), session ->
                session.createSelectionQuery("from TenantApiKey", TenantApiKey.class).getSingleResult().ciphertext());
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement copy = c.prepareStatement("update tenant_api_key set ciphertext = ? where tenant_id = ?")) {
            copy.setString(1, ciphertextOfA);
            copy.setString(2, b.id().value());
            assertEquals(1, copy.executeUpdate());
            c.commit();
        }
        KeyVaultException e = assertThrows(KeyVaultException.class, () -> apiKeys.open(b.id()));
        assertFalse(e.getMessage().contains("key-of-tenant"));
        assertEquals("key-of-tenant-a-000000", apiKeys.open(a.id()).orElseThrow().reveal());
    }

    private static Tenant newTenant() {
        return tenants.create(new TenantName("PG " + UUID.randomUUID()), MimeeqBaseUrl.PRODUCTION);
    }

    private static List<String> query(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
