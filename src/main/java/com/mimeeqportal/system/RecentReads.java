package com.mimeeqportal.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What was read from the database for a key, remembered for a short time: for reads on every Mimeeq call of rows
 * that seldom change. The owner forgets a key whenever its row changes; the time bounds how long another instance,
 * whose change notice may be lost, is worked from an old row.
 *
 * @param <K> what the rows are read by (a tenant)
 * @param <V> what is kept of them (never a secret in the clear)
 */
public class RecentReads<K, V> {

    private record Remembered<V>(V value, Instant until) {
    }

    private final Map<K, Remembered<V>> values = new ConcurrentHashMap<>();
    /** Counts the forgettings: a value read before one of them is not remembered after it. */
    private final AtomicLong forgotten = new AtomicLong();
    private final Clock clock;
    private final Duration remembered;

    public RecentReads(Clock clock, Duration remembered) {
        this.clock = Objects.requireNonNull(clock);
        this.remembered = Objects.requireNonNull(remembered);
    }

    /** The remembered value, else what {@code read} finds, remembered from now on. */
    public V get(K key, Supplier<V> read) {
        Instant now = clock.instant();
        Remembered<V> known = values.get(key);
        if (known != null && now.isBefore(known.until())) {
            return known.value();
        }
        long before = forgotten.get();
        V value = read.get();
        Remembered<V> fresh = new Remembered<>(value, now.plus(remembered));
        // A change forgotten while this read ran may have come after it: then the value is used once, not kept.
        values.compute(key, (k, current) -> forgotten.get() == before ? fresh : current);
        return value;
    }

    public void forget(K key) {
        forgotten.incrementAndGet();
        values.remove(key);
    }

    public void forgetAll() {
        forgotten.incrementAndGet();
        values.clear();
    }
}
