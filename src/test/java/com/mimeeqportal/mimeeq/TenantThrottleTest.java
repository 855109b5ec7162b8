package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantThrottleTest {

    @Test
    void aRateLimitedTenantWaitsWhileOthersGoOn() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        TenantThrottle throttle = new TenantThrottle(4, Clock.fixed(now, ZoneOffset.UTC));
        TenantId limited = TenantId.random();
        throttle.rateLimited(limited, Duration.ofSeconds(2));
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waiting(limited));
        assertTrue(throttle.waiting(TenantId.random()).isEmpty());
        TenantThrottle later = new TenantThrottle(4, Clock.fixed(now.plusSeconds(3), ZoneOffset.UTC));
        assertTrue(later.waiting(limited).isEmpty());
    }

    @Test
    void aTenantHoldsAtMostItsShareOfCallsInFlight() {
        TenantThrottle throttle = new TenantThrottle(2, Clock.systemUTC());
        TenantId busy = TenantId.random();
        var first = throttle.enter(busy).orElseThrow();
        throttle.enter(busy).orElseThrow();
        assertTrue(throttle.enter(busy).isEmpty(), "the third concurrent call is refused");
        assertTrue(throttle.enter(TenantId.random()).isPresent(), "another tenant is served");
        first.close();
        assertTrue(throttle.enter(busy).isPresent(), "a finished call frees its slot");
    }
}
