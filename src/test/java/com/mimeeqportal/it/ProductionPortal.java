package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.NewKeysets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A production install as docs/operations.md sets one up, for the tests of the running portal on PostgreSQL: a
 * real PostgreSQL with the role and database of the runbook's {@code createuser}/{@code createdb}, keysets from
 * the portal's keyset command, the environment block of the runbook's "PostgreSQL" section, and the start command
 * of its "Running it" section. A name the runbook gains that this class can't fill fails the tests, so the
 * runbook stays exactly what works.
 */
final class ProductionPortal implements AutoCloseable {

    static final String DB_PASSWORD = "pg-it-Passw0rd";
    static final String OPERATOR_PASSWORD = "prod-it-operator-Passw0rd";

    private final Path work;
    private final EmbeddedPostgres postgres;
    private final Runbook runbook = Runbook.read("docs/operations.md");

    private ProductionPortal(Path work, EmbeddedPostgres postgres) {
        this.work = work;
        this.postgres = postgres;
    }

    /** A PostgreSQL with the runbook's role and database; {@code work} under target/it holds everything else. */
    static ProductionPortal prepare(String name) {
        try {
            Path work = Files.createDirectories(Fixtures.itDir().resolve(name));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("create role portal login password '" + DB_PASSWORD + "'");
                sql.execute("create database portal owner portal");
            }
            return new ProductionPortal(work, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Path work() {
        return work;
    }

    /** The runbook's environment with this machine's paths, port and secrets; writes the keysets on first use. */
    Map<String, String> environment() {
        Path keysets = work.resolve("keysets");
        if (!Files.exists(keysets.resolve(NewKeysets.MASTER_KEYSET))) {
            writeKeysets(keysets);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        runbook.environment("PostgreSQL").forEach((name, example) -> environment.put(name, switch (name) {
            case "PORTAL_MODE" -> {
                assertEquals("production", example, "the runbook starts production mode");
                yield example;
            }
            case "PORTAL_DATA_DIR" -> work.resolve("data").toString();
            case "PORTAL_KEYSET_FILE", "PORTAL_MAC_KEYSET_FILE" -> keysets.resolve(Path.of(example).getFileName()).toString();
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
        // The tests' Mimeeq is the sandbox over plain http on loopback, which production refuses by default;
        // a real install calls https://mimeeqapi.com and needs no such setting.
        environment.put("PORTAL_MIMEEQ_ALLOW_HTTP", "true");
        for (String required : List.of("PORTAL_MODE", "PORTAL_KEYSET_FILE", "PORTAL_MAC_KEYSET_FILE", "PORTAL_DB_URL",
                "PORTAL_DB_USER", "PORTAL_DB_PASSWORD")) {
            assertTrue(environment.containsKey(required), "docs/operations.md's PostgreSQL block sets " + required);
        }
        return environment;
    }

    /** The runbook's start command, with the built runtime and WAR, the given port and one start-up thread. */
    List<String> startCommand(int port) {
        String command = runbook.command("Running it", "java ");
        assertTrue(command.contains("--port 8080"), command);
        List<String> words = new ArrayList<>(Arrays.asList(command.replace("--port 8080", "--port " + port).split(" ")));
        words.replaceAll(word -> switch (word) {
            case "payara-micro.jar" -> PayaraMicroProcess.microJar().toString();
            case "portal.war" -> PayaraMicroProcess.portalWar().toString();
            default -> word;
        });
        words.add(1, PayaraMicroProcess.ONE_STARTUP_THREAD);
        return words;
    }

    /** Starts the portal as the runbook says and waits until it is ready. */
    PayaraMicroProcess start(int port, String log) {
        return PayaraMicroProcess.start(startCommand(port), environment(), port, work.resolve(log))
                .awaitOk("/health/ready");
    }

    /**
     * docs/clustering.md's environment for every instance of a cluster, on top of the runbook's PostgreSQL block:
     * the keysets and the audit checkpoints on storage all instances share (here: one directory under work).
     */
    Map<String, String> clusterEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>(environment());
        Runbook.read("docs/clustering.md").environment("Starting the instances").forEach((name, example) ->
                environment.put(name, switch (name) {
                    case "PORTAL_CLUSTER_ENABLED" -> {
                        assertEquals("true", example, "the cluster block switches cluster mode on");
                        yield example;
                    }
                    // Already one pair of files under work, read by every instance of this test.
                    case "PORTAL_KEYSET_FILE", "PORTAL_MAC_KEYSET_FILE" -> environment.get(name);
                    case "PORTAL_AUDIT_CHECKPOINT_DIR" -> work.resolve("shared").resolve("audit-checkpoints").toString();
                    default -> throw new AssertionError("docs/clustering.md sets " + name + ", which this test doesn't know");
                }));
        assertEquals("true", environment.get("PORTAL_CLUSTER_ENABLED"), "docs/clustering.md sets PORTAL_CLUSTER_ENABLED");
        return environment;
    }

    /**
     * docs/clustering.md's start command for one instance of a cluster on this machine: HTTP on {@code port}, the
     * data grid on 127.0.0.1 at {@code gridPort}, every member's grid port in {@code members}.
     */
    List<String> clusterStartCommand(int port, int gridPort, List<Integer> members) {
        String command = Runbook.read("docs/clustering.md").command("Starting the instances", "java ");
        assertTrue(!command.contains("--nohazelcast") && command.contains("-Dhazelcast.socket.bind.any=false")
                && command.contains("--clustermode tcpip:") && command.contains("--interfaces "), command);
        List<String> words = new ArrayList<>(Arrays.asList(command.split(" ")));
        for (int i = 0; i < words.size(); i++) {
            String previous = i == 0 ? "" : words.get(i - 1);
            String word = words.get(i);
            words.set(i, switch (previous) {
                case "--port" -> Integer.toString(port);
                case "--startport" -> Integer.toString(gridPort);
                case "--interfaces" -> "127.0.0.1";
                default -> word.startsWith("tcpip:")
                        ? "tcpip:" + String.join(",", members.stream().map(p -> "127.0.0.1:" + p).toList())
                        : switch (word) {
                            case "payara-micro.jar" -> PayaraMicroProcess.microJar().toString();
                            case "portal.war" -> PayaraMicroProcess.portalWar().toString();
                            default -> word;
                        };
            });
        }
        words.add(1, PayaraMicroProcess.ONE_STARTUP_THREAD);
        return words;
    }

    /** The sandbox WAR alone on a Payara Micro of its own: a Mimeeq the portal knows only by its URL. */
    PayaraMicroProcess startUpstream() {
        Path directory = work.resolve("sandbox");
        int port = PayaraMicroProcess.freePort();
        List<String> command = List.of("java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", PayaraMicroProcess.ONE_STARTUP_THREAD, "-Xmx192m",
                "-Dsandbox.data-dir=" + directory.resolve("data"), "-jar", PayaraMicroProcess.microJar().toString(),
                "--deploy", PayaraMicroProcess.sandboxWar().toString(), "--port", Integer.toString(port),
                "--nohazelcast", "--disablephonehome");
        return PayaraMicroProcess.start(command, Map.of(), port, directory.resolve("sandbox.log"))
                .awaitOk("/sandbox/_admin/accounts/nordic-living/key");
    }

    static String upstreamUrl(PayaraMicroProcess sandbox) {
        return Fixtures.sandboxUrl(sandbox.base());
    }

    int databasePort() {
        return postgres.getPort();
    }

    /** As the portal's own database user. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/portal", "portal",
                DB_PASSWORD);
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet result = c.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** As the database's superuser, as a DBA (or an attacker with database access) would. */
    void asSuperuser(String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", "portal").getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** The keyset command's code, as `./mvnw -Pkeysets` runs it (KeysetsCommandIT runs the Maven command itself). */
    static void writeKeysets(Path directory) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = NewKeysets.run(new String[] {directory.toString()}, new PrintStream(out), new PrintStream(out));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    }
}
