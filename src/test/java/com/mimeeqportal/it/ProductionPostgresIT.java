package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.NewKeysets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built WAR on Payara Micro in production mode over a real PostgreSQL, set up exactly as docs/operations.md
 * tells an operator to ({@link ProductionPortal}): the operator's first sign-in, a tenant, its key, Mimeeq calls to
 * the sandbox WAR running on a Payara Micro of its own, verified audit chains, and a restart that keeps everything.
 */
class ProductionPostgresIT {

    private static final Pattern VERIFIED = Pattern.compile("Verified up to entry #(\\d+)");

    static ProductionPortal install;

    @BeforeAll
    static void prepare() {
        install = ProductionPortal.prepare("production-postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        install.close();
    }

    @Test
    void anOperatorFollowingTheRunbookGetsAWorkingPortalThatKeepsEverythingAcrossARestart() throws Exception {
        try (PayaraMicroProcess sandbox = install.startUpstream()) {
            String key = Fixtures.sandboxKey(sandbox.base(), "nordic-living");
            String tenantName = "Prod Tenant";
            String adminName = "admin@prod.example";
            int port = PayaraMicroProcess.freePort();
            String adminPassword;
            int verifiedBefore;
            try (PayaraMicroProcess portal = install.start(port, "first.log")) {
                assertTrue(portal.log().contains("production mode"), portal.log());

                PortalClient operator = Fixtures.signedIn(portal.base(), "operator", ProductionPortal.OPERATOR_PASSWORD);
                PortalClient.Page created = operator.submit("/operator/tenants", "/operator/tenants", Map.of("name",
                        tenantName, "baseUrl", ProductionPortal.upstreamUrl(sandbox), "adminUsername", adminName));
                assertEquals(201, created.status(), created.text());
                adminPassword = Fixtures.ownPassword(portal.base(), adminName,
                        created.html().select("code.one-time-password").text());

                PortalClient admin = Fixtures.signedIn(portal.base(), adminName, adminPassword);
                Fixtures.setKey(admin, key);
                PortalClient.Page catalog = admin.get("/catalog");
                assertEquals(200, catalog.status(), catalog.text());
                assertTrue(PortalIT.catalogSize(catalog) >= 200, catalog.text());
                verifiedBefore = verified(admin, "/admin/audit/verify");
                verified(operator, "/operator/audit/verify");

                assertTrue(admin.pagesSeen().stream().noneMatch(page -> page.contains(key)), "the key is on no page");
                assertKeyInNoTable(key);
                assertFalse(portal.log().contains(key), "the key is not in the log");
            }

            assertEquals(1, install.count("select count(*) from tenant where name = '" + tenantName + "'"));
            assertEquals(1, mimeeqCalls(tenantName), "the call is audited in PostgreSQL");
            assertEquals(migrationFiles(), install.count("select count(*) from flyway_schema_history where success"));
            assertFalse(Files.exists(install.work().resolve("data").resolve("portal.mv.db")), "no H2 database was made");

            try (PayaraMicroProcess portal = install.start(port, "second.log")) {
                assertFalse(portal.log().contains("Users created now"), "nothing is created twice:\n" + portal.log());
                PortalClient admin = Fixtures.signedIn(portal.base(), adminName, adminPassword);
                PortalClient.Page catalog = admin.get("/catalog");
                assertEquals(200, catalog.status(), "the stored key still decrypts: " + catalog.text());
                assertTrue(verified(admin, "/admin/audit/verify") > verifiedBefore, "the chain went on where it was");
                verified(Fixtures.signedIn(portal.base(), "operator", ProductionPortal.OPERATOR_PASSWORD),
                        "/operator/audit/verify");
            }
            assertEquals(1, install.count("select count(*) from tenant where name = '" + tenantName + "'"));
            assertEquals(2, mimeeqCalls(tenantName));
        }
    }

    @Test
    void productionRefusesTheH2FileDatabaseUnlessTheOperatorAllowsIt() {
        Path keysets = install.work().resolve("h2-keysets");
        ProductionPortal.writeKeysets(keysets);
        Map<String, String> environment = new LinkedHashMap<>(Map.of("PORTAL_MODE", "production",
                "PORTAL_DATA_DIR", install.work().resolve("h2-data").toString(),
                "PORTAL_KEYSET_FILE", keysets.resolve(NewKeysets.MASTER_KEYSET).toString(),
                "PORTAL_MAC_KEYSET_FILE", keysets.resolve(NewKeysets.MAC_KEYSET).toString(),
                "PORTAL_OPERATOR_INITIAL_PASSWORD", ProductionPortal.OPERATOR_PASSWORD));
        int port = PayaraMicroProcess.freePort();
        List<String> command = install.startCommand(port);
        Path work = install.work();

        try (PayaraMicroProcess refused = PayaraMicroProcess.start(command, environment, port, work.resolve("h2.log"))) {
            assertEquals(78, refused.awaitExit(Duration.ofSeconds(150)), refused.log());
            assertTrue(refused.log().contains("Production mode runs on PostgreSQL"), refused.log());
            assertTrue(refused.log().contains("portal.db.allow-h2-in-production=true"), refused.log());
        }

        environment.put("PORTAL_DB_ALLOW_H2_IN_PRODUCTION", "true");
        try (PayaraMicroProcess allowed = PayaraMicroProcess.start(command, environment, port, work.resolve("h2-allowed.log"))) {
            allowed.awaitOk("/health/ready");
            Fixtures.signedIn(allowed.base(), "operator", ProductionPortal.OPERATOR_PASSWORD);
        }
    }

    private static long mimeeqCalls(String tenantName) throws SQLException {
        return install.count("select count(*) from audit_event e join tenant t on t.id = e.tenant_id "
                + "where t.name = '" + tenantName + "' and e.event_type = 'MIMEEQ_CALL'");
    }

    private static int verified(PortalClient client, String page) {
        PortalClient.Page verify = client.get(page);
        assertEquals(200, verify.status(), verify.text());
        Matcher verified = VERIFIED.matcher(verify.html().select(".verdict.ok").text());
        assertTrue(verified.find(), page + ": " + verify.text());
        return Integer.parseInt(verified.group(1));
    }

    private static void assertKeyInNoTable(String key) throws SQLException {
        String base64 = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        int cells = 0;
        try (Connection c = install.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = c.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = c.createStatement().executeQuery("select * from \"" + table + "\"")) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            String cell = String.valueOf(rows.getObject(column));
                            assertFalse(cell.contains(key) || cell.contains(base64), "the key is in table " + table);
                            cells++;
                        }
                    }
                }
            }
        }
        assertTrue(cells > 50, "the scan read the tables");
    }

    static long migrationFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
