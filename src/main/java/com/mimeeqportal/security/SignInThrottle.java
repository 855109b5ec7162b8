package com.mimeeqportal.security;

import com.mimeeqportal.system.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in rate limits, taken before any password is hashed: each client address, and all clients together,
 * may start a limited number of sign-ins per minute (token buckets refilled evenly over the minute). A
 * sign-in that succeeds gives its token back, so the limits bite on failures only: an office full of
 * people signing in at nine is never refused, while a flood of guesses from one address is answered 429
 * at the cost of a map lookup, not of 600,000 PBKDF2 iterations. The global bucket bounds the hashing a
 * flood from many addresses can cause.
 *
 * <p>In memory, per instance; at most {@link #MAX_CLIENTS} addresses are tracked. A full bucket is the
 * same as no bucket, so those are dropped first; when every tracked address is still throttled, new ones
 * share one overflow bucket.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int MAX_CLIENTS = 50_000;
    static final String OVERFLOW = "(overflow)";

    /** A sign-in may go ahead ({@code allowed}), or must wait {@code retryAfter}. */
    public record Permit(boolean allowed, Duration retryAfter, String client) {
    }

    private static final class Bucket {
        double tokens;
        Instant refilled;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.refilled = now;
        }
    }

    private final int perClient;
    private final int global;
    private final Clock clock;
    private final int maxClients;
    private final Map<String, Bucket> clients = new HashMap<>();
    private final Bucket all;

    @Inject
    public SignInThrottle(PortalConfig config) {
        this(config.loginRatePerClientPerMinute(), config.loginRateGlobalPerMinute(), Clock.systemUTC(), MAX_CLIENTS);
    }

    public SignInThrottle(int perClientPerMinute, int globalPerMinute, Clock clock, int maxClients) {
        if (perClientPerMinute < 1 || globalPerMinute < 1 || maxClients < 1) {
            throw new IllegalArgumentException("Sign-in limits must be positive");
        }
        this.perClient = perClientPerMinute;
        this.global = globalPerMinute;
        this.clock = Objects.requireNonNull(clock);
        this.maxClients = maxClients;
        this.all = new Bucket(globalPerMinute, clock.instant());
    }

    protected SignInThrottle() {
        this(1, 1, Clock.systemUTC(), 1);
    }

    /** Takes one attempt for {@code client} and one from the global budget, or says how long to wait. */
    public synchronized Permit acquire(String client) {
        Instant now = clock.instant();
        String key = tracked(client, now);
        Bucket own = clients.computeIfAbsent(key, k -> new Bucket(perClient, now));
        refill(own, perClient, now);
        refill(all, global, now);
        if (own.tokens < 1) {
            return new Permit(false, wait(own, perClient), key);
        }
        if (all.tokens < 1) {
            return new Permit(false, wait(all, global), key);
        }
        own.tokens--;
        all.tokens--;
        return new Permit(true, Duration.ZERO, key);
    }

    /** A sign-in that succeeded: its attempt doesn't count. */
    public synchronized void giveBack(Permit permit) {
        if (!permit.allowed()) {
            return;
        }
        Optional.ofNullable(clients.get(permit.client())).ifPresent(b -> b.tokens = Math.min(perClient, b.tokens + 1));
        all.tokens = Math.min(global, all.tokens + 1);
    }

    synchronized int trackedClients() {
        return clients.size();
    }

    private String tracked(String client, Instant now) {
        if (clients.containsKey(client) || clients.size() < maxClients) {
            return client;
        }
        clients.entrySet().removeIf(e -> {
            refill(e.getValue(), perClient, now);
            return e.getValue().tokens >= perClient;
        });
        return clients.size() < maxClients ? client : OVERFLOW;
    }

    private static void refill(Bucket bucket, int perMinute, Instant now) {
        long nanos = Duration.between(bucket.refilled, now).toNanos();
        if (nanos > 0) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + nanos * perMinute / 60e9);
            bucket.refilled = now;
        }
    }

    /** Whole seconds until the bucket holds one token again (at least one, for Retry-After). */
    private static Duration wait(Bucket bucket, int perMinute) {
        double seconds = (1 - bucket.tokens) * 60.0 / perMinute;
        return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)));
    }
}
