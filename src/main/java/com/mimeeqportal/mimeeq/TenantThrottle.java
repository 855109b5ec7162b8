package com.mimeeqportal.mimeeq;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.PortalConfig;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Per-tenant limits on calls to Mimeeq, so that one tenant's dead upstream or flood never slows another:
 * <ul>
 * <li>after a 429 the tenant waits out {@code Retry-After} without calling again (other tenants go on);</li>
 * <li>a bulkhead per tenant caps its calls in flight; a call over the cap waits briefly in a bounded queue
 *     (a few seconds, a few dozen callers) before it answers "busy", because a sales team clicking at once
 *     should be served a moment later, not refused;</li>
 * <li>a circuit breaker per tenant stops calling a base URL that keeps failing.</li>
 * </ul>
 * Breakers and bulkheads come from Resilience4j registries keyed by tenant id, rather than from Fault
 * Tolerance's annotations, which give one breaker and one bulkhead per Java method for all tenants. The
 * breaker counts a call once, after the client's retries: a page that failed is one failure.
 *
 * <p>In a cluster the wait after a 429 is the tenant's on every instance (Mimeeq limits the account, not the
 * instance that called): it is announced as the {@link ClusterBus} notice {@value #RATE_LIMITED}. Bulkheads and
 * breakers stay per instance: a bulkhead guards this instance's request threads, and a breaker reacts to what this
 * instance sees, without a grid round trip on every call (docs/clustering.md).
 */
@ApplicationScoped
public class TenantThrottle {

    private final Clock clock;
    private final int maxWaiting;
    private final int perTenant;
    private final BulkheadRegistry bulkheads;
    private final CircuitBreakerRegistry breakers;
    private final Map<TenantId, Instant> waitUntil = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicInteger> admitted = new ConcurrentHashMap<>();
    private final ClusterBus bus;
    /** Cluster notice: "{@code <tenant id> <epoch millis>}", the tenant waits until then after a 429. */
    public static final String RATE_LIMITED = "mimeeq-rate-limited";

    @Inject
    public TenantThrottle(PortalConfig config, ClusterBus bus) {
        this(new Limits(config.mimeeqConcurrentCallsPerTenant(), config.mimeeqQueueWait(), config.mimeeqQueueMaxWaiting(),
                config.mimeeqBreakerWindow(), config.mimeeqBreakerMinimumCalls(), config.mimeeqBreakerFailurePercent(),
                config.mimeeqBreakerOpen(), config.mimeeqBreakerTrialCalls()), Clock.systemUTC(), bus);
    }

    public TenantThrottle(Limits limits, Clock clock) {
        this(limits, clock, new ClusterBus());
    }

    public TenantThrottle(Limits limits, Clock clock, ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(RATE_LIMITED, this::waitAnnounced);
        this.clock = clock;
        this.perTenant = limits.concurrentCalls();
        this.maxWaiting = limits.maxWaiting();
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(limits.concurrentCalls())
                .maxWaitDuration(limits.queueWait())
                .fairCallHandlingStrategyEnabled(true)
                .build());
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(limits.breakerWindow())
                .minimumNumberOfCalls(limits.breakerMinimumCalls())
                .failureRateThreshold(limits.breakerFailurePercent())
                .waitDurationInOpenState(limits.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(limits.breakerTrialCalls())
                // Only "Mimeeq gave no usable answer" counts; a 4xx is an answer and counts as a success.
                .recordExceptions(MimeeqTransportException.class)
                .build());
    }

    protected TenantThrottle() {
        this(new Limits(1, Duration.ZERO, 0, 10, 5, 60, Duration.ofSeconds(10), 2), Clock.systemUTC());
    }

    /** How long the tenant must still wait after a 429, if at all. */
    public Optional<Duration> waiting(TenantId tenant) {
        Instant until = waitUntil.get(tenant);
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), until);
        if (left.isNegative() || left.isZero()) {
            waitUntil.remove(tenant, until);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    /** Mimeeq answered 429 for the tenant: it waits {@code retryAfter} here and on every other instance. */
    public void rateLimited(TenantId tenant, Duration retryAfter) {
        bus.publish(RATE_LIMITED, tenant.value() + " " + clock.instant().plus(retryAfter).toEpochMilli());
    }

    private void waitAnnounced(String notice) {
        String[] parts = notice.split(" ");
        waitUntil.merge(new TenantId(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Runs one call for the tenant inside its bulkhead and circuit breaker.
     *
     * @throws Busy when the tenant's queue is full or the wait for a slot ran out
     * @throws CallNotPermittedException when the tenant's breaker is open
     */
    public <T> T call(TenantId tenant, Supplier<T> call) {
        AtomicInteger inside = admitted.computeIfAbsent(tenant, t -> new AtomicInteger());
        // The bulkhead bounds the wait in time; this bounds how many may wait, so a flood can't pile up threads.
        if (inside.incrementAndGet() > perTenant + maxWaiting) {
            inside.decrementAndGet();
            throw new Busy();
        }
        try {
            Bulkhead bulkhead = bulkheads.bulkhead(tenant.toString());
            CircuitBreaker breaker = breakers.circuitBreaker(tenant.toString());
            return Bulkhead.decorateSupplier(bulkhead, CircuitBreaker.decorateSupplier(breaker, call)).get();
        } catch (BulkheadFullException e) {
            throw new Busy();
        } finally {
            inside.decrementAndGet();
        }
    }

    /** The state of the tenant's breaker, for tests and diagnostics. */
    public CircuitBreaker.State breakerState(TenantId tenant) {
        return breakers.circuitBreaker(tenant.toString()).getState();
    }

    /** The tenant already has its share of calls in flight and its queue is full, or the wait ran out. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("The tenant's calls to Mimeeq are all in use", null, false, false);
        }
    }

    /** The numbers behind the limits; see docs/configuration.md for each. */
    public record Limits(int concurrentCalls, Duration queueWait, int maxWaiting, int breakerWindow,
                         int breakerMinimumCalls, int breakerFailurePercent, Duration breakerOpen, int breakerTrialCalls) {
        public Limits {
            if (concurrentCalls < 1 || maxWaiting < 0 || breakerWindow < 1 || breakerMinimumCalls < 1
                    || breakerFailurePercent < 1 || breakerFailurePercent > 100 || breakerTrialCalls < 1) {
                throw new IllegalArgumentException("Invalid Mimeeq call limits: " + concurrentCalls + " calls, " + maxWaiting
                        + " waiting, breaker window " + breakerWindow + ", minimum " + breakerMinimumCalls + ", "
                        + breakerFailurePercent + "%, " + breakerTrialCalls + " trial calls");
            }
        }
    }
}
