package com.mimeeqportal.sandbox;

/**
 * A token bucket: calls take a token, tokens come back at a steady rate up to the burst size. Mimeeq documents its
 * default limit in these terms (10,000 requests per second, burst 5,000), those of AWS API Gateway's throttling.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final double burst;
    private double tokens;
    private long lastRefill;

    TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastRefill) / NANOS_PER_SECOND * ratePerSecond);
        lastRefill = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
