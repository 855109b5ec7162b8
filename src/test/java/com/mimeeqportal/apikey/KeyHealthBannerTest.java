package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The banner reads the key's health once per tenant and a few seconds, and forgets it when the key changes. */
class KeyHealthBannerTest {

    private final TenantId tenant = TenantId.random();
    private final Keys keys = new Keys();
    private final MutableClock clock = new MutableClock();
    private final KeyHealthBanner banner = new KeyHealthBanner(keys, new ClusterBus(), clock);

    @Test
    void readsOnceThenRemembersForAFewSeconds() {
        assertFalse(banner.invalid(tenant));
        keys.invalidatedAt = Instant.now();
        assertFalse(banner.invalid(tenant), "remembered");
        assertEquals(1, keys.reads);

        clock.advance(KeyHealthBanner.REMEMBERED.plusMillis(1));
        assertTrue(banner.invalid(tenant), "read again once the time is up");
        assertEquals(2, keys.reads);
    }

    @Test
    void aChangedKeyIsReadAgainAtOnce() {
        assertFalse(banner.invalid(tenant));
        keys.invalidatedAt = Instant.now();

        banner.keyChanged(new ApiKeyChanged(tenant));

        assertTrue(banner.invalid(tenant));
    }

    @Test
    void tenantsAreRememberedApart() {
        TenantId other = TenantId.random();
        keys.invalidatedAt = Instant.now();
        assertTrue(banner.invalid(tenant));
        keys.invalidatedAt = null;
        assertFalse(banner.invalid(other));
        assertTrue(banner.invalid(tenant));
    }

    private static final class Keys extends ApiKeys {
        Instant invalidatedAt;
        int reads;

        @Override
        public Optional<ApiKeyStatus> status(TenantId tenant) {
            reads++;
            return Optional.of(new ApiKeyStatus("fp", "abcd", "admin", Instant.EPOCH, null, null, null, invalidatedAt));
        }
    }

}
