package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.LinkedBuses;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TenantThrottleTest {

    static TenantThrottle.Limits limits(int concurrent, Duration wait, int maxWaiting) {
        return new TenantThrottle.Limits(concurrent, wait, maxWaiting, 10, 5, 60, Duration.ofSeconds(30), 2);
    }

    @Test
    void aRateLimitedTenantWaitsWhileOthersGoOn() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        TenantThrottle throttle = new TenantThrottle(limits(4, Duration.ZERO, 0), Clock.fixed(now, ZoneOffset.UTC));
        TenantId limited = TenantId.random();
        throttle.rateLimited(limited, Duration.ofSeconds(2));
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waiting(limited));
        assertTrue(throttle.waiting(TenantId.random()).isEmpty());
    }

    @Test
    void aCallOverTheCapWaitsForAFreeSlotInsteadOfFailing() throws Exception {
        TenantThrottle throttle = new TenantThrottle(limits(1, Duration.ofSeconds(5), 4), Clock.systemUTC());
        TenantId tenant = TenantId.random();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = threads.submit(() -> throttle.call(tenant, () -> {
                holding.countDown();
                await(release);
                return "first";
            }));
            holding.await();
            Future<String> second = threads.submit(() -> throttle.call(tenant, () -> "second"));
            Thread.sleep(100);
            assertTrue(!second.isDone(), "the second call waits while the only slot is taken");
            release.countDown();
            assertEquals("first", first.get(5, TimeUnit.SECONDS));
            assertEquals("second", second.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theQueueIsBoundedInLengthAndInTime() throws Exception {
        TenantThrottle throttle = new TenantThrottle(limits(1, Duration.ofMillis(300), 1), Clock.systemUTC());
        TenantId tenant = TenantId.random();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            threads.submit(() -> throttle.call(tenant, () -> {
                holding.countDown();
                await(release);
                return "held";
            }));
            holding.await();
            Future<String> waiting = threads.submit(() -> throttle.call(tenant, () -> "late"));
            Thread.sleep(50);
            long started = System.nanoTime();
            assertThrows(TenantThrottle.Busy.class, () -> throttle.call(tenant, () -> "third"),
                    "one waiting caller is the bound, the next is busy at once");
            assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(200), "without waiting");
            var failure = assertThrows(java.util.concurrent.ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof TenantThrottle.Busy, "the wait ran out: " + failure.getCause());
            assertEquals("other", throttle.call(TenantId.random(), () -> "other"), "another tenant is served");
            release.countDown();
        }
    }

    @Test
    void oneTenantsFailuresOpenOnlyItsOwnBreaker() {
        TenantThrottle throttle = new TenantThrottle(limits(4, Duration.ZERO, 0), Clock.systemUTC());
        TenantId dead = TenantId.random();
        TenantId healthy = TenantId.random();
        for (int i = 0; i < 5; i++) {
            assertThrows(MimeeqTransportException.class, () -> throttle.call(dead, () -> {
                throw new MimeeqTransportException(MimeeqTransportException.Kind.UNREACHABLE, Duration.ZERO);
            }));
        }
        assertEquals(CircuitBreaker.State.OPEN, throttle.breakerState(dead));
        assertThrows(CallNotPermittedException.class, () -> throttle.call(dead, () -> "not called"));
        assertEquals("served", throttle.call(healthy, () -> "served"));
        assertEquals(CircuitBreaker.State.CLOSED, throttle.breakerState(healthy));
    }

    @Test
    void answersThatAreNotTransportFailuresDoNotOpenTheBreaker() {
        TenantThrottle throttle = new TenantThrottle(limits(4, Duration.ZERO, 0), Clock.systemUTC());
        TenantId tenant = TenantId.random();
        for (int i = 0; i < 10; i++) {
            assertThrows(IllegalStateException.class, () -> throttle.call(tenant, () -> {
                throw new IllegalStateException("a bug, not Mimeeq being down");
            }));
        }
        assertEquals(CircuitBreaker.State.CLOSED, throttle.breakerState(tenant));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void inAClusterTheWaitAfterA429IsTheTenantsOnEveryInstance() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        List<ClusterBus> cluster = LinkedBuses.of(2);
        TenantThrottle a = new TenantThrottle(limits(4, Duration.ZERO, 0), Clock.fixed(now, ZoneOffset.UTC), cluster.get(0));
        TenantThrottle b = new TenantThrottle(limits(4, Duration.ZERO, 0), Clock.fixed(now, ZoneOffset.UTC), cluster.get(1));
        TenantId tenant = TenantId.random();
        a.rateLimited(tenant, Duration.ofSeconds(7));
        assertEquals(Optional.of(Duration.ofSeconds(7)), b.waiting(tenant));
        assertEquals(Optional.empty(), b.waiting(TenantId.random()), "other tenants carry on");
    }
}
