package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro JVM started the way an operator starts one: {@code java … -jar payara-micro.jar …} with an
 * environment of its own, its output in a log file. Arquillian can't do this (it starts every server in demo
 * mode, with the same options, and never restarts one), so the tests of production set-ups use this.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Duration START_BUDGET = Duration.ofSeconds(150);

    private final Process process;
    private final Path log;
    private final URI base;

    private PayaraMicroProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    public static Path microJar() {
        return Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar")).toAbsolutePath();
    }

    public static Path portalWar() {
        return Path.of(System.getProperty("portal.war", "target/portal.war")).toAbsolutePath();
    }

    public static Path sandboxWar() {
        return Path.of(System.getProperty("sandbox.war", "target/sandbox.war")).toAbsolutePath();
    }

    /**
     * Payara's start-up services on its main thread alone, for every Payara Micro the ITs start (docs/configuration.md):
     * both boot stalls seen on this machine happened while they ran on a pool of threads, and a stalled start fails
     * a whole test run. Added to the runbooks' commands by {@link ProductionPortal}, which otherwise runs them as
     * written; the benchmark and the README's run command go without it, as operators do.
     */
    public static final String ONE_STARTUP_THREAD = "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS";

    /**
     * Starts {@code command} (a {@code java …} command line, split on spaces) with exactly {@code environment}
     * added to a copy of this JVM's environment from which every {@code PORTAL_} variable was removed.
     */
    public static PayaraMicroProcess start(List<String> command, Map<String, String> environment, int port, Path log) {
        return start(command, environment, port, log, null);
    }

    /** As {@link #start(List, Map, int, Path)}, in {@code directory} (null: this JVM's), as a shell in a checkout. */
    public static PayaraMicroProcess start(List<String> command, Map<String, String> environment, int port, Path log,
                                           Path directory) {
        List<String> line = new ArrayList<>(command);
        if (line.get(0).equals("java")) {
            // The JDK running the tests: the machine's default java may be older than Payara 7 accepts.
            line.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("PORTAL_") || name.startsWith("SANDBOX_"));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new PayaraMicroProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base() {
        return base;
    }

    /** The JVM's process id (for /proc/<pid>/status, jcmd). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code path} answers 200, failing with the log if the JVM ends or the budget passes. */
    public PayaraMicroProcess awaitOk(String path) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        while (true) {
            assertTrue(process.isAlive(), () -> "Payara Micro ended (status " + process.exitValue() + "):\n" + log());
            assertTrue(System.nanoTime() < deadline,
                    () -> path + " did not answer 200 in " + START_BUDGET + "; " + threadDump() + ":\n" + log());
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve(path.substring(1)))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(300);
        }
    }

    /** Waits for the JVM to end by itself and returns its exit status. */
    public int awaitExit(Duration budget) {
        try {
            assertTrue(process.waitFor(budget.toMillis(), TimeUnit.MILLISECONDS),
                    () -> "Payara Micro was expected to stop by itself:\n" + log());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The threads of a JVM that does not get ready, for whoever asks why: jcmd's Thread.print, next to its log.
     * Payara Micro's own boot stalls now and then on a busy 2-core machine, before any deployment
     * (docs/performance.md, "Two libraries fewer…"), and a failure without a dump leaves nothing to read.
     */
    public String threadDump() {
        return threadDump(process.pid(), log.resolveSibling(log.getFileName() + ".threads.txt"));
    }

    /**
     * Writes jcmd's Thread.print of {@code pid} to {@code file}, and to standard output too, which a CI run keeps
     * when it fails while the files of its clone are gone. Returns where it went, for a failure's message.
     */
    static String threadDump(long pid, Path file) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
            }
            System.out.println("Threads of Payara Micro " + pid + " (" + file + "):\n" + Files.readString(file));
            return "its threads are in " + file;
        } catch (IOException e) {
            return "no thread dump (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump (interrupted)";
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the JVM as a service manager would: SIGTERM, then SIGKILL if it takes longer than 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the JVM at once (SIGKILL), as a crash or a pulled plug would: no shutdown hook, nothing cleaned up. */
    void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
