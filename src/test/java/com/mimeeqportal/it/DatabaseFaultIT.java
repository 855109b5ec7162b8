package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.NewKeysets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built WAR in production mode on PostgreSQL, with the database stopped in the middle of traffic and
 * started again on the same data and port: while it is down pages answer 503 with the reason and readiness
 * is DOWN; afterwards the portal serves again without a restart, every call that reached Mimeeq has exactly
 * one audit entry, and the chain verifies.
 */
class DatabaseFaultIT {

    private static final String DB_PASSWORD = "pg-fault-Passw0rd";
    private static final String ACCOUNT = "acme-office";
    private static final Pattern VERIFIED = Pattern.compile("Verified up to entry #(\\d+)");

    static Path work;
    static Path pgData;
    static int pgPort;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void database() throws Exception {
        work = Files.createDirectories(Fixtures.itDir().resolve("database-fault"));
        pgData = work.resolve("pgdata");
        pgPort = PayaraMicroProcess.freePort();
        Fixtures.deleteTree(pgData);
        // Not "clean": a clean data directory is deleted by close(), and this test starts it again after close().
        postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
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
    void theDatabaseGoesAwayMidTrafficAndComesBack() throws Exception {
        Path keysets = work.resolve("keysets");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, NewKeysets.run(new String[] {keysets.toString()}, new PrintStream(out), new PrintStream(out)),
                out.toString(StandardCharsets.UTF_8));
        int port = PayaraMicroProcess.freePort();
        Map<String, String> environment = Map.of("PORTAL_MODE", "production",
                "PORTAL_DATA_DIR", work.resolve("data").toString(),
                "PORTAL_KEYSET_FILE", keysets.resolve(NewKeysets.MASTER_KEYSET).toString(),
                "PORTAL_MAC_KEYSET_FILE", keysets.resolve(NewKeysets.MAC_KEYSET).toString(),
                "PORTAL_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/portal",
                "PORTAL_DB_USER", "portal", "PORTAL_DB_PASSWORD", DB_PASSWORD,
                "PORTAL_OPERATOR_INITIAL_PASSWORD", Fixtures.OPERATOR_PASSWORD,
                // The sandbox answers over plain http on loopback, which production refuses by default.
                "PORTAL_MIMEEQ_ALLOW_HTTP", "true");
        // The run command's flags; the sandbox rides along on the same Payara as this test's Mimeeq upstream.
        List<String> command = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", PayaraMicroProcess.ONE_STARTUP_THREAD, "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError", "-Dsandbox.data-dir=" + work.resolve("sandbox"),
                "-jar", PayaraMicroProcess.microJar().toString(),
                "--prebootcommandfile", Path.of("src/main/payara/pre-boot-commands.asadmin").toAbsolutePath().toString(),
                "--deploy", PayaraMicroProcess.sandboxWar().toString(),
                "--deploy", PayaraMicroProcess.portalWar() + java.io.File.pathSeparator + "/",
                "--port", Integer.toString(port), "--nohazelcast", "--disablephonehome");

        try (PayaraMicroProcess portal = PayaraMicroProcess.start(command, environment, port, work.resolve("portal.log"))) {
            // /health/ready answers UP while the sandbox is deployed and the portal (no checks yet) is not.
            portal.awaitOk("/login");
            portal.awaitOk("/health/ready");
            URI base = portal.base();
            SandboxAdmin sandbox = new SandboxAdmin(base);
            Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
            PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
            Fixtures.setKey(admin, sandbox.key(ACCOUNT));
            String code = LoadHarness.Tenant.shortCode(new LoadHarness(base, null).signedIn(tenant.adminUsername(),
                    tenant.adminPassword()));
            long auditedBefore = auditedUpstreamCalls();
            sandbox.resetRequests(ACCOUNT);

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> unavailablePages = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<String> failedPages = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Throwable> trafficErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread traffic = Thread.startVirtualThread(() -> {
                while (running.get()) {
                    int status;
                    try {
                        PortalClient.Page page = admin.get("/products/lookup?code=" + code);
                        status = page.status();
                        if (status == 503) {
                            unavailablePages.add(page.text());
                        } else if (status >= 500) {
                            failedPages.add(page.text());
                        }
                    } catch (RuntimeException e) {
                        trafficErrors.add(e);
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            });

            Thread.sleep(3_000);
            postgres.close();
            awaitStatus(base, "/health/ready", 503, Duration.ofSeconds(30));
            // Down until a page has said so: a request that began just before the stop may wait out the pool's
            // timeout and the audit retry and then succeed, so a fixed pause proves nothing on a slow machine.
            long downUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!statuses.containsKey(503) && System.nanoTime() < downUntil) {
                Thread.sleep(200);
            }
            postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).setPort(pgPort).start();
            awaitStatus(base, "/health/ready", 200, Duration.ofSeconds(60));
            Thread.sleep(3_000);
            running.set(false);
            traffic.join();

            assertTrue(statuses.containsKey(503), "pages said the database is unavailable: " + statuses + " " + trafficErrors);
            // Either reason is the truth: the database is gone, or (found at the audit rehearsal) its audit log is.
            assertTrue(unavailablePages.stream().allMatch(text -> text.contains("The database is unavailable")
                            || text.contains("The audit log cannot be written right now")),
                    "every 503 says why: " + unavailablePages.stream().distinct().limit(3).toList());
            assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() > 0, statuses.toString());
            assertTrue(!statuses.containsKey(500) && !statuses.containsKey(-1), "no 500 and no hang: " + statuses
                    + " " + failedPages.stream().distinct().limit(3).toList() + "\n" + firstFailure(work.resolve("portal.log")));
            PortalClient.Page after = admin.get("/products/lookup?code=" + code);
            assertEquals(200, after.status(), "served again without a restart: " + after.text());

            // A call in flight when the database went is kept in the audit spool and appended after it is back.
            long reached = sandbox.requests(ACCOUNT);
            long audited = auditedUpstreamCalls() - auditedBefore;
            long spoolUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (audited < reached && System.nanoTime() < spoolUntil) {
                Thread.sleep(500);
                audited = auditedUpstreamCalls() - auditedBefore;
            }
            assertEquals(reached, audited, "one audit entry per call that reached Mimeeq: " + statuses);
            PortalClient.Page verify = admin.get("/admin/audit/verify");
            Matcher verified = VERIFIED.matcher(verify.text());
            assertTrue(verified.find(), "the chain verifies: " + verify.text());
        }
    }

    /** The first request failure the portal logged as a bug, with its stack trace, for the assertion message. */
    private static String firstFailure(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("SEVERE") && i + 1 < lines.size() && lines.get(i + 1).contains(" failed")) {
                return String.join("\n", lines.subList(i, Math.min(lines.size(), i + 40)));
            }
        }
        return "(no SEVERE request failure in " + log + ")";
    }

    private static void awaitStatus(URI base, String path, int expected, Duration budget) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + budget.toNanos();
        int last = -1;
        while (System.nanoTime() < until) {
            try {
                last = http.send(HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == expected) {
                    return;
                }
            } catch (java.io.IOException e) {
                last = -1;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " answered " + last + ", not " + expected + ", within " + budget);
    }

    /** Entries of Mimeeq calls that got an answer from Mimeeq, straight from the table. */
    private static long auditedUpstreamCalls() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/portal", "portal",
                DB_PASSWORD); ResultSet result = c.createStatement().executeQuery(
                "select count(*) from audit_event where event_type like 'MIMEEQ_CALL%' and http_status is not null")) {
            result.next();
            return result.getLong(1);
        }
    }
}
