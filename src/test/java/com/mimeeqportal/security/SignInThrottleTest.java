package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Sign-in rate limits: per client, global, successes free, memory bounded. */
class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(10, 30, clock, 100);

    @Test
    void oneClientGetsItsShareAndThen429WithRetryAfterWhileOthersGoOn() {
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.acquire("203.0.113.9").allowed(), "attempt " + i);
        }
        SignInThrottle.Permit refused = throttle.acquire("203.0.113.9");
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(6), refused.retryAfter(), "10 a minute: one every 6 seconds");
        assertTrue(throttle.acquire("198.51.100.7").allowed(), "another address is not affected");
        clock.advance(Duration.ofSeconds(6));
        assertTrue(throttle.acquire("203.0.113.9").allowed(), "the bucket refills over the minute");
    }

    @Test
    void theGlobalLimitCapsAllClientsTogether() {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += throttle.acquire("10.0.0." + i).allowed() ? 1 : 0;
        }
        assertEquals(30, allowed);
    }

    @Test
    void successfulSignInsGiveTheirAttemptBack() {
        for (int i = 0; i < 1_000; i++) {
            SignInThrottle.Permit permit = throttle.acquire("192.0.2.1");
            assertTrue(permit.allowed(), "sign-in " + i);
            throttle.giveBack(permit);
        }
    }

    @Test
    void aFloodOfAddressesKeepsTheMapBounded() {
        for (int i = 0; i < 10_000; i++) {
            throttle.acquire("10.0." + (i / 256) + "." + (i % 256));
            clock.advance(Duration.ofMillis(10));
        }
        assertTrue(throttle.trackedClients() <= 101, "tracked " + throttle.trackedClients());
    }

}
