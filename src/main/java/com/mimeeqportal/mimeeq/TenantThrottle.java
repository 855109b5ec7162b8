package com.mimeeqportal.mimeeq;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-tenant limits on calls to Mimeeq, which Fault Tolerance's per-method annotations cannot express:
 * after a 429 the tenant waits out {@code Retry-After} without calling again (other tenants go on), and
 * no tenant may hold more than a few request threads waiting on Mimeeq at once.
 */
@ApplicationScoped
public class TenantThrottle {

    private final int perTenant;
    private final Clock clock;
    private final Map<TenantId, Instant> waitUntil = new ConcurrentHashMap<>();
    private final Map<TenantId, Semaphore> inFlight = new ConcurrentHashMap<>();

    @Inject
    public TenantThrottle(PortalConfig config) {
        this(config.mimeeqConcurrentCallsPerTenant(), Clock.systemUTC());
    }

    public TenantThrottle(int perTenant, Clock clock) {
        this.perTenant = perTenant;
        this.clock = clock;
    }

    protected TenantThrottle() {
        this(1, Clock.systemUTC());
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

    public void rateLimited(TenantId tenant, Duration retryAfter) {
        waitUntil.merge(tenant, clock.instant().plus(retryAfter), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** A slot for one call, or empty when the tenant already has its share of calls in flight. */
    public Optional<Slot> enter(TenantId tenant) {
        Semaphore slots = inFlight.computeIfAbsent(tenant, t -> new Semaphore(perTenant));
        return slots.tryAcquire() ? Optional.of(slots::release) : Optional.empty();
    }

    /** Released when the call is over. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
