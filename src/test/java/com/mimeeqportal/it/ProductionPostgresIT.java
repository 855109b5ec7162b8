package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.NewKeysets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built WAR on Payara Micro in production mode over a real PostgreSQL, set up exactly as
 * docs/operations.md tells an operator to: the keysets from the portal's own keyset command, the environment
 * block of its "PostgreSQL" section, the start command of its "Running it" section. The Mimeeq upstream is the
 * sandbox WAR in a Payara Micro of its own, which the portal knows only by its URL.
 */
class ProductionPostgresIT {

    private static final String DB_PASSWORD = "pg-it-Passw0rd";
    private static final String OPERATOR_PASSWORD = "prod-it-operator-Passw0rd";
    private static final Pattern VERIFIED = Pattern.compile("Verified up to entry #(\\d+)");

    static Path work;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void databaseAndUpstream() throws Exception {
        work = Files.createDirectories(Fixtures.itDir().resolve("production-postgres"));
        postgres = EmbeddedPostgres.builder().start();
        // What the runbook's createuser and createdb do.
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("create role portal login password '" + DB_PASSWORD + "'");
            sql.execute("create database portal owner portal");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anOperatorFollowingTheRunbookGetsAWorkingPortalThatKeepsEverythingAcrossARestart() throws Exception {
        Path keysets = work.resolve("keysets");
        writeKeysets(keysets);
        Runbook operations = Runbook.read("docs/operations.md");
        Map<String, String> environment = environmentFromRunbook(operations, keysets, work.resolve("data"));
        // The tests' Mimeeq is the sandbox over plain http on loopback, which production refuses by default.
        environment.put("PORTAL_MIMEEQ_ALLOW_HTTP", "true");
        int port = PayaraMicroProcess.freePort();
        List<String> command = startCommand(operations, port);

        try (PayaraMicroProcess sandbox = Upstream.start(work.resolve("sandbox"))) {
            operatorSetsUpATenantThenRestarts(sandbox, environment, command, port);
        }
    }

    private void operatorSetsUpATenantThenRestarts(PayaraMicroProcess sandbox, Map<String, String> environment,
                                                   List<String> command, int port) throws Exception {
        String key = Fixtures.sandboxKey(sandbox.base(), "nordic-living");
        String tenantName = "Prod Tenant";
        String adminName = "admin@prod.example";
        String adminPassword;
        int verifiedBefore;
        try (PayaraMicroProcess portal = PayaraMicroProcess.start(command, environment, port, work.resolve("first.log"))) {
            portal.awaitOk("/health/ready");
            assertTrue(portal.log().contains("production mode"), portal.log());

            PortalClient operator = Fixtures.signedIn(portal.base(), "operator", OPERATOR_PASSWORD);
            PortalClient.Page created = operator.submit("/operator/tenants", "/operator/tenants", Map.of("name",
                    tenantName, "baseUrl", Upstream.baseUrl(sandbox), "adminUsername", adminName));
            assertEquals(201, created.status(), created.text());
            adminPassword = created.html().select("code.one-time-password").text();

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

        assertEquals(1, count("select count(*) from tenant where name = '" + tenantName + "'"));
        assertEquals(1, count("select count(*) from audit_event e join tenant t on t.id = e.tenant_id "
                + "where t.name = '" + tenantName + "' and e.event_type = 'MIMEEQ_CALL'"), "the call is in PostgreSQL");
        assertEquals(migrationFiles(), count("select count(*) from flyway_schema_history where success"));
        assertFalse(Files.exists(work.resolve("data").resolve("portal.mv.db")), "no H2 database was made");

        try (PayaraMicroProcess portal = PayaraMicroProcess.start(command, environment, port, work.resolve("second.log"))) {
            portal.awaitOk("/health/ready");
            assertFalse(portal.log().contains("Users created now"), "nothing is created twice:\n" + portal.log());
            PortalClient admin = Fixtures.signedIn(portal.base(), adminName, adminPassword);
            PortalClient.Page catalog = admin.get("/catalog");
            assertEquals(200, catalog.status(), "the stored key still decrypts: " + catalog.text());
            assertTrue(verified(admin, "/admin/audit/verify") > verifiedBefore, "the chain went on where it was");
            verified(Fixtures.signedIn(portal.base(), "operator", OPERATOR_PASSWORD), "/operator/audit/verify");
        }
        assertEquals(1, count("select count(*) from tenant where name = '" + tenantName + "'"));
        assertEquals(2, count("select count(*) from audit_event e join tenant t on t.id = e.tenant_id "
                + "where t.name = '" + tenantName + "' and e.event_type = 'MIMEEQ_CALL'"));
    }

    @Test
    void productionRefusesTheH2FileDatabaseUnlessTheOperatorAllowsIt() throws Exception {
        Path keysets = work.resolve("h2-keysets");
        writeKeysets(keysets);
        Map<String, String> environment = new LinkedHashMap<>(Map.of("PORTAL_MODE", "production",
                "PORTAL_DATA_DIR", work.resolve("h2-data").toString(),
                "PORTAL_KEYSET_FILE", keysets.resolve(NewKeysets.MASTER_KEYSET).toString(),
                "PORTAL_MAC_KEYSET_FILE", keysets.resolve(NewKeysets.MAC_KEYSET).toString(),
                "PORTAL_OPERATOR_INITIAL_PASSWORD", OPERATOR_PASSWORD));
        int port = PayaraMicroProcess.freePort();
        List<String> command = startCommand(Runbook.read("docs/operations.md"), port);

        try (PayaraMicroProcess refused = PayaraMicroProcess.start(command, environment, port, work.resolve("h2.log"))) {
            assertEquals(78, refused.awaitExit(Duration.ofSeconds(150)), refused.log());
            assertTrue(refused.log().contains("Production mode runs on PostgreSQL"), refused.log());
            assertTrue(refused.log().contains("portal.db.allow-h2-in-production=true"), refused.log());
        }

        environment.put("PORTAL_DB_ALLOW_H2_IN_PRODUCTION", "true");
        try (PayaraMicroProcess allowed = PayaraMicroProcess.start(command, environment, port, work.resolve("h2-allowed.log"))) {
            allowed.awaitOk("/health/ready");
            Fixtures.signedIn(allowed.base(), "operator", OPERATOR_PASSWORD);
        }
    }

    /** The keyset command's code, as `./mvnw -Pkeysets` runs it (KeysetsCommandIT runs the Maven command itself). */
    private static void writeKeysets(Path directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = NewKeysets.run(new String[] {directory.toString()}, new PrintStream(out), new PrintStream(out));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    }

    /**
     * The runbook's environment block with this machine's paths, port and secrets in place of its examples.
     * A name the block gains that this test can't fill fails here, so the block stays exactly what works.
     */
    private static Map<String, String> environmentFromRunbook(Runbook runbook, Path keysets, Path dataDir) {
        Map<String, String> documented = runbook.environment("PostgreSQL");
        Map<String, String> environment = new LinkedHashMap<>();
        documented.forEach((name, example) -> environment.put(name, switch (name) {
            case "PORTAL_MODE" -> {
                assertEquals("production", example, "the runbook starts production mode");
                yield example;
            }
            case "PORTAL_DATA_DIR" -> dataDir.toString();
            case "PORTAL_KEYSET_FILE" -> keysets.resolve(Path.of(example).getFileName()).toString();
            case "PORTAL_MAC_KEYSET_FILE" -> keysets.resolve(Path.of(example).getFileName()).toString();
            case "PORTAL_DB_URL" -> {
                Matcher url = Pattern.compile("jdbc:postgresql://[^/:]+:\\d+/(\\w+)").matcher(example);
                assertTrue(url.matches(), "a PostgreSQL URL with host, port and database: " + example);
                yield "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + url.group(1);
            }
            case "PORTAL_DB_USER" -> example;
            case "PORTAL_DB_PASSWORD" -> DB_PASSWORD;
            case "PORTAL_OPERATOR_INITIAL_PASSWORD" -> OPERATOR_PASSWORD;
            default -> throw new AssertionError("docs/operations.md sets " + name + ", which this test doesn't know");
        }));
        for (String required : List.of("PORTAL_MODE", "PORTAL_KEYSET_FILE", "PORTAL_MAC_KEYSET_FILE", "PORTAL_DB_URL",
                "PORTAL_DB_USER", "PORTAL_DB_PASSWORD")) {
            assertTrue(environment.containsKey(required), "docs/operations.md's PostgreSQL block sets " + required);
        }
        return environment;
    }

    /** The runbook's start command, run from target/ with the test's port. */
    private static List<String> startCommand(Runbook runbook, int port) {
        String command = runbook.command("Running it", "java ");
        assertTrue(command.contains("--port 8080"), command);
        List<String> words = new ArrayList<>(Arrays.asList(command.replace("--port 8080", "--port " + port).split(" ")));
        words.replaceAll(word -> switch (word) {
            case "payara-micro.jar" -> PayaraMicroProcess.microJar().toString();
            case "portal.war" -> PayaraMicroProcess.portalWar().toString();
            default -> word;
        });
        return words;
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
        try (Connection c = connect()) {
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

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet result = c.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/portal", "portal",
                DB_PASSWORD);
    }

    private static long migrationFiles() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    /** Where the portal's IT servers find a Mimeeq: the sandbox WAR alone on a Payara Micro of its own. */
    static final class Upstream {
        private Upstream() {
        }

        static PayaraMicroProcess start(Path directory) {
            int port = PayaraMicroProcess.freePort();
            List<String> command = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m",
                    "-Dsandbox.data-dir=" + directory.resolve("data"), "-jar", PayaraMicroProcess.microJar().toString(),
                    "--deploy", PayaraMicroProcess.sandboxWar().toString(), "--port", Integer.toString(port),
                    "--nohazelcast", "--disablephonehome");
            return PayaraMicroProcess.start(command, Map.of(), port, directory.resolve("sandbox.log"))
                    .awaitOk("/sandbox/_admin/accounts/nordic-living/key");
        }

        static String baseUrl(PayaraMicroProcess sandbox) {
            return sandbox.base().resolve("sandbox").toString();
        }
    }
}
