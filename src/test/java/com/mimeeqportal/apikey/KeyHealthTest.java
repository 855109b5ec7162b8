package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 401s count against the key they were answered to, not against a key set while the call was under way. */
class KeyHealthTest {

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aCallMadeWithThePreviousKeyDoesNotCountAgainstTheNewOne() {
        TenantApiKey key = new TenantApiKey("ct-old", "fp-old", "aaaa", "admin", now);
        assertFalse(key.unauthorized("fp-old", 3, now));
        key.replace("ct-new", "fp-new", "bbbb", "admin", now);
        for (int i = 0; i < 5; i++) {
            assertFalse(key.unauthorized("fp-old", 3, now), "late answers to the old key");
        }
        assertEquals(0, key.unauthorizedInARow());
        assertFalse(key.invalidated());

        key.unauthorized("fp-new", 3, now);
        key.unauthorized("fp-new", 3, now);
        key.authorized("fp-old");
        assertEquals(2, key.unauthorizedInARow(), "nor does a late success of the old key reset the new one's count");
        assertTrue(key.unauthorized("fp-new", 3, now), "the third 401 of the new key invalidates it");
        assertTrue(key.invalidated());
    }
}
