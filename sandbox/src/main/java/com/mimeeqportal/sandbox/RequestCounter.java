package com.mimeeqportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API calls that reached the sandbox for each account (once its key was recognised, whatever the answer),
 * so the portal's tests can prove a cache saved a call or a retry made one.
 */
@ApplicationScoped
public class RequestCounter {

    /** The counts of one account; every endpoint is listed, uncalled ones with 0. */
    record Counts(long total, Map<ApiEndpoint, Long> byEndpoint) {
        Counts {
            byEndpoint = Map.copyOf(byEndpoint);
        }
    }

    private final Map<String, Map<ApiEndpoint, LongAdder>> counts = new ConcurrentHashMap<>();

    public void count(String accountId, ApiEndpoint endpoint) {
        counts.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(endpoint, e -> new LongAdder())
                .increment();
    }

    public Counts counts(String accountId) {
        Map<ApiEndpoint, LongAdder> ofAccount = counts.getOrDefault(accountId, Map.of());
        Map<ApiEndpoint, Long> byEndpoint = new EnumMap<>(ApiEndpoint.class);
        for (ApiEndpoint endpoint : ApiEndpoint.values()) {
            LongAdder adder = ofAccount.get(endpoint);
            byEndpoint.put(endpoint, adder == null ? 0 : adder.sum());
        }
        return new Counts(byEndpoint.values().stream().mapToLong(Long::longValue).sum(), byEndpoint);
    }

    public void reset(String accountId) {
        counts.remove(accountId);
    }
}
