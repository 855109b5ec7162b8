package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A chain position written outside the database. {@link Kind#HEAD}: the chain was verified up to
 * {@code seq}, whose hash was {@code hash}; a chain that later ends before it was truncated.
 * {@link Kind#ANCHOR}: a retention purge removed every entry up to {@code seq}, so the chain may
 * legitimately start after it.
 */
public record Checkpoint(TenantId tenant, Kind kind, long seq, String hash, Instant at) {

    public enum Kind { HEAD, ANCHOR }

    public Checkpoint {
        Objects.requireNonNull(tenant);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(at);
        if (seq < 1) {
            throw new IllegalArgumentException("A checkpoint names an entry: seq >= 1");
        }
        if (hash.isEmpty() || hash.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("A hash is one word");
        }
    }
}
