package com.mimeeqportal.bench;

import com.mimeeqportal.it.PayaraMicroProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmark command ({@code ./mvnw -q -Pbench}, docs/performance.md "Benchmarks"): runs the parts named in
 * {@code bench.parts} and prints one Markdown table of figure, measured, target and whether it is met, with the
 * machine it ran on. Options are system properties, set by the bench profile from {@code -Dbench.…}.
 */
public final class Benchmarks {

    private static final String AUDIT = AuditAppendBenchmark.class.getName();

    private final Path dir;
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Benchmarks(Path dir) {
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = Arrays.stream(System.getProperty("bench.parts", "jmh,startup,lookup,catalog").split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        for (String part : parts) {
            if (!Set.of("jmh", "startup", "lookup", "catalog").contains(part)) {
                throw new IllegalArgumentException("bench.parts: unknown part " + part + " (jmh, startup, lookup, catalog)");
            }
        }
        Benchmarks bench = new Benchmarks(Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath());
        Files.createDirectories(bench.dir);
        String loadBefore = Machine.loadAverage();
        if (parts.contains("jmh")) {
            bench.jmh();
        }
        if (parts.contains("startup") || parts.contains("lookup") || parts.contains("catalog")) {
            List<String> variants = Arrays.stream(System.getProperty("bench.jvm-flags", "").split(" \\| "))
                    .map(String::trim).toList();
            List<String> labels = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                labels.add(variants.size() == 1 ? "" : " [" + (char) ('A' + v) + "]");
                bench.notes.add("portal JVM flags" + labels.get(v) + ": `"
                        + (variants.get(v).isEmpty() ? "(none)" : variants.get(v)) + "`");
            }
            String payaraOptions = System.getProperty("bench.payara-options", "");
            if (!payaraOptions.isBlank()) {
                bench.notes.add("Payara Micro options added to the run profile's: `" + payaraOptions.trim() + "`");
            }
            PortalRun kept = null;
            if (parts.contains("startup")) {
                kept = bench.startup(variants, labels, Integer.getInteger("bench.startup.rounds", 1),
                        parts.contains("lookup") || parts.contains("catalog"));
            }
            if (parts.contains("lookup") || parts.contains("catalog")) {
                // The variant whose portal the start-up part left running first, so it is not started again.
                for (int i = 0; i < variants.size(); i++) {
                    int v = (variants.size() - 1 + i) % variants.size();
                    bench.portal(parts, variants.get(v), labels.get(v), v == variants.size() - 1 ? kept : null);
                }
            } else if (kept != null) {
                kept.close();
            }
        }
        bench.notes.addAll(Machine.describe(loadBefore, Machine.loadAverage()));
        String table = Figure.table(bench.figures, bench.notes);
        Path saved = bench.dir.resolve("results-" + bench.stamp + ".md");
        Files.writeString(saved, table);
        System.out.println();
        System.out.println(table);
        System.out.println("(also in " + saved + ")");
    }

    // ---- JMH -------------------------------------------------------------------------------------------

    private void jmh() throws RunnerException, IOException {
        Path verifyDir = Files.createDirectories(dir.resolve("chains-" + stamp));
        Path output = dir.resolve("jmh-" + stamp + ".txt");
        int seconds = Integer.getInteger("bench.jmh.seconds", 2);
        Options options = new OptionsBuilder()
                .include(System.getProperty("bench.jmh.include", "com.mimeeqportal.bench."))
                .param("database", System.getProperty("bench.jmh.databases", "h2,postgres").split(","))
                .forks(Integer.getInteger("bench.jmh.forks", 1))
                .warmupIterations(Integer.getInteger("bench.jmh.warmups", 3))
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(Integer.getInteger("bench.jmh.iterations", 5))
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-D" + ChainCheck.DIRECTORY_PROPERTY + "=" + verifyDir,
                        "-Djava.util.logging.config.file=" + quietLogging())
                .output(output.toString())
                .shouldFailOnError(false)
                .build();
        progress("JMH running; its own report goes to " + output);
        Collection<RunResult> results = new Runner(options).run();
        // Audit appends first, per database, one thread before eight; then the rest by name.
        List<RunResult> sorted = results.stream().sorted(java.util.Comparator
                .comparing((RunResult r) -> !r.getParams().getBenchmark().startsWith(AUDIT))
                .thenComparing(r -> String.valueOf(r.getParams().getParam("database")))
                .thenComparing(r -> r.getParams().getBenchmark().endsWith("oneThread") ? "" : r.getParams().getBenchmark()))
                .toList();
        for (RunResult result : sorted) {
            figures.add(jmhFigure(result, verifyDir));
        }
        if (results.isEmpty()) {
            figures.add(Figure.failed("JMH", "no benchmark ran; see " + output, Target.NONE));
        }
        notes.add(String.format(Locale.ROOT, "JMH: %d fork(s), %d × %d s warm-up, %d × %d s measured; score ± 99.9 %% "
                        + "interval", Integer.getInteger("bench.jmh.forks", 1), Integer.getInteger("bench.jmh.warmups", 3),
                seconds, Integer.getInteger("bench.jmh.iterations", 5), seconds));
    }

    /** Errors only from the forks: Hikari, Flyway and Hibernate would otherwise log every trial's set-up. */
    private Path quietLogging() throws IOException {
        return Files.writeString(dir.resolve("jmh-logging.properties"), """
                handlers=java.util.logging.ConsoleHandler
                .level=SEVERE
                java.util.logging.ConsoleHandler.level=SEVERE
                """);
    }

    private static Figure jmhFigure(RunResult result, Path verifyDir) {
        String benchmark = result.getParams().getBenchmark();
        double score = result.getPrimaryResult().getScore();
        String plusMinus = "± " + Figure.number(result.getPrimaryResult().getScoreError());
        if (benchmark.startsWith(AUDIT)) {
            String database = result.getParams().getParam("database");
            boolean eight = benchmark.endsWith("eightThreadsFourTenants");
            String name = "audit appends with the chain, " + (database.equals("h2") ? "H2 file" : "PostgreSQL") + ", "
                    + (eight ? "8 threads × 4 tenants" : "1 thread");
            String verdict = ChainCheck.read(verifyDir, benchmark, database).orElse("FAILED: no verdict written");
            boolean verified = ChainCheck.passed(verdict);
            String shown = Figure.number(score) + " entries/s " + plusMinus + "; " + verdict;
            if (eight && database.equals("postgres")) {
                Target target = new Target("≥ 2,000 entries/s, every chain verifies", Target.Kind.AT_LEAST, 2000);
                return new Figure(name, shown, target, target.met(score) && verified);
            }
            return new Figure(name, shown, new Target("every chain verifies", Target.Kind.NONE, Double.NaN), verified);
        }
        String each = Figure.number(1e6 / score) + " µs each";
        if (benchmark.endsWith("decryptStoredKey")) {
            return Figure.note("API key decryption (KeyVault.open)", Figure.number(score) + " ops/s " + plusMinus + " (" + each + ")");
        }
        if (benchmark.endsWith("catalogPage")) {
            return Figure.note("catalog page render, 25 of 255 products (Thymeleaf, file resolver, "
                            + result.getParams().getParam("language") + ")",
                    Figure.number(score) + " renders/s " + plusMinus + " (" + each + ")");
        }
        return Figure.note(benchmark, Figure.number(score) + " " + result.getPrimaryResult().getScoreUnit());
    }

    // ---- the portal over HTTP ----------------------------------------------------------------------------

    /**
     * Start-up, first start on a fresh data directory then a second on the same one, for each variant in turn, in
     * {@code rounds} rounds (A, B, A, B, … so that a change in the machine's load falls on every variant). Returns
     * the last variant's last second start still running when {@code keepLast}, for the HTTP parts.
     */
    private PortalRun startup(List<String> variants, List<String> labels, int rounds, boolean keepLast) {
        List<StartTimes> times = new ArrayList<>();
        variants.forEach(v -> times.add(new StartTimes()));
        PortalRun kept = null;
        for (int round = 1; round <= rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                String label = labels.get(v) + (rounds == 1 ? "" : " round " + round);
                Path work = dir.resolve("startup-" + stamp + label.replaceAll("\\W", ""));
                int port = PayaraMicroProcess.freePort();
                try {
                    progress("first start of the portal" + label + " in " + work);
                    try (PortalRun first = PortalRun.start(variants.get(v), work, port, "first-start.log")) {
                        times.get(v).first.add(first);
                    }
                    progress("second start" + label);
                    PortalRun second = PortalRun.start(variants.get(v), work, port, "second-start.log");
                    times.get(v).second.add(second);
                    if (keepLast && round == rounds && v == variants.size() - 1) {
                        kept = second;
                    } else {
                        second.close();
                    }
                } catch (RuntimeException | IOException e) {
                    // The first line in the table (it says where the rest is); the whole message on the console.
                    times.get(v).failures.add(String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                    progress("start-up" + label + " failed: " + e);
                }
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            startFigures("first start" + labels.get(v), times.get(v).first, times.get(v).failures, 12);
            startFigures("second start" + labels.get(v), times.get(v).second, times.get(v).failures, 10);
        }
        return kept;
    }

    /** The start-ups of one variant over the rounds, and why any failed. */
    private static final class StartTimes {
        final List<PortalRun> first = new ArrayList<>();
        final List<PortalRun> second = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
    }

    /** The HTTP parts on {@code running} if given, else on a portal started for them (not timed). */
    private void portal(Set<String> parts, String flags, String label, PortalRun running) throws IOException {
        Path work = dir.resolve("portal-" + stamp + label.replaceAll("\\W", ""));
        try {
            if (running == null) {
                progress("starting the portal" + label + " in " + work);
                running = PortalRun.start(flags, work, PayaraMicroProcess.freePort(), "start.log");
            }
            PortalRun.sleep(3000);
            figures.add(memory("resident memory at rest" + label, running));
            HttpBench http = new HttpBench(running.base());
            if (parts.contains("lookup")) {
                progress("lookup page against the direct call" + label);
                measure(() -> lookupFigures(http, label), "lookup ÷ direct" + label, Target.atMost(1.15, ""));
            }
            if (parts.contains("catalog")) {
                progress("cached catalog" + label);
                measure(() -> catalogFigures(http, label), "cached catalog" + label, Target.atLeast(600, " pages/s"));
                figures.add(memory("resident memory after the catalog load" + label, running));
            }
        } catch (RuntimeException e) {
            figures.add(Figure.failed("portal" + label, e.getMessage(), Target.NONE));
            progress("portal" + label + " failed: " + e);
        } finally {
            if (running != null) {
                running.close();
            }
        }
    }

    private void startFigures(String which, List<PortalRun> runs, List<String> failures, double target) {
        String failed = failures.isEmpty() ? "" : "; " + failures.size() + " start(s) FAILED: " + failures.get(0);
        List<Double> launch = runs.stream().map(r -> r.fromLaunch).toList();
        List<Double> jvm = runs.stream().filter(r -> r.fromJvmStart.isPresent()).map(r -> r.fromJvmStart.getAsDouble()).toList();
        List<Double> banner = runs.stream().filter(r -> r.banner.isPresent()).map(r -> r.banner.getAsDouble()).toList();
        double fromLaunch = Samples.median(launch);
        double fromJvm = Samples.median(jvm);
        figures.add(judged("start to ready (/health/ready and /login 200), " + which + ", from process launch", fromLaunch,
                seconds(launch) + failed, Target.atMost(target, " s"), failures.size()));
        String shown = jvm.isEmpty() ? "no \"ready … after JVM start\" line in the log"
                : seconds(jvm) + (banner.isEmpty() ? "" : " (banner: " + seconds(banner) + ")");
        figures.add(judged("start to ready, " + which + ", from JVM start", fromJvm, shown + failed,
                Target.atMost(target, " s"), failures.size()));
    }

    /** "25.6 s", or with several rounds "25.6 s (median of 3: 24.1–27.0 s)". */
    static String seconds(List<Double> values) {
        if (values.size() <= 1) {
            return values.isEmpty() ? "–" : Figure.number(values.get(0)) + " s";
        }
        return Figure.number(Samples.median(values)) + " s (median of " + values.size() + ": "
                + Figure.number(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) + "–"
                + Figure.number(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()) + " s)";
    }

    private static Figure memory(String name, PortalRun run) {
        double mib = run.residentMiB();
        return Figure.of(name + " (VmRSS)", mib, Figure.number(mib) + " MiB", Target.atMost(600, " MiB"));
    }

    private void measure(Supplier<List<Figure>> part, String name, Target target) {
        try {
            figures.addAll(part.get());
        } catch (RuntimeException e) {
            figures.add(Figure.failed(name, e.toString(), target));
            progress(name + " failed: " + e);
        }
    }

    private static List<Figure> lookupFigures(HttpBench http, String label) {
        int latency = Integer.getInteger("bench.latency-ms", 20);
        int rounds = Integer.getInteger("bench.lookup.rounds", 500);
        HttpBench.LookupTimes t = http.lookupAgainstDirect(latency, Integer.getInteger("bench.lookup.jit-warmup", 30_000),
                Integer.getInteger("bench.lookup.warmup", 1500), rounds);
        double p50 = Samples.ratio(t.page().percentileMillis(0.5), t.direct().percentileMillis(0.5));
        double p99 = Samples.ratio(t.page().percentileMillis(0.99), t.direct().percentileMillis(0.99));
        String failed = t.failures() == 0 ? "" : "; " + t.failures() + " FAILED requests";
        String round = String.format(Locale.ROOT, " (%d alternating rounds, 1 client, %d ms upstream latency)", rounds, latency);
        List<Figure> rows = new ArrayList<>();
        rows.add(Figure.note("`/products/lookup` page" + label + " p50 / p99" + round, times(t.page())));
        rows.add(Figure.note("the same `get-product-info` call direct to the sandbox" + label + " p50 / p99", times(t.direct())));
        rows.add(judged("lookup ÷ direct" + label + ", p50", p50, String.format(Locale.ROOT, "%.3f (%+.1f ms)%s", p50,
                t.page().percentileMillis(0.5) - t.direct().percentileMillis(0.5), failed), Target.atMost(1.15, ""), t.failures()));
        rows.add(judged("lookup ÷ direct" + label + ", p99", p99, String.format(Locale.ROOT, "%.3f (%+.1f ms)%s", p99,
                t.page().percentileMillis(0.99) - t.direct().percentileMillis(0.99), failed), Target.atMost(1.30, ""), t.failures()));
        rows.add(Figure.note("simple signed-in page `" + HttpBench.SIMPLE_PAGE + "`" + label + " p50 / p99", times(t.simple())));
        return rows;
    }

    private static List<Figure> catalogFigures(HttpBench http, String label) {
        int clients = Integer.getInteger("bench.catalog.clients", 8);
        int seconds = Integer.getInteger("bench.catalog.seconds", 20);
        int warmup = Integer.getInteger("bench.catalog.warmup-seconds", 90);
        HttpBench.CatalogLoad load = http.cachedCatalog(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        String failed = load.failures() == 0 ? "" : "; " + load.failures() + " FAILED pages";
        String what = String.format(Locale.ROOT, "cached catalog%s, %d clients, %d s", label, clients, seconds);
        return List.of(
                judged(what + ", pages/s", load.pagesPerSecond(), Figure.number(load.pagesPerSecond()) + " pages/s ("
                        + load.pages() + " pages" + failed + ")", Target.atLeast(600, " pages/s"), load.failures()),
                judged(what + ", p95", load.times().percentileMillis(0.95),
                        Figure.number(load.times().percentileMillis(0.95)) + " ms", Target.atMost(20, " ms"), load.failures()),
                Figure.note(what + ", p50 / p99", Figure.number(load.times().percentileMillis(0.5)) + " ms / "
                        + Figure.number(load.times().percentileMillis(0.99)) + " ms"));
    }

    /** A figure that is not met, whatever its value, when any request of its measurement failed. */
    private static Figure judged(String name, double value, String shown, Target target, int failures) {
        Figure figure = Figure.of(name, value, shown, target);
        return failures == 0 ? figure : new Figure(name, shown, target, false);
    }

    private static String times(Samples samples) {
        return Figure.number(samples.percentileMillis(0.5)) + " ms / " + Figure.number(samples.percentileMillis(0.99))
                + " ms (" + samples.count() + " samples)";
    }

    static void progress(String message) {
        System.err.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }
}
