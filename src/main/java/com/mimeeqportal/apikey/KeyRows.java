package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a call to Mimeeq needs of a tenant's key row, remembered for {@link #REMEMBERED}: reading the row cost a
 * tenth of the lookup page's CPU, as Hibernate translates a query of a tenant-bound entity again on every run.
 * Only the row is kept (the ciphertext, never the opened key), and it is forgotten whenever it changes: by
 * {@link ApiKeys} on this instance and, through the cluster notice {@link ApiKeys#KEY_ROW_CHANGED}, on the others;
 * all of it when the keyset changes. Should a notice be lost, the remembered time bounds how long another
 * instance works from an old row, and a ciphertext that no longer opens is read again at once.
 */
final class KeyRows {

    static final Duration REMEMBERED = Duration.ofSeconds(5);

    /** The row's fields a call reads. */
    record Row(String ciphertext, String fingerprint, boolean invalidated, int unauthorizedInARow) {
        static Row of(TenantApiKey key) {
            return new Row(key.ciphertext(), key.fingerprint(), key.invalidated(), key.unauthorizedInARow());
        }
    }

    private record Remembered(Optional<Row> row, Instant until) {
    }

    private final Map<TenantId, Remembered> rows = new ConcurrentHashMap<>();
    /** Counts the forgettings: a row read before one of them is not remembered after it. */
    private final AtomicLong forgotten = new AtomicLong();
    private final Clock clock;

    KeyRows(Clock clock) {
        this.clock = clock;
    }

    /** The remembered row (or its absence), else what {@code read} finds, remembered from now on. */
    Optional<Row> get(TenantId tenant, Supplier<Optional<Row>> read) {
        Instant now = clock.instant();
        Remembered remembered = rows.get(tenant);
        if (remembered != null && now.isBefore(remembered.until())) {
            return remembered.row();
        }
        long before = forgotten.get();
        Optional<Row> row = read.get();
        Remembered fresh = new Remembered(row, now.plus(REMEMBERED));
        // A change forgotten while this read ran may have come after it: then the row is used once, not kept.
        rows.compute(tenant, (key, current) -> forgotten.get() == before ? fresh : current);
        return row;
    }

    void forget(TenantId tenant) {
        forgotten.incrementAndGet();
        rows.remove(tenant);
    }

    void forgetAll() {
        forgotten.incrementAndGet();
        rows.clear();
    }
}
