package com.mimeeqportal.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The load and soak harness (docs/performance.md): drives a running portal in demo mode, with the Mimeeq
 * sandbox beside it, on {@code java.net.http} and raw sockets with virtual threads, and prints a table.
 * Every scenario ends by comparing the portal's audit entries of calls that reached Mimeeq with the
 * sandbox's own request counters, and by verifying the tenants' audit chains.
 *
 * <p>Run by hand against the README's run command ({@code ./mvnw -Pload}, see docs/performance.md);
 * {@code LoadIT} runs short versions of scenarios (a) and (b) on every {@code verify}.
 */
public final class LoadHarness {

    static final String DEMO_ACCOUNT = "demo-furniture";
    static final List<String> OTHER_ACCOUNTS = List.of("nordic-living", "acme-office");
    private static final Pattern VERIFIED = Pattern.compile("Verified up to entry #([\\d,]+)");

    private final URI base;
    private final Passwords passwords;

    /** The demo users' passwords, as given to the portal's first start (PORTAL_DEMO_*_PASSWORD). */
    public record Passwords(String operator, String admin, String sales) {
    }

    public LoadHarness(URI base, Passwords passwords) {
        this.base = base;
        this.passwords = passwords;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(System.getProperty("load.url", "http://127.0.0.1:8080/"));
        Passwords passwords = new Passwords(required("load.operator-password"), required("load.admin-password"),
                required("load.sales-password"));
        LoadHarness harness = new LoadHarness(base, passwords);
        List<Row> rows = new ArrayList<>();
        for (String scenario : System.getProperty("load.scenarios", "a,b").split(",")) {
            List<Row> done = new ArrayList<>();
            switch (scenario.trim()) {
                case "a" -> done.add(harness.shortConnections(Integer.getInteger("load.a.connections", 60_000), 50));
                case "b" -> done.addAll(harness.busyTenants("b", 8, seconds("load.b.seconds", 300), false));
                case "b32" -> done.addAll(harness.busyTenants("b32", 32, seconds("load.b.seconds", 300), false));
                case "c" -> done.addAll(harness.busyTenants("c", 8, seconds("load.b.seconds", 300), true));
                case "f" -> done.addAll(harness.signInFlood(Integer.getInteger("load.f.attempts", 1_000)));
                case "d" -> done.addAll(harness.soak(seconds("load.d.seconds", 1_800), seconds("load.d.warmup-seconds", 300),
                        seconds("load.d.sample-seconds", 300)));
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario + " (a, b, b32, c, d, f)");
            }
            // Each scenario's rows as soon as it ends, so that a later scenario's failure loses nothing.
            System.out.println(table(done));
            rows.addAll(done);
        }
        System.out.println(table(rows));
    }

    // ---- (a) short connections ---------------------------------------------------------------------

    /** {@code connections} GETs of /login, each on a connection of its own ("Connection: close"). */
    Row shortConnections(int connections, int concurrency) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicInteger failed = new AtomicInteger();
        Semaphore open = new Semaphore(concurrency);
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                open.acquire();
                threads.submit(() -> {
                    try {
                        long t = System.nanoTime();
                        int status = getOnNewConnection("/login");
                        latencies.add(System.nanoTime() - t);
                        if (status != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } finally {
                        open.release();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Client probe = new Client(base);
        int after = probe.get("/login").status();
        String live = probe.get("/health/live").body();
        return new Row("a", "short connections on /login", connections, failed.get(), latencies,
                String.format(Locale.ROOT, "%.0f/s; /login after: %d; live: %s", connections / seconds, after,
                        live.replaceAll("\\s+", "")), null);
    }

    private int getOnNewConnection(String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            String head = new String(all, 0, Math.min(all.length, 16), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        }
    }

    // ---- (d) soak ---------------------------------------------------------------------------------------

    /**
     * (b) for {@code duration}, with the portal's heap after a full GC (through {@code jcmd} on the portal's process,
     * found by its port on this machine) taken at the start and then every {@code sample} while the load runs. The
     * starting level is the one after {@code warmUp}: the first minutes fill bounded caches (the JIT's code, H2's page
     * cache, Hibernate's query plans) that are not a leak. A leak shows as a heap that is more than 10 % above that
     * level a minute before the traffic ends, and the row names the classes whose instances grew most; an {@code OutOfMemoryError}
     * shows as a dead process (the run profile exits on one) or a liveness check that is not UP.
     */
    List<Row> soak(Duration duration, Duration warmUp, Duration sample) throws Exception {
        ProcessHandle portal = portalProcess();
        List<String> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        long fresh = heapAfterFullGc(portal);
        samples.add("0 min " + (fresh >> 20));
        long[] warmed = {0};
        long[] lastUnderLoad = {0};
        Map<String, Long> warmedClasses = new java.util.HashMap<>();
        long started = System.nanoTime();
        // The samples under load: after the warm-up, every `sample`, and one a minute before the traffic ends.
        List<Duration> when = new ArrayList<>();
        Duration lastOne = duration.minusMinutes(1);
        for (Duration at = warmUp.plus(sample); at.compareTo(lastOne) < 0; at = at.plus(sample)) {
            when.add(at);
        }
        when.add(lastOne);
        Thread sampler = Thread.startVirtualThread(() -> {
            try {
                Thread.sleep(warmUp);
                warmed[0] = heapAfterFullGc(portal);
                warmedClasses.putAll(classBytes(portal));
                samples.add(minutesSince(started) + " min " + (warmed[0] >> 20) + " (start)");
                for (Duration at : when) {
                    Thread.sleep(Duration.ofNanos(Math.max(0, started + at.toNanos() - System.nanoTime())));
                    lastUnderLoad[0] = heapAfterFullGc(portal);
                    samples.add(minutesSince(started) + " min " + (lastUnderLoad[0] >> 20));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                samples.add("sampling failed: " + e);
            }
        });
        List<Row> rows = new ArrayList<>(busyTenants("d", 8, duration, false));
        sampler.interrupt();
        sampler.join();
        // After the harness's own audit exports and chain walks, which fill H2's caches: shown, not judged.
        long afterChecks = heapAfterFullGc(portal);
        String grew = grownClasses(warmedClasses, classBytes(portal));
        String live = new Client(base).get("/health/live").body().replaceAll("\\s+", "");
        double ratio = warmed[0] == 0 || lastUnderLoad[0] == 0 ? Double.NaN : (double) lastUnderLoad[0] / warmed[0];
        rows.add(new Row("d", "the portal's JVM (pid " + portal.pid() + ")", 0, portal.isAlive() ? 0 : 1, new Latencies(),
                String.format(Locale.ROOT, "old generation after full GC, MiB: %s; the last under load = %.2f × the start%s;"
                                + " %d MiB after the audit checks; resident %d MiB; grew most: %s; live: %s",
                        String.join(", ", samples), ratio, ratio <= 1.10 ? " (within 10 %)" : " (MORE than 10 %)",
                        afterChecks >> 20, residentBytes(portal) >> 20, grew, live), null));
        return rows;
    }

    private static long minutesSince(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMinutes();
    }

    /** Bytes per class from {@code GC.class_histogram} (which runs a full GC first, so only live objects count). */
    private static Map<String, Long> classBytes(ProcessHandle process) throws IOException, InterruptedException {
        Map<String, Long> bytes = new java.util.HashMap<>();
        Pattern line = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");
        for (String row : jcmd(process, "GC.class_histogram").split("\n")) {
            Matcher m = line.matcher(row);
            if (m.find()) {
                bytes.merge(m.group(2), Long.parseLong(m.group(1)), Long::sum);
            }
        }
        return bytes;
    }

    private static String grownClasses(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KiB")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The Payara Micro process on this machine that listens on the harness's port (given as -Dportal.http.port or
     * --port), started from its jar or, as the run profile starts it, from the launcher in its runtime directory.
     */
    private ProcessHandle portalProcess() {
        String port = Integer.toString(base.getPort());
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> (line.contains("payara-micro")
                        || line.contains("launch-micro.jar"))
                        && (line.contains("-Dportal.http.port=" + port + " ") || line.contains("--port " + port))).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No Payara Micro process for port " + port + " on this machine"));
    }

    /**
     * The old generation after a full GC ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}), the least of three:
     * what survives is what the portal holds. The young generation's "used" is left out, as it is whatever was
     * allocated between the GC and the reading; and one reading still moves by a tenth from one GC to the next
     * (in-flight requests, H2's unsaved pages). With a collector that reports no old generation (G1), the whole heap.
     */
    private static long heapAfterFullGc(ProcessHandle process) throws IOException, InterruptedException {
        long least = Long.MAX_VALUE;
        Pattern generation = Pattern.compile("total \\d+K, used (\\d+)K");
        for (int i = 0; i < 3; i++) {
            jcmd(process, "GC.run");
            long old = -1;
            long all = 0;
            for (String line : jcmd(process, "GC.heap_info").split("\n")) {
                Matcher figure = generation.matcher(line);
                if (figure.find() && !line.contains("Metaspace")) {
                    long used = Long.parseLong(figure.group(1)) * 1024;
                    all += used;
                    String name = line.trim().toLowerCase(Locale.ROOT);
                    if (name.startsWith("tenured") || name.startsWith("paroldgen") || name.startsWith("psoldgen")) {
                        old = used;
                    }
                }
            }
            least = Math.min(least, old >= 0 ? old : all);
        }
        return least;
    }

    private static String jcmd(ProcessHandle process, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private static long residentBytes(ProcessHandle process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return 0;
    }

    // ---- (f) a flood of wrong sign-ins ---------------------------------------------------------------

    /**
     * Other users' pages with and without a flood of {@code attempts} wrong sign-ins for {@code operator} from one
     * client, 20 at a time: two signed-in sales sessions alternate a simple page and the cached catalog, for
     * {@code load.f.warmup-seconds} (30) to warm the portal up, then 20 s without the flood, then while it runs,
     * then 20 s without it again. The pages without the flood, before and after together, are the baseline: a
     * JIT still warming up during the flood would otherwise pass for the flood's cost. The target is a slowdown
     * of at most 1.2 at p50. Run it on a portal whose operator is not locked from this address (a fresh start),
     * or the flood's first attempts, which the lockout lets through to the password hash, are not in it.
     */
    List<Row> signInFlood(int attempts) throws Exception {
        List<Client> users = List.of(signedIn("sales@demo.example", passwords.sales()),
                signedIn("sales@demo.example", passwords.sales()));
        users.getFirst().get("/catalog");
        pages(users, new Latencies(), seconds("load.f.warmup-seconds", 30), new AtomicBoolean(true));
        Latencies without = new Latencies();
        pages(users, without, Duration.ofSeconds(20), new AtomicBoolean(true));

        Latencies flood = new Latencies();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Latencies during = new Latencies();
        // Platform threads for both sides: on virtual threads the flood's 20 senders would hold this JVM's two
        // carrier threads, and the other users' pages would seem slow because of the harness, not the portal.
        Thread others = Thread.ofPlatform().start(() -> pages(users, during, Duration.ofMinutes(10), flooding));
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            senders.add(Thread.ofPlatform().start(() -> {
                // One session per sender, its form token read once: the flood costs the portal, not the harness.
                Client attacker = new Client(base);
                String csrf = org.jsoup.Jsoup.parse(attacker.get("/login").body()).select("input[name=_csrf]").attr("value");
                for (int attempt; (attempt = next.getAndIncrement()) < attempts; ) {
                    long t0 = System.nanoTime();
                    Client.Page page = attacker.post("/login", Map.of("username", "operator",
                            "password", "wrong-guess-" + attempt, "_csrf", csrf));
                    flood.add(System.nanoTime() - t0);
                    if (page.status() != 302) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        Duration floodTook = Duration.ofNanos(System.nanoTime() - started);
        flooding.set(false);
        others.join();
        pages(users, without, Duration.ofSeconds(20), new AtomicBoolean(true));

        String ratio = String.format(Locale.ROOT, "slowdown p50 %.2f, p95 %.2f (target <= 1.2)",
                ratioOf(during, without, 0.5), ratioOf(during, without, 0.95));
        return List.of(
                new Row("f", "other users' pages, no flood (20 s before and after)", without.count(), 0, without, null, null),
                new Row("f", "other users' pages during the flood", during.count(), 0, during, ratio, null),
                new Row("f", attempts + " wrong sign-ins for operator, one client", attempts, attempts - refused.get(),
                        flood, String.format(Locale.ROOT, "%.0f/s over %d s, all refused: %s",
                        attempts / (floodTook.toMillis() / 1000.0), floodTook.toSeconds(), refused.get() == attempts), null));
    }

    /** Alternates a simple signed-in page and the cached catalog over {@code users} until time or {@code going} ends. */
    private static void pages(List<Client> users, Latencies latencies, Duration duration, AtomicBoolean going) {
        long until = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (Client user : users) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; going.get() && System.nanoTime() < until; i++) {
                    long t = System.nanoTime();
                    Client.Page page = user.get(i % 2 == 0 ? "/account/password" : "/catalog");
                    latencies.add(System.nanoTime() - t);
                    if (page.status() != 200) {
                        throw new IllegalStateException("page answered " + page.status());
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static double ratioOf(Latencies during, Latencies before, double p) {
        return (double) during.percentileNanos(p) / Math.max(1, before.percentileNanos(p));
    }

    // ---- (b), (c) busy tenants ---------------------------------------------------------------------

    /**
     * {@code users} sessions of the demo tenant's sales user and two sessions in each of four more tenants look
     * up short codes for {@code duration}, with the sandbox answering after 20 ms. With {@code faults}, 5 % of
     * the demo tenant's upstream answers are 500s, one tenant gets a burst of 429s, and one tenant's base URL
     * is unreachable.
     */
    List<Row> busyTenants(String scenario, int users, Duration duration, boolean faults) throws Exception {
        SandboxAdmin sandbox = new SandboxAdmin(base);
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("demo tenant", DEMO_ACCOUNT, users, Tenant.demo(this)));
        for (int i = 0; i < 4; i++) {
            String account = OTHER_ACCOUNTS.get(i % 2);
            boolean unreachable = faults && i == 3;
            groups.add(new Group("tenant " + (i + 1) + (unreachable ? " (unreachable)" : ""), account, 2,
                    Tenant.create(this, account, unreachable)));
        }
        for (String account : accounts()) {
            sandbox.faults(account, "{\"latencyMs\":20}");
        }
        Map<String, Integer> auditBefore = auditCalls(groups);
        for (String account : accounts()) {
            sandbox.resetRequests(account);
        }
        // Signed in before the clock starts, one after another: sign-in hashes a password on purpose slowly.
        Map<Group, List<Client>> sessions = new java.util.LinkedHashMap<>();
        for (Group group : groups) {
            List<Client> clients = new ArrayList<>();
            for (int u = 0; u < group.users; u++) {
                clients.add(signedIn(group.tenant.salesUser(), group.tenant.salesPassword()));
            }
            sessions.put(group, clients);
        }
        Thread faultInjector = faults ? Thread.startVirtualThread(() -> injectFaults(sandbox, duration)) : null;
        long until = System.nanoTime() + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            sessions.forEach((group, clients) -> clients.forEach(client -> threads.submit(() -> group.run(client, until))));
        }
        if (faultInjector != null) {
            faultInjector.join();
        }
        for (String account : accounts()) {
            sandbox.clearFaults(account);
        }
        Map<String, Integer> upstream = new ConcurrentHashMap<>();
        for (String account : accounts()) {
            upstream.put(account, sandbox.requests(account));
        }
        Map<String, Integer> auditAfter = auditCalls(groups);
        List<Row> rows = new ArrayList<>();
        for (Group group : groups) {
            String audit = (auditAfter.get(group.name) - auditBefore.get(group.name)) + " audited, chain "
                    + group.tenant.verify();
            rows.add(new Row(scenario, group.name + " (" + group.users + " users)", group.pages.get(), group.failed.get(),
                    group.latencies, group.failures(), audit));
        }
        for (String account : accounts()) {
            int audited = groups.stream().filter(g -> g.account.equals(account) && !g.name.contains("unreachable"))
                    .mapToInt(g -> auditAfter.get(g.name) - auditBefore.get(g.name)).sum();
            rows.add(new Row(scenario, "sandbox account " + account, 0, 0, new Latencies(),
                    "upstream requests " + upstream.get(account), "calls audited " + audited
                    + (audited == upstream.get(account) ? " (equal)" : " (DIFFERENT)")));
        }
        return rows;
    }

    private static List<String> accounts() {
        List<String> all = new ArrayList<>(OTHER_ACCOUNTS);
        all.add(DEMO_ACCOUNT);
        return all;
    }

    /** 5 % 500s for the demo account all along (retried by the portal), and a 429 burst for nordic-living. */
    private static void injectFaults(SandboxAdmin sandbox, Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        int round = 0;
        while (System.nanoTime() < until) {
            sandbox.faults(DEMO_ACCOUNT, "{\"latencyMs\":20,\"failNext\":[500]}");
            if (round++ % 10 == 5) {
                sandbox.faults(OTHER_ACCOUNTS.get(0), "{\"latencyMs\":20,\"failNext\":[429,429,429],\"retryAfterSeconds\":1}");
            }
            sleep(400);
        }
    }

    /** Audit entries of Mimeeq calls that reached Mimeeq (they carry an HTTP status), per group. */
    private Map<String, Integer> auditCalls(List<Group> groups) {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        for (Group group : groups) {
            counts.put(group.name, group.tenant.auditedUpstreamCalls());
        }
        return counts;
    }

    // ---- the pieces --------------------------------------------------------------------------------

    /** A tenant with an admin who can export and verify its audit log, a short code to look up, and its users. */
    /**
     * A tenant the harness drives. The admin signs in afresh whenever the harness reads the audit log: after a
     * 30-minute soak, a session signed in at the start has long timed out.
     */
    public record Tenant(LoadHarness harness, String salesUser, String salesPassword, String adminUser,
                         String adminPassword, String shortCode) {

        static Tenant demo(LoadHarness harness) {
            Client sales = harness.signedIn("sales@demo.example", harness.passwords.sales());
            return new Tenant(harness, "sales@demo.example", harness.passwords.sales(), "admin@demo.example",
                    harness.passwords.admin(), shortCode(sales));
        }

        static Tenant create(LoadHarness harness, String account, boolean unreachable) {
            Client operator = harness.signedIn("operator", harness.passwords.operator());
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String adminName = "load-" + suffix + "@load.example";
            // Port 9 on loopback: nothing listens, so the connection is refused at once, as for a dead upstream.
            String baseUrl = unreachable ? "http://127.0.0.1:9/mimeeq"
                    : "http://127.0.0.1:" + harness.base.getPort() + "/sandbox";
            Client.Page created = operator.submit("/operator/tenants", "/operator/tenants",
                    Map.of("name", "Load " + suffix, "baseUrl", baseUrl, "adminUsername", adminName));
            String password = org.jsoup.Jsoup.parse(created.body()).select("code.one-time-password").text();
            if (created.status() != 201 || password.isBlank()) {
                throw new IllegalStateException("Could not create a tenant: " + created.status());
            }
            // The first admin's password is one-time: replaced at the first sign-in, before any other page.
            String own = "load-own-" + suffix + "-ledger";
            Client.Page changed = harness.signedIn(adminName, password).submit("/account/password",
                    "/account/password", Map.of("currentPassword", password, "newPassword", own, "confirmPassword", own));
            if (changed.status() != 302) {
                throw new IllegalStateException("Could not replace the one-time password: " + changed.status());
            }
            Client admin = harness.signedIn(adminName, own);
            admin.submit("/admin/api-key", "/admin/api-key", Map.of("apiKey", new SandboxAdmin(harness.base).key(account)));
            // No catalog to take a product from when the upstream is dead: any well-formed code will do.
            String code = unreachable ? "ZZZZZZ" : shortCode(admin);
            return new Tenant(harness, adminName, own, adminName, own, code);
        }

        Client admin() {
            return harness.signedIn(adminUser, adminPassword);
        }

        int auditedUpstreamCalls() {
            String lines = admin().get("/admin/audit/export?format=jsonl&range=24h").body();
            int count = 0;
            for (String line : lines.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject entry = Json.createReader(new StringReader(line)).readObject();
                if (entry.getString("event_type", "").startsWith("MIMEEQ_CALL") && !entry.isNull("http_status")) {
                    count++;
                }
            }
            return count;
        }

        String verify() {
            Matcher verified = VERIFIED.matcher(admin().get("/admin/audit/verify").body());
            return verified.find() ? "verified to #" + verified.group(1) : "NOT VERIFIED";
        }

        public static String shortCode(Client user) {
            org.jsoup.nodes.Element product = org.jsoup.Jsoup.parse(
                    user.get("/catalog?status=ACTIVE&mode=VARIANT&own=own").body()).selectFirst("table.products tbody tr");
            if (product == null) {
                throw new IllegalStateException("No product to generate a short code for");
            }
            String productId = product.attr("data-product-id");
            String configuration = org.jsoup.Jsoup.parse(user.get("/catalog/" + productId).body())
                    .select("input[name=configurationCode]").attr("value");
            Client.Page created = user.submit("/catalog/" + productId, "/short-codes",
                    Map.of("productId", productId, "configurationCode", configuration));
            if (created.status() != 302 || !created.location().contains("created=")) {
                throw new IllegalStateException("Could not generate a short code: " + created.status());
            }
            return created.location().replaceAll(".*created=", "");
        }
    }

    /** Users of one tenant looking up its short code again and again. */
    final class Group {
        final String name;
        final String account;
        final int users;
        final Tenant tenant;
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final Map<Integer, AtomicInteger> failuresByStatus = new ConcurrentHashMap<>();
        final Latencies latencies = new Latencies();

        Group(String name, String account, int users, Tenant tenant) {
            this.name = name;
            this.account = account;
            this.users = users;
            this.tenant = tenant;
        }

        void run(Client user, long until) {
            while (System.nanoTime() < until) {
                long t = System.nanoTime();
                int status;
                try {
                    status = user.get("/products/lookup?code=" + tenant.shortCode()).status();
                } catch (RuntimeException e) {
                    status = -1;
                }
                latencies.add(System.nanoTime() - t);
                pages.incrementAndGet();
                if (status != 200) {
                    failed.incrementAndGet();
                    failuresByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }
        }

        String failures() {
            return failuresByStatus.isEmpty() ? "" : "failed by status " + failuresByStatus;
        }
    }

    public Client signedIn(String username, String password) {
        Client client = new Client(base);
        Client.Page result = client.submit("/login", "/login", Map.of("username", username, "password", password));
        if (result.status() != 302) {
            throw new IllegalStateException("Sign-in of " + username + " failed: " + result.status());
        }
        return client;
    }

    /** A browser-like client: one cookie jar, keep-alive, no redirects followed, and no page kept. */
    public static final class Client {
        private final URI base;
        private final HttpClient http;

        public Client(URI base) {
            this.base = base;
            // HTTP/1.1 as browsers speak to Payara here; the h2c upgrade attempt of the default confused it once.
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new BrowserCookies())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        }

        public record Page(int status, String body, String location) {
        }

        public Page get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path.substring(1))).GET());
        }

        /** A form post with the fields as given (the caller supplies {@code _csrf}). */
        Page post(String action, Map<String, String> fields) {
            String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(base.resolve(action.substring(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        public Page submit(String formPage, String action, Map<String, String> fields) {
            String csrf = org.jsoup.Jsoup.parse(get(formPage).body()).select("input[name=_csrf]").attr("value");
            String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&", "", (fields.isEmpty() ? "" : "&") + "_csrf=" + encode(csrf)));
            return send(HttpRequest.newBuilder(base.resolve(action.substring(1)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private Page send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Page(response.statusCode(), response.body(),
                        response.headers().firstValue("Location").orElse(""));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** Page times in nanoseconds; percentiles over all of them. */
    static final class Latencies {
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong count = new AtomicLong();

        void add(long value) {
            nanos.add(value);
            count.incrementAndGet();
        }

        long percentileMillis(double p) {
            return percentileNanos(p) / 1_000_000;
        }

        long percentileNanos(double p) {
            List<Long> sorted;
            synchronized (nanos) {
                sorted = new ArrayList<>(nanos);
            }
            if (sorted.isEmpty()) {
                return 0;
            }
            Collections.sort(sorted);
            return sorted.get((int) Math.max(0, Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)));
        }

        int count() {
            return (int) count.get();
        }
    }

    /** One line of the table. */
    record Row(String scenario, String what, int pages, int failed, Latencies latencies, String notes, String audit) {
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n| scenario | what | pages | failed | p50 ms | p95 ms | max ms | notes | audit |%n|---|---|---|---|---|---|---|---|---|%n"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %s | %s |%n", row.scenario(), row.what(),
                    row.pages(), row.failed(), row.latencies().percentileMillis(0.5), row.latencies().percentileMillis(0.95),
                    row.latencies().percentileMillis(1.0), row.notes() == null ? "" : row.notes(),
                    row.audit() == null ? "" : row.audit()));
        }
        return out.toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set -D" + property + " (the password given to the portal's first start)");
        }
        return value;
    }

    private static Duration seconds(String property, int fallback) {
        return Duration.ofSeconds(Integer.getInteger(property, fallback));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
