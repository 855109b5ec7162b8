package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sandbox's rate limits: Mimeeq's documented default for everyone (10,000 per second, burst 5,000, which no test
 * reaches) and, per account, the limit a test sets in its fault settings, counted over the last second.
 */
@ApplicationScoped
public class RateLimits {

    static final int DEFAULT_RATE_PER_SECOND = 10_000;
    static final int DEFAULT_BURST = 5_000;
    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final LongSupplier nanoTime;
    private final TokenBucket global;
    private final Map<String, Deque<Long>> recentCalls = new ConcurrentHashMap<>();

    public RateLimits() {
        this(System::nanoTime);
    }

    RateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.global = new TokenBucket(DEFAULT_RATE_PER_SECOND, DEFAULT_BURST, nanoTime.getAsLong());
    }

    public boolean globalAllows() {
        return global.tryTake(nanoTime.getAsLong());
    }

    /** Whether the account may make one more call now, under {@code limit} calls per second; counts it if so. */
    public boolean accountAllows(String accountId, int limit) {
        Deque<Long> calls = recentCalls.computeIfAbsent(accountId, id -> new ArrayDeque<>());
        long now = nanoTime.getAsLong();
        synchronized (calls) {
            while (!calls.isEmpty() && now - calls.peekFirst() >= WINDOW_NANOS) {
                calls.removeFirst();
            }
            if (calls.size() >= limit) {
                return false;
            }
            calls.addLast(now);
            return true;
        }
    }

    /** Forgets the account's recent calls, so a new limit starts afresh. */
    public void reset(String accountId) {
        recentCalls.remove(accountId);
    }
}
