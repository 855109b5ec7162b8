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
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.web.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant's product list, fetched from Mimeeq (which has no paging) and kept per tenant for a
 * configured time; searching and paging happen here. A new key empties the tenant's cache.
 */
@ApplicationScoped
public class Catalog {

    private final MimeeqGateway gateway;
    private final Duration ttl;
    private final Clock clock;
    private final Map<TenantId, Snapshot> cache = new ConcurrentHashMap<>();

    @Inject
    public Catalog(MimeeqGateway gateway, PortalConfig config) {
        this(gateway, config.catalogCacheTtl(), Clock.systemUTC());
    }

    Catalog(MimeeqGateway gateway, Duration ttl, Clock clock) {
        this.gateway = gateway;
        this.ttl = ttl;
        this.clock = clock;
    }

    protected Catalog() {
        this(null, Duration.ZERO, Clock.systemUTC());
    }

    /** What the catalog page shows: a page of products and when the list was fetched, or why there is none. */
    public MimeeqResult<CatalogPage> page(Actor actor, CatalogQuery query) {
        return snapshot(actor).map(snapshot -> {
            List<ProductSummary> matching = snapshot.products().stream().filter(query::accepts)
                    .sorted(query.comparator()).toList();
            int from = Math.min(query.page().offset(), matching.size());
            int to = Math.min(from + query.page().size(), matching.size());
            Page<ProductSummary> page = new Page<>(matching.subList(from, to), query.page().number(),
                    query.page().size(), matching.size());
            return new CatalogPage(page, snapshot.fetchedAt(), snapshot.products().size(),
                    distinct(snapshot, ProductSummary::collection), distinct(snapshot, ProductSummary::manufacturer));
        });
    }

    /** One product of the tenant's catalog; NOT_FOUND when the key cannot see it. */
    public MimeeqResult<ProductSummary> product(Actor actor, ProductId id) {
        MimeeqResult<Snapshot> snapshot = snapshot(actor);
        if (snapshot instanceof MimeeqResult.Failed<Snapshot> failed) {
            return MimeeqResult.failed(failed.failure());
        }
        return ((MimeeqResult.Ok<Snapshot>) snapshot).value().products().stream()
                .filter(p -> p.productId().equals(id.value())).findFirst()
                .<MimeeqResult<ProductSummary>>map(MimeeqResult::ok)
                .orElseGet(() -> MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.NOT_FOUND)));
    }

    /** A product from the cache only (no call to Mimeeq), e.g. to name it in the short-code history. */
    public java.util.Optional<ProductSummary> cachedProduct(TenantId tenant, ProductId id) {
        Snapshot snapshot = cache.get(tenant);
        return snapshot == null ? java.util.Optional.empty()
                : snapshot.products().stream().filter(p -> p.productId().equals(id.value())).findFirst();
    }

    private MimeeqResult<Snapshot> snapshot(Actor actor) {
        Snapshot snapshot = cache.get(actor.tenant());
        if (snapshot != null && !snapshot.fetchedAt().plus(ttl).isBefore(clock.instant())) {
            return MimeeqResult.ok(snapshot);
        }
        MimeeqResult<List<ProductSummary>> fetched = gateway.products(actor);
        if (fetched instanceof MimeeqResult.Failed<List<ProductSummary>> failed) {
            return MimeeqResult.failed(failed.failure());
        }
        Snapshot fresh = new Snapshot(((MimeeqResult.Ok<List<ProductSummary>>) fetched).value(), clock.instant());
        cache.put(actor.tenant(), fresh);
        return MimeeqResult.ok(fresh);
    }

    private static List<String> distinct(Snapshot snapshot, java.util.function.Function<ProductSummary, String> field) {
        return snapshot.products().stream().map(field).filter(java.util.Objects::nonNull).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    public void refresh(TenantId tenant) {
        cache.remove(tenant);
    }

    void keyChanged(@Observes ApiKeyChanged event) {
        cache.remove(event.tenant());
    }

    private record Snapshot(List<ProductSummary> products, Instant fetchedAt) {
    }

    /** One page of matching products, when the list was fetched, and how many products there are in all. */
    public record CatalogPage(Page<ProductSummary> products, Instant fetchedAt, int catalogSize,
                              List<String> collections, List<String> manufacturers) {
        public String fetchedAtText() {
            return Times.format(fetchedAt);
        }
    }
}
