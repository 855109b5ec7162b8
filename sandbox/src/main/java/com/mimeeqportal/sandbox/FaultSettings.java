package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the sandbox misbehaves towards one account, for tests and demos of the portal's error handling.
 *
 * @param latencyMs          added to every API call of the account
 * @param failNext           statuses to answer the next calls with, one each, in order
 * @param malformedNext      how many calls after those get 200 with a truncated JSON body
 * @param rateLimitPerSecond more calls than this within one second get 429; empty: only the global limit applies
 * @param retryAfterSeconds  the {@code Retry-After} such a 429 carries
 */
record FaultSettings(int latencyMs, List<Integer> failNext, int malformedNext, OptionalInt rateLimitPerSecond,
                     int retryAfterSeconds) {

    static final int MAX_LATENCY_MS = 60_000;
    static final int DEFAULT_RETRY_AFTER_SECONDS = 1;
    static final FaultSettings NONE = new FaultSettings(0, List.of(), 0, OptionalInt.empty(),
            DEFAULT_RETRY_AFTER_SECONDS);

    FaultSettings {
        require(latencyMs >= 0 && latencyMs <= MAX_LATENCY_MS, "latencyMs must be from 0 to " + MAX_LATENCY_MS);
        failNext = List.copyOf(failNext);
        require(failNext.stream().allMatch(status -> status >= 400 && status <= 599),
                "failNext holds HTTP error statuses from 400 to 599");
        require(malformedNext >= 0, "malformedNext must not be negative");
        Objects.requireNonNull(rateLimitPerSecond, "rateLimitPerSecond");
        require(rateLimitPerSecond.orElse(1) >= 1, "rateLimitPerSecond must be at least 1");
        require(retryAfterSeconds >= 0, "retryAfterSeconds must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
