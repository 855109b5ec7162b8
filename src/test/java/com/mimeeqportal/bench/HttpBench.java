package com.mimeeqportal.bench;

import com.mimeeqportal.it.LoadHarness;
import com.mimeeqportal.it.SandboxAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Timings over HTTP against a running demo portal: a page that makes exactly one Mimeeq call against that same
 * call made directly to the sandbox, and the cached catalog under several clients.
 */
final class HttpBench {

    static final String ACCOUNT = "demo-furniture";
    static final String SALES = "sales@demo.example";
    /** A signed-in page that calls no one: the password form. */
    static final String SIMPLE_PAGE = "/account/password";

    private final URI base;
    private final LoadHarness harness;

    HttpBench(URI base) {
        this.base = base;
        this.harness = new LoadHarness(base, PortalRun.PASSWORDS);
    }

    /** The three timings of {@link #lookupAgainstDirect}, and pages that were not 200 or not what was asked. */
    record LookupTimes(Samples page, Samples direct, Samples simple, int failures, String shortCode) {
    }

    /**
     * First {@code jitWarmup} rounds with the sandbox answering at once, untimed: code that runs once per request
     * is compiled by C2 only after some ten thousand requests, and at 20 ms a round that takes minutes. Then, with
     * the sandbox answering the demo account after {@code latencyMs}: {@code warmup} then {@code rounds} rounds,
     * one client, each round timing {@code /products/lookup?code=…} as the demo sales user, the same
     * {@code get-product-info} call made directly to the sandbox with the demo key, and a page without a Mimeeq
     * call. The first two alternate which goes first, so neither always follows the other.
     */
    LookupTimes lookupAgainstDirect(int latencyMs, int jitWarmup, int warmup, int rounds) {
        SandboxAdmin sandbox = new SandboxAdmin(base);
        LoadHarness.Client sales = harness.signedIn(SALES, PortalRun.PASSWORDS.sales());
        String code = LoadHarness.Tenant.shortCode(sales);
        String key = sandbox.key(ACCOUNT);
        // The parameters the portal's gateway sends for a lookup (MimeeqGateway.productInfo): shortCode, quantity 1.
        HttpRequest direct = HttpRequest.newBuilder(sandbox.api().resolve("get-product-info?shortCode=" + code
                        + "&quantity=1")).header("X-API-KEY", key).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        Samples page = new Samples();
        Samples straight = new Samples();
        Samples simple = new Samples();
        int failures = 0;
        for (int round = 0; round < jitWarmup; round++) {
            failures += round(round, sales, code, upstream, direct, null, null, null);
        }
        sandbox.faults(ACCOUNT, "{\"latencyMs\":" + latencyMs + "}");
        try {
            for (int round = 0; round < warmup + rounds; round++) {
                boolean measured = round >= warmup;
                failures += round(round, sales, code, upstream, direct, measured ? page : null,
                        measured ? straight : null, measured ? simple : null);
            }
        } finally {
            sandbox.clearFaults(ACCOUNT);
        }
        return new LookupTimes(page, straight, simple, failures, code);
    }

    /** One round of {@link #lookupAgainstDirect}, timed into the samples given (untimed where they are null). */
    private static int round(int round, LoadHarness.Client sales, String code, HttpClient upstream, HttpRequest direct,
                             Samples page, Samples straight, Samples simple) {
        int failures = 0;
        for (int turn = 0; turn < 2; turn++) {
            if ((round + turn) % 2 == 0) {
                failures += timed(page, () -> ok(sales.get("/products/lookup?code=" + code), code));
            } else {
                failures += timed(straight, () -> send(upstream, direct));
            }
        }
        return failures + timed(simple, () -> ok(sales.get(SIMPLE_PAGE), "newPassword"));
    }

    /** What {@link #cachedCatalog} saw: pages per second and their times, and pages that failed. */
    record CatalogLoad(double pagesPerSecond, Samples times, int pages, int failures) {
    }

    /**
     * After one warm call, {@code clients} signed-in sessions of the demo sales user fetch catalog pages (page 1
     * and a few others, in turn) for {@code warmup}, unrecorded, then for {@code duration}, each as fast as its
     * answers come. Without the warm-up, whichever variant ran first served a third fewer pages: the benchmark's
     * own JVM was still compiling its client on the same two cores.
     */
    CatalogLoad cachedCatalog(int clients, Duration warmup, Duration duration) {
        List<LoadHarness.Client> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(harness.signedIn(SALES, PortalRun.PASSWORDS.sales()));
        }
        for (LoadHarness.Client session : sessions) {
            if (ok(session.get("/catalog"), "data-product-id") != 0) {
                throw new IllegalStateException("The catalog did not answer with products before the load");
            }
        }
        load(sessions, warmup, null);
        Samples times = new Samples();
        long started = System.nanoTime();
        Fetched fetched = load(sessions, duration, times);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new CatalogLoad((fetched.pages() - fetched.failed()) / seconds, times, fetched.pages(),
                fetched.failed());
    }

    /** Pages fetched in a load, and how many of them were not the expected 200. */
    private record Fetched(int pages, int failed) {
    }

    /** Every session fetches catalog pages in turn for {@code duration}. */
    private static Fetched load(List<LoadHarness.Client> sessions, Duration duration, Samples times) {
        List<String> pages = List.of("/catalog", "/catalog?page=2", "/catalog?page=5", "/catalog?page=9",
                "/catalog?page=1&sort=code");
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long until = System.nanoTime() + duration.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < sessions.size(); c++) {
                LoadHarness.Client session = sessions.get(c);
                int first = c;
                threads.submit(() -> {
                    for (int n = first; System.nanoTime() < until; n++) {
                        String path = pages.get(n % pages.size());
                        failed.addAndGet(timed(times, () -> ok(session.get(path), "data-product-id")));
                        done.incrementAndGet();
                    }
                });
            }
        }
        return new Fetched(done.get(), failed.get());
    }

    /** 0 when the page is a 200 holding {@code expected}, else 1. */
    private static int ok(LoadHarness.Client.Page page, String expected) {
        return page.status() == 200 && page.body().contains(expected) ? 0 : 1;
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Times {@code call} into {@code samples} (none: not recorded) and returns its failure count. */
    private static int timed(Samples samples, java.util.function.IntSupplier call) {
        long started = System.nanoTime();
        int failures;
        try {
            failures = call.getAsInt();
        } catch (RuntimeException e) {
            failures = 1;
        }
        if (samples != null) {
            samples.add(System.nanoTime() - started);
        }
        return failures;
    }
}
