package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, exactly as written, on a fresh clone of this repository with
 * PORTAL_HTTP_PORT=18080: it must serve /login within 60 s of Payara starting, print the generated demo
 * passwords, let the demo admin see the catalog, and on a second start reuse the data without seeding
 * or printing anything again.
 */
class ReadmeRunCommandIT {

    private static final Pattern ADMIN_PASSWORD = Pattern.compile("admin@demo\\.example\\s+ACCOUNT_ADMIN\\s+(\\S+)");
    private static final Duration READY_BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void theRunCommandServesTheDemoPortalOnAFreshClone() throws Exception {
        String command = ReadmeCommands.read(Path.of("README.md")).run();
        Path clone = work.resolve("clone");
        exec(List.of("git", "clone", "--quiet", Path.of("").toAbsolutePath().toString(), clone.toString()), work);
        int port = isFree(18080) ? 18080 : freePort();

        String firstStart = start(command, clone, port, work.resolve("first.log"));
        Matcher password = ADMIN_PASSWORD.matcher(firstStart);
        assertTrue(password.find(), "the first start prints the generated passwords:\n" + firstStart);
        assertTrue(firstStart.contains("Mimeeq Portal is ready at http://localhost:" + port + "/"));
        // One demo instance runs without Payara's data grid: no Hazelcast member listening on the network, and
        // about 2 s less start. (Payara Micro's --nocluster beside --nohazelcast would start it again.)
        assertFalse(firstStart.contains("Hazelcast Instance Bound"), "the data grid started:\n" + firstStart);
        assertRunsFromTheAheadOfTimeCache(firstStart);
        assertTrainedOnce(firstStart, true, clone);
        // A clean start logs nothing severe (the start-up warm-up once did, on a thread without a request context).
        assertFalse(firstStart.contains("SEVERE"), "a SEVERE line in a clean start:\n" + firstStart);
        assertFalse(firstStart.contains("warm-up of the first page did not complete"), firstStart);
        // A generated password is one-time: the admin replaces it at the first sign-in, as the README says.
        String ownPassword = Fixtures.ownPassword(URI.create("http://127.0.0.1:" + port + "/"), "admin@demo.example",
                password.group(1));
        seeCatalog(port, ownPassword);
        stop();

        String secondStart = start(command, clone, port, work.resolve("second.log"));
        assertFalse(secondStart.contains("Users created now"), "nothing is seeded twice");
        assertFalse(ADMIN_PASSWORD.matcher(secondStart).find(), "no password is printed again");
        assertRunsFromTheAheadOfTimeCache(secondStart);
        assertTrainedOnce(secondStart, false, clone);
        seeCatalog(port, ownPassword);
        stop();
    }

    private Process running;

    /** Starts the command and returns its output once /login answers; fails past the 60-second budget. */
    private String start(String command, Path directory, int port, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("PORTAL_HTTP_PORT", Integer.toString(port));
        builder.environment().keySet().removeIf(name -> name.startsWith("PORTAL_DEMO_"));
        running = builder.start();

        long buildDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (!Files.readString(log).contains("(run-portal)")) {
            assertTrue(running.isAlive(), "the command ended early:\n" + Files.readString(log));
            assertTrue(System.nanoTime() < buildDeadline, "the build did not finish:\n" + Files.readString(log));
            Thread.sleep(200);
        }
        long payaraStarted = System.nanoTime();
        PortalClient anonymous = new PortalClient(URI.create("http://127.0.0.1:" + port + "/"));
        while (!answers(anonymous)) {
            Duration waited = Duration.ofNanos(System.nanoTime() - payaraStarted);
            assertTrue(waited.compareTo(READY_BUDGET) < 0, "/login not served within 60 s:\n" + Files.readString(log));
            assertTrue(running.isAlive(), "the portal stopped:\n" + Files.readString(log));
            Thread.sleep(250);
        }
        while (!Files.readString(log).contains("Mimeeq Portal is ready")) {
            Thread.sleep(100);
        }
        return Files.readString(log);
    }

    /**
     * On JDK 25 the run command starts Payara Micro through its launcher with the ahead-of-time cache its build made
     * (pom.xml, profile jdk25-aot-cache): the portal's JVM has the cache file mapped, and did not refuse it. A refused
     * cache is only a warning, after which the JVM starts without it, seconds slower.
     */
    private void assertRunsFromTheAheadOfTimeCache(String output) throws IOException {
        if (Runtime.version().feature() < 25) {
            return;
        }
        assertFalse(output.contains("Unable to use AOT cache"), "the JVM refused its cache:\n" + output);
        ProcessHandle portal = running.descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("launch-micro.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no JVM runs Payara's launcher:\n" + output));
        String maps = Files.readString(Path.of("/proc", Long.toString(portal.pid()), "maps"));
        assertTrue(maps.lines().anyMatch(line -> line.endsWith(".aot")),
                "the portal's JVM maps no ahead-of-time cache: " + portal.info().commandLine().orElse(""));
    }

    /**
     * The training start runs at the first start of a clean build, not at the next with the same libraries: the
     * names of the WAR's libraries are kept beside the cache, and only other names train it again.
     */
    private static void assertTrainedOnce(String output, boolean first, Path clone) throws IOException {
        if (Runtime.version().feature() < 25) {
            return;
        }
        assertEquals(first, output.contains("Making the ahead-of-time cache"), output);
        try (var files = Files.list(clone.resolve("target"))) {
            Path runtime = files.filter(path -> path.getFileName().toString().startsWith("payara-runtime-"))
                    .findFirst().orElseThrow();
            try (var caches = Files.list(runtime)) {
                Path libraries = caches.filter(path -> path.toString().endsWith(".aot.libraries")).findFirst()
                        .orElseThrow(() -> new AssertionError("no library list beside the cache in " + runtime));
                assertTrue(Files.readString(libraries).contains("hibernate-core-"), Files.readString(libraries));
            }
        }
    }

    private static boolean answers(PortalClient client) {
        try {
            return client.get("/login").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void seeCatalog(int port, String adminPassword) {
        PortalClient admin = new PortalClient(URI.create("http://127.0.0.1:" + port + "/"));
        admin.signIn("admin@demo.example", adminPassword);
        PortalClient.Page catalog = admin.get("/catalog");
        assertEquals(200, catalog.status(), catalog.text());
        assertTrue(PortalIT.catalogSize(catalog) >= 200, catalog.text());
    }

    private void stop() throws InterruptedException {
        running.descendants().forEach(ProcessHandle::destroy);
        running.destroy();
        if (!running.waitFor(30, TimeUnit.SECONDS)) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly().waitFor();
        }
        Thread.sleep(1000);
    }

    private static void exec(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
