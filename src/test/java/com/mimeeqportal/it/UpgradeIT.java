package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An upgrade as operators do it: a PostgreSQL database written by the release before the newest migration
 * (src/test/resources/upgrade/v5: two tenants, seven users, two stored keys, three audit chains, fourteen short
 * codes, with that release's keysets and checkpoints), the current WAR started on it. Migrations apply, every
 * key decrypts, every chain verifies, and every row, password and short code is still there.
 */
class UpgradeIT {

    private static final Path FIXTURE = Path.of("src/test/resources/upgrade/v5");
    private static final Pattern VERIFIED = Pattern.compile("Verified up to entry #(\\d+)");

    static Properties facts = new Properties();
    static ProductionPortal install;
    static Path work;

    @BeforeAll
    static void aDatabaseAtThePreviousSchemaVersion() throws Exception {
        try (Reader reader = Files.newBufferedReader(FIXTURE.resolve("facts.properties"))) {
            facts.load(reader);
        }
        install = ProductionPortal.prepare("upgrade");
        work = install.work();
        try (Connection portal = install.connect(); Statement sql = portal.createStatement()) {
            // pg_dump --inserts writes one statement a line; a ';' inside a value never ends a line.
            for (String statement : Files.readString(FIXTURE.resolve("dump.sql")).split(";\n")) {
                if (!statement.isBlank()) {
                    sql.execute(statement);
                }
            }
        }
        assertEquals(Long.parseLong(facts.getProperty("schema.version")),
                count("select max(cast(version as int)) from flyway_schema_history"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (install != null) {
            install.close();
        }
    }

    @Test
    void theCurrentWarMigratesThePreviousReleasesDatabaseAndLosesNothing() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        copy(FIXTURE.resolve("audit-checkpoints"), data.resolve("audit-checkpoints"));
        // The sandbox's accounts keep the keys the old release stored (ProductionPortal.startUpstream's data dir).
        Path sandboxData = Files.createDirectories(work.resolve("sandbox").resolve("data"));
        Files.copy(FIXTURE.resolve("sandbox/accounts.properties"), sandboxData.resolve("accounts.properties"),
                StandardCopyOption.REPLACE_EXISTING);

        try (PayaraMicroProcess sandbox = install.startUpstream()) {
            int port = PayaraMicroProcess.freePort();
            Map<String, String> environment = Map.of(
                    "PORTAL_MODE", "demo",
                    "PORTAL_DATA_DIR", data.toString(),
                    "PORTAL_KEYSET_FILE", FIXTURE.resolve("master-keyset.json").toAbsolutePath().toString(),
                    "PORTAL_MAC_KEYSET_FILE", FIXTURE.resolve("mac-keyset.json").toAbsolutePath().toString(),
                    "PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:" + install.databasePort() + "/portal",
                    "PORTAL_DB_USER", "portal",
                    "PORTAL_DB_PASSWORD", ProductionPortal.DB_PASSWORD,
                    "PORTAL_DEMO_MIMEEQ_BASE_URL", ProductionPortal.upstreamUrl(sandbox));
            List<String> command = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", PayaraMicroProcess.ONE_STARTUP_THREAD, "-Xmx256m", "-jar",
                    PayaraMicroProcess.microJar().toString(), "--deploy", PayaraMicroProcess.portalWar().toString(),
                    "--contextroot", "/", "--port", Integer.toString(port), "--nohazelcast", "--disablephonehome");
            try (PayaraMicroProcess portal = PayaraMicroProcess.start(command, environment, port, work.resolve("portal.log"))) {
                portal.awaitOk("/health/ready");
                assertEquals(ProductionPostgresIT.migrationFiles(), count("select count(*) from flyway_schema_history where success"),
                        "every migration applied:\n" + portal.log());
                assertTrue(!portal.log().contains("Users created now"), "the upgrade creates no user");

                for (String tenant : List.of("nordic", "demo")) {
                    everythingOfTheTenantIsThere(portal, tenant);
                }
                PortalClient operator = Fixtures.signedIn(portal.base(), "operator", password("operator"));
                assertTrue(verifiedUpTo(operator, "/operator/audit/verify")
                        >= Long.parseLong(facts.getProperty("audit.system.last-seq")), "the system chain verifies");
            }
        }
        for (String table : List.of("tenant", "portal_user", "tenant_api_key", "generated_short_code")) {
            assertEquals(Long.parseLong(facts.getProperty("count." + table)), count("select count(*) from " + table), table);
        }
        assertTrue(count("select count(*) from audit_event") > Long.parseLong(facts.getProperty("count.audit_event")));
    }

    /** Its admin signs in with the old password, its key decrypts and calls Mimeeq, its chain and short codes are whole. */
    private static void everythingOfTheTenantIsThere(PayaraMicroProcess portal, String tenant) {
        String admin = facts.getProperty("tenant." + tenant + ".api-key.set-by").contains("@")
                ? facts.getProperty("tenant." + tenant + ".api-key.set-by") : "admin@demo.example";
        PortalClient client = Fixtures.signedIn(portal.base(), admin, password(admin));

        PortalClient.Page key = client.get("/admin/api-key");
        assertEquals(facts.getProperty("tenant." + tenant + ".api-key.last4"), key.html().select("dd.last4").text());
        PortalClient.Page catalog = client.get("/catalog");
        assertEquals(200, catalog.status(), tenant + "'s stored key decrypts and Mimeeq accepts it: " + catalog.text());

        assertTrue(verifiedUpTo(client, "/admin/audit/verify")
                > Long.parseLong(facts.getProperty("audit." + tenant + ".last-seq")), tenant + "'s chain verifies");

        for (int i = 1; facts.getProperty("shortcode." + i) != null; i++) {
            if (facts.getProperty("shortcode." + i + ".tenant").equals(tenant)) {
                String code = facts.getProperty("shortcode." + i);
                assertTrue(client.get("/short-codes?q=" + code).text().contains(code),
                        tenant + " still has short code " + code);
            }
        }
    }

    private static long verifiedUpTo(PortalClient client, String page) {
        PortalClient.Page verify = client.get(page);
        assertEquals(200, verify.status(), verify.text());
        Matcher verified = VERIFIED.matcher(verify.html().select(".verdict.ok").text());
        assertTrue(verified.find(), page + ": " + verify.text());
        return Long.parseLong(verified.group(1));
    }

    private static String password(String user) {
        return facts.getProperty("user." + user + ".password");
    }

    private static long count(String sql) throws SQLException {
        return install.count(sql);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
