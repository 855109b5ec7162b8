package com.mimeeqportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.ApiKeyChanged;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.mimeeq.MimeeqFailure;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductSummary;
import com.mimeeqportal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Caching per tenant, search and paging over the list Mimeeq returns in one piece. */
class CatalogTest {

    /** Stands in for Mimeeq: answers each tenant with its own products and counts the calls. */
    private static final class CountingGateway extends MimeeqGateway {
        final List<TenantId> calls = new CopyOnWriteArrayList<>();
        volatile MimeeqFailure failure;
        volatile CountDownLatch gate;

        @Override
        public MimeeqResult<List<ProductSummary>> products(Actor actor) {
            calls.add(actor.tenant());
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                return MimeeqResult.failed(failure);
            }
            return MimeeqResult.ok(IntStream.rangeClosed(1, 60)
                    .mapToObj(i -> product(actor.tenant().value().substring(0, 4) + "-" + i, "Chair " + i))
                    .toList());
        }
    }

    private final CountingGateway gateway = new CountingGateway();
    private final MutableClock clock = new MutableClock();
    /** Keeps background refreshes until the test runs them, so it can look at the page while one is pending. */
    private final List<Runnable> background = new CopyOnWriteArrayList<>();
    private final Catalog catalog = new Catalog(gateway, Duration.ofMinutes(5), Duration.ofSeconds(5), clock, background::add);
    private final Actor alice = actor(TenantId.random());
    private final Actor bob = actor(TenantId.random());

    @Test
    void pagesAndSearchesTheCachedList() {
        var first = ok(catalog.page(alice, CatalogQuery.all()));
        assertEquals(60, first.catalogSize());
        assertEquals(CatalogQuery.PAGE_SIZE, first.products().items().size());
        assertEquals(3, first.products().pages());
        var third = ok(catalog.page(alice, query(Map.of("page", "3"))));
        assertEquals(10, third.products().items().size());
        var search = ok(catalog.page(alice, query(Map.of("q", "CHAIR 1"))));
        assertEquals(11, search.products().total(), "Chair 1 and Chair 10..19");
        assertEquals(1, gateway.calls.size(), "one call to Mimeeq serves every page and search");
    }

    @Test
    void eachTenantHasItsOwnCacheEntry() {
        var forAlice = ok(catalog.page(alice, CatalogQuery.all()));
        var forBob = ok(catalog.page(bob, CatalogQuery.all()));
        assertEquals(List.of(alice.tenant(), bob.tenant()), gateway.calls);
        assertTrue(forBob.products().items().stream()
                .noneMatch(p -> forAlice.products().items().stream().anyMatch(a -> a.productId().equals(p.productId()))));
    }

    @Test
    void expiresAfterItsTimeAndOnAKeyChangeOrRefresh() {
        catalog.page(alice, CatalogQuery.all());
        clock.advance(Duration.ofMinutes(4));
        catalog.page(alice, CatalogQuery.all());
        assertEquals(1, gateway.calls.size());
        clock.advance(Duration.ofMinutes(2));
        catalog.page(alice, CatalogQuery.all());
        runBackground();
        assertEquals(2, gateway.calls.size());
        catalog.keyChanged(new ApiKeyChanged(alice.tenant()));
        catalog.page(alice, CatalogQuery.all());
        catalog.refresh(alice.tenant());
        catalog.page(alice, CatalogQuery.all());
        assertEquals(4, gateway.calls.size());
    }

    @Test
    void failuresAreReportedAndNeverCached() {
        gateway.failure = MimeeqFailure.of(MimeeqFailure.Kind.INVALID_KEY);
        var result = catalog.page(alice, CatalogQuery.all());
        assertEquals(MimeeqFailure.Kind.INVALID_KEY, assertInstanceOf(MimeeqResult.Failed.class, result).failure().kind());
        gateway.failure = null;
        ok(catalog.page(alice, CatalogQuery.all()));
        assertEquals(2, gateway.calls.size());
    }

    @Test
    void concurrentMissesOfOneTenantMakeOneCall() throws Exception {
        gateway.gate = new CountDownLatch(1);
        List<Future<MimeeqResult<Catalog.CatalogPage>>> pages = new ArrayList<>();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                pages.add(users.submit(() -> catalog.page(alice, CatalogQuery.all())));
            }
            Thread.sleep(200);
            gateway.gate.countDown();
            for (var page : pages) {
                assertEquals(60, ok(page.get(5, TimeUnit.SECONDS)).catalogSize());
            }
        }
        assertEquals(1, gateway.calls.size(), "eight requests, one call to Mimeeq");
    }

    @Test
    void theWaitForAnotherRequestsFetchIsBounded() throws Exception {
        Catalog impatient = new Catalog(gateway, Duration.ofMinutes(5), Duration.ofMillis(100), clock, background::add);
        gateway.gate = new CountDownLatch(1);
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = users.submit(() -> impatient.page(alice, CatalogQuery.all()));
            Thread.sleep(50);
            var second = impatient.page(alice, CatalogQuery.all());
            assertEquals(MimeeqFailure.Kind.TIMEOUT, assertInstanceOf(MimeeqResult.Failed.class, second).failure().kind());
            gateway.gate.countDown();
            first.get(5, TimeUnit.SECONDS);
        }
        assertEquals(1, gateway.calls.size());
    }

    @Test
    void afterTheTtlTheOldListIsServedWhileOneRefreshRuns() {
        Instant fetched = ok(catalog.page(alice, CatalogQuery.all())).fetchedAt();
        clock.advance(Duration.ofMinutes(6));
        for (int i = 0; i < 3; i++) {
            var stale = ok(catalog.page(alice, CatalogQuery.all()));
            assertEquals(fetched, stale.fetchedAt(), "the old list, at once");
            assertFalse(stale.refreshFailed());
        }
        assertEquals(1, background.size(), "one refresh for three requests");
        runBackground();
        assertEquals(2, gateway.calls.size());
        assertEquals(clock.instant(), ok(catalog.page(alice, CatalogQuery.all())).fetchedAt());
    }

    @Test
    void aFailedRefreshKeepsTheOldListAndSaysSo() {
        Instant fetched = ok(catalog.page(alice, CatalogQuery.all())).fetchedAt();
        clock.advance(Duration.ofMinutes(6));
        gateway.failure = MimeeqFailure.of(MimeeqFailure.Kind.UNREACHABLE);
        catalog.page(alice, CatalogQuery.all());
        runBackground();
        var stale = ok(catalog.page(alice, CatalogQuery.all()));
        assertEquals(fetched, stale.fetchedAt());
        assertTrue(stale.refreshFailed(), "the page says the list is old");
        assertEquals(60, stale.catalogSize());

        gateway.failure = null;
        runBackground();
        var fresh = ok(catalog.page(alice, CatalogQuery.all()));
        assertFalse(fresh.refreshFailed());
        assertEquals(clock.instant(), fresh.fetchedAt());
    }

    @Test
    void aFetchThatEndsAfterAKeyChangeIsNotKept() {
        catalog.page(alice, CatalogQuery.all());
        clock.advance(Duration.ofMinutes(6));
        catalog.page(alice, CatalogQuery.all());
        catalog.keyChanged(new ApiKeyChanged(alice.tenant()));
        runBackground();
        catalog.page(alice, CatalogQuery.all());
        assertEquals(3, gateway.calls.size(), "the list fetched with the old key was dropped");
    }

    private void runBackground() {
        List<Runnable> tasks = List.copyOf(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    private static CatalogQuery query(Map<String, String> parameters) {
        return CatalogQuery.from(parameters::get);
    }

    private static Catalog.CatalogPage ok(MimeeqResult<Catalog.CatalogPage> result) {
        return assertInstanceOf(MimeeqResult.Ok.class, result).value() instanceof Catalog.CatalogPage page ? page : null;
    }

    private static ProductSummary product(String code, String name) {
        return new ProductSummary("PROD-" + code, code, Map.of("en", name), "ACTIVE", "VARIANT", "3D", true,
                null, null, null, null, null);
    }

    private static Actor actor(TenantId tenant) {
        return new Actor(new SignedInUser("u", new Username("sales@example.com"), tenant, "T", Role.SALES),
                "127.0.0.1", "corr");
    }

}
