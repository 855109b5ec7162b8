package com.mimeeqportal.apikey;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.RecentReads;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What a call to Mimeeq needs of a tenant's key row, remembered for {@link #REMEMBERED}: reading the row cost a
 * tenth of the lookup page's CPU, as Hibernate translates a query of a tenant-bound entity again on every run.
 * Only the row is kept (the ciphertext, never the opened key), and it is forgotten whenever it changes: by
 * {@link ApiKeys} on this instance and, through the cluster notice {@link ApiKeys#KEY_ROW_CHANGED}, on the others;
 * all of it when the keyset changes. Should a notice be lost, the remembered time bounds how long another
 * instance works from an old row, and a ciphertext that no longer opens is read again at once.
 */
final class KeyRows extends RecentReads<TenantId, Optional<KeyRows.Row>> {

    static final Duration REMEMBERED = Duration.ofSeconds(5);

    /** The row's fields a call reads. */
    record Row(String ciphertext, String fingerprint, boolean invalidated, int unauthorizedInARow) {
        static Row of(TenantApiKey key) {
            return new Row(key.ciphertext(), key.fingerprint(), key.invalidated(), key.unauthorizedInARow());
        }
    }

    KeyRows(Clock clock) {
        super(clock, REMEMBERED);
    }
}
