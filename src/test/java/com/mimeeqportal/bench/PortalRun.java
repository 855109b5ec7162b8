package com.mimeeqportal.bench;

import com.mimeeqportal.it.LoadHarness;
import com.mimeeqportal.it.PayaraMicroProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal as the run profile starts it (the flags given, Payara Micro's launcher in a prepared runtime directory
 * ({@link PayaraRuntime}), or with {@code -Dbench.runtime=micro-jar} {@code java -jar payara-micro.jar} as the Docker
 * image starts it, with the sandbox and the portal deployed, demo mode, data in {@code ./data} of the working
 * directory), timed from launch until both {@code /health/ready} and {@code /login} answer 200.
 */
final class PortalRun implements AutoCloseable {

    static final LoadHarness.Passwords PASSWORDS = new LoadHarness.Passwords("bench-operator-Passw0rd",
            "bench-admin-Passw0rd", "bench-sales-Passw0rd");
    private static final Duration START_BUDGET = Duration.ofSeconds(240);
    private static final Pattern TIME_MILLIS = Pattern.compile("timeMillis: (\\d+)");
    private static final Pattern BANNER = Pattern.compile("Mimeeq Portal is ready at .*?(\\d+) ms after JVM start");

    private final PayaraMicroProcess process;
    /** Seconds from launch, and from the JVM's start, until the portal answered; the banner's own figure. */
    final double fromLaunch;
    final OptionalDouble fromJvmStart;
    final OptionalDouble banner;

    private PortalRun(PayaraMicroProcess process, double fromLaunch, OptionalDouble fromJvmStart, OptionalDouble banner) {
        this.process = process;
        this.fromLaunch = fromLaunch;
        this.fromJvmStart = fromJvmStart;
        this.banner = banner;
    }

    /**
     * The run profile's command line with {@code jvmFlags} in place of its flags, {@code payaraJar} (the launcher
     * of a prepared runtime, or Payara Micro's own jar) after {@code -jar}, and {@code payaraOptions} (further
     * Payara Micro options) at its end.
     */
    static List<String> command(String jvmFlags, String payaraOptions, int port, Path payaraJar) {
        List<String> command = new ArrayList<>(List.of("java"));
        words(jvmFlags).forEach(command::add);
        command.addAll(List.of("-Dportal.http.port=" + port, "-jar", payaraJar.toString(),
                "--prebootcommandfile", preBootFile().toString(),
                "--deploy", PayaraMicroProcess.sandboxWar().toString(),
                "--deploy", PayaraMicroProcess.portalWar() + java.io.File.pathSeparator + "/",
                "--port", Integer.toString(port), "--nohazelcast", "--disablephonehome"));
        words(payaraOptions).forEach(command::add);
        return command;
    }

    private static java.util.stream.Stream<String> words(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(word -> !word.isEmpty());
    }

    private static Path preBootFile() {
        return Path.of(System.getProperty("payara.preboot.file", "src/main/payara/pre-boot-commands.asadmin"))
                .toAbsolutePath();
    }

    /** Starts the portal in {@code directory} and returns once it answers, with its start-up times. */
    static PortalRun start(String jvmFlags, Path directory, int port, String logName) throws IOException {
        Files.createDirectories(directory);
        // MALLOC_ARENA_MAX as the run profile sets it (pom.xml), so resident memory is measured as it runs.
        Map<String, String> environment = Map.of("PORTAL_DEMO_OPERATOR_PASSWORD", PASSWORDS.operator(),
                "PORTAL_DEMO_ADMIN_PASSWORD", PASSWORDS.admin(), "PORTAL_DEMO_SALES_PASSWORD", PASSWORDS.sales(),
                "MALLOC_ARENA_MAX", "2");
        String payaraOptions = System.getProperty("bench.payara-options", "");
        List<String> command;
        if ("launcher".equals(System.getProperty("bench.runtime", "launcher"))) {
            PayaraRuntime runtime = PayaraRuntime.prepared();
            command = command(jvmFlags, payaraOptions, port, runtime.launcher());
            runtime.trainIfNeeded(command, environment, directory);
            runtime.reset();
        } else {
            command = command(jvmFlags, payaraOptions, port, PayaraMicroProcess.microJar());
        }
        long launched = System.nanoTime();
        PayaraMicroProcess process = PayaraMicroProcess.start(command, environment, port, directory.resolve(logName),
                directory);
        Runtime.getRuntime().addShutdownHook(new Thread(process::close));
        try {
            awaitAnswers(process, launched);
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
        long answeredAt = System.currentTimeMillis();
        double fromLaunch = (System.nanoTime() - launched) / 1e9;
        OptionalDouble banner = OptionalDouble.empty();
        OptionalDouble fromJvmStart = OptionalDouble.empty();
        for (int i = 0; i < 50 && banner.isEmpty(); i++) {
            long[] logged = banner(process.log());
            if (logged != null) {
                banner = OptionalDouble.of(logged[1] / 1000.0);
                fromJvmStart = OptionalDouble.of((answeredAt - (logged[0] - logged[1])) / 1000.0);
            } else {
                sleep(100);
            }
        }
        try {
            awaitBootEnd(process, launched);
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
        return new PortalRun(process, fromLaunch, fromJvmStart, banner);
    }

    private static final Pattern BOOT_END = Pattern.compile("Payara Micro .*ready in [\\d,]+ \\(ms\\)");

    /**
     * Waits for Payara Micro's own "ready in" line (every deployment done) and refuses a start in which the portal
     * was deployed twice: a {@code --rootdir} reused from an earlier run redeploys its applications first, so the
     * portal answers, is undeployed and deployed again, and the time measured would be the first deployment's.
     */
    private static void awaitBootEnd(PayaraMicroProcess process, long launched) {
        while (!BOOT_END.matcher(process.log()).find()) {
            if (!process.isAlive() || System.nanoTime() - launched > START_BUDGET.toNanos()) {
                throw new IllegalStateException("Payara Micro did not finish booting:\n" + tail(process.log()));
            }
            sleep(200);
        }
        if (deployments(process.log()) > 1) {
            throw new IllegalStateException("The portal was deployed twice in one start (a --rootdir reused from an "
                    + "earlier run redeploys its applications), so its start-up cannot be timed");
        }
    }

    /** How many times the portal said it was ready in {@code log}. */
    static int deployments(String log) {
        Matcher ready = BANNER.matcher(log);
        int count = 0;
        while (ready.find()) {
            count++;
        }
        return count;
    }

    /**
     * From the log of a start: the time the ready banner was logged (the record's {@code timeMillis}) and the JVM
     * uptime it names, in milliseconds; null when it is not there (yet). Their difference is when the JVM started.
     */
    static long[] banner(String log) {
        Matcher ready = BANNER.matcher(log);
        if (!ready.find()) {
            return null;
        }
        Matcher time = TIME_MILLIS.matcher(log.substring(0, ready.start()));
        long loggedAt = -1;
        while (time.find()) {
            loggedAt = Long.parseLong(time.group(1));
        }
        return loggedAt < 0 ? null : new long[] {loggedAt, Long.parseLong(ready.group(1))};
    }

    /** Polls every 50 ms until /login and /health/ready both answer 200 (the sandbox alone makes ready answer). */
    private static void awaitAnswers(PayaraMicroProcess process, long launched) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro ended during start-up:\n" + tail(process.log()));
            }
            if (System.nanoTime() - launched > START_BUDGET.toNanos()) {
                // A start on 3 December hung in Payara's own boot and left nothing to read: now its threads are kept.
                throw new IllegalStateException("Not ready within " + START_BUDGET + "; " + process.threadDump()
                        + ":\n" + tail(process.log()));
            }
            if (status(http, process.base(), "login") == 200 && status(http, process.base(), "health/ready") == 200) {
                return;
            }
            sleep(50);
        }
    }

    private static int status(HttpClient http, URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notYet) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI base() {
        return process.base();
    }

    /** The JVM's resident memory (VmRSS of /proc/<pid>/status) in MiB; NaN where there is no /proc. */
    double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // No /proc (not Linux) or the process is gone.
        }
        return Double.NaN;
    }

    String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
