package com.mimeeqportal.catalog;

import com.mimeeqportal.apikey.ApiKeyChanged;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.input.Page;
import com.mimeeqportal.mimeeq.MimeeqFailure;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.ProductId;
import com.mimeeqportal.mimeeq.ProductSummary;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.web.Times;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tenant's product list, fetched from Mimeeq (which has no paging) and kept per tenant for a
 * configured time; searching and paging happen here. A new key empties the tenant's cache.
 *
 * <p>One upstream call per cache miss: when the list is missing, the first request fetches it and every
 * concurrent request of the tenant waits (for a bounded time) for that same fetch, so a team opening the
 * catalog at once costs Mimeeq one call, not one each. When the list is older than the TTL, requests get
 * the old list at once while a single refresh runs in the background; if that refresh fails, the old list
 * stays and the page says it could not be refreshed.
 *
 * <p>The cache is per instance. A key change drops the tenant's list on every instance of a cluster (the
 * {@link ClusterBus} notice {@value #EVICT}); the refresh button drops only this instance's.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());
    /** Cluster notice: drop the cached list of the tenant whose id is the message. */
    public static final String EVICT = "catalog-evict";

    private final MimeeqGateway gateway;
    private final Duration ttl;
    private final Duration refreshWait;
    private final Clock clock;
    private final Map<TenantId, TenantCache> cache = new ConcurrentHashMap<>();
    private final ClusterBus bus;

    /** Runs background refreshes: the container's executor, whose threads carry the application's context. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor background;

    @Inject
    public Catalog(MimeeqGateway gateway, PortalConfig config, ClusterBus bus) {
        this(gateway, config.catalogCacheTtl(), config.catalogRefreshWait(), Clock.systemUTC(), null, bus);
    }

    Catalog(MimeeqGateway gateway, Duration ttl, Duration refreshWait, Clock clock, Executor background) {
        this(gateway, ttl, refreshWait, clock, background, new ClusterBus());
    }

    Catalog(MimeeqGateway gateway, Duration ttl, Duration refreshWait, Clock clock, Executor background,
            ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(EVICT, tenant -> cache.remove(new TenantId(tenant)));
        this.gateway = gateway;
        this.ttl = ttl;
        this.refreshWait = refreshWait;
        this.clock = clock;
        this.background = background;
    }

    protected Catalog() {
        this.gateway = null;
        this.ttl = Duration.ZERO;
        this.refreshWait = Duration.ZERO;
        this.clock = Clock.systemUTC();
        this.background = null;
        this.bus = null;
    }

    /** What the catalog page shows: a page of products and when the list was fetched, or why there is none. */
    public MimeeqResult<CatalogPage> page(Actor actor, CatalogQuery query) {
        return view(actor).map(view -> {
            Snapshot snapshot = view.snapshot();
            // The list was sorted every way when it was fetched; a request only filters (if asked) and cuts.
            List<ProductSummary> sorted = snapshot.sorted().get(query.sort());
            List<ProductSummary> matching = query.filtered() ? sorted.stream().filter(query::accepts).toList() : sorted;
            int from = Math.min(query.page().offset(), matching.size());
            int to = Math.min(from + query.page().size(), matching.size());
            Page<ProductSummary> page = new Page<>(matching.subList(from, to), query.page().number(),
                    query.page().size(), matching.size());
            return new CatalogPage(page, snapshot.fetchedAt(), snapshot.products().size(), snapshot.collections(),
                    snapshot.manufacturers(), view.refreshFailed());
        });
    }

    /** One product of the tenant's catalog; NOT_FOUND when the key cannot see it. */
    public MimeeqResult<ProductSummary> product(Actor actor, ProductId id) {
        MimeeqResult<View> view = view(actor);
        if (view instanceof MimeeqResult.Failed<View> failed) {
            return MimeeqResult.failed(failed.failure());
        }
        return ((MimeeqResult.Ok<View>) view).value().snapshot().products().stream()
                .filter(p -> p.productId().equals(id.value())).findFirst()
                .<MimeeqResult<ProductSummary>>map(MimeeqResult::ok)
                .orElseGet(() -> MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.NOT_FOUND)));
    }

    /** A product from the cache only (no call to Mimeeq), e.g. to name it in the short-code history. */
    public java.util.Optional<ProductSummary> cachedProduct(TenantId tenant, ProductId id) {
        TenantCache entry = cache.get(tenant);
        Snapshot snapshot = entry == null ? null : entry.snapshot();
        return snapshot == null ? java.util.Optional.empty()
                : snapshot.products().stream().filter(p -> p.productId().equals(id.value())).findFirst();
    }

    private MimeeqResult<View> view(Actor actor) {
        TenantCache entry = cache.computeIfAbsent(actor.tenant(), t -> new TenantCache());
        TenantCache.Decision decision = entry.decide(clock.instant(), ttl);
        return switch (decision) {
            case TenantCache.Decision.Fresh fresh -> MimeeqResult.ok(fresh.view());
            case TenantCache.Decision.Stale stale -> {
                if (stale.refreshHere()) {
                    startInBackground(actor, entry);
                }
                yield MimeeqResult.ok(stale.view());
            }
            case TenantCache.Decision.Missing missing -> {
                if (missing.fetchHere()) {
                    fetch(actor, entry);
                }
                yield awaitFetch(missing.flight());
            }
        };
    }

    private void startInBackground(Actor actor, TenantCache entry) {
        try {
            background.execute(() -> fetch(actor, entry));
        } catch (RuntimeException e) {
            // No thread to refresh on (the executor refused): keep the stale list, try again on a later request.
            LOG.log(Level.WARNING, "Catalog refresh for " + actor.tenant() + " could not be started", e);
            entry.finish(MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.BUSY)), null, true);
        }
    }

    /** The one call to Mimeeq for this miss or refresh; its outcome is handed to everyone waiting for it. */
    private void fetch(Actor actor, TenantCache entry) {
        MimeeqResult<List<ProductSummary>> fetched;
        try {
            fetched = gateway.products(actor);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Catalog fetch for " + actor.tenant() + " failed unexpectedly", e);
            fetched = MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.UNREACHABLE));
        }
        Snapshot fresh = fetched instanceof MimeeqResult.Ok<List<ProductSummary>> ok
                ? Snapshot.of(ok.value(), clock.instant()) : null;
        // A key change or the refresh button while the call was out dropped this entry: don't bring it back.
        entry.finish(fetched, fresh, cache.get(actor.tenant()) == entry);
    }

    private MimeeqResult<View> awaitFetch(CompletableFuture<MimeeqResult<View>> flight) {
        try {
            return flight.get(refreshWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.TIMEOUT));
        } catch (ExecutionException e) {
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.UNREACHABLE));
        }
    }

    private static List<String> distinct(List<ProductSummary> products, java.util.function.Function<ProductSummary, String> field) {
        return products.stream().map(field).filter(java.util.Objects::nonNull).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public void refresh(TenantId tenant) {
        cache.remove(tenant);
    }

    /** A new key: what the old one fetched is stale here and on every other instance. */
    void keyChanged(@Observes ApiKeyChanged event) {
        bus.publish(EVICT, event.tenant().value());
    }

    /**
     * A fetched list with what every page of it needs worked out once, when it arrives: the list in each
     * order the page offers, and the collections and manufacturers for the filters.
     */
    record Snapshot(List<ProductSummary> products, Instant fetchedAt, Map<String, List<ProductSummary>> sorted,
                    List<String> collections, List<String> manufacturers) {

        static Snapshot of(List<ProductSummary> products, Instant fetchedAt) {
            return new Snapshot(List.copyOf(products), fetchedAt, CatalogQuery.sortedEveryWay(products),
                    distinct(products, ProductSummary::collection), distinct(products, ProductSummary::manufacturer));
        }
    }

    /** A list to show, and whether the last attempt to refresh it failed. */
    record View(Snapshot snapshot, boolean refreshFailed) {
    }

    /**
     * One page of matching products, when the list was fetched, how many products there are in all, and
     * whether the list shown is an old one because refreshing it failed.
     */
    public record CatalogPage(Page<ProductSummary> products, Instant fetchedAt, int catalogSize,
                              List<String> collections, List<String> manufacturers, boolean refreshFailed) {
        public String fetchedAtText() {
            return Times.format(fetchedAt);
        }
    }
}
