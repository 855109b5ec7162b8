package com.mimeeqportal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.Username;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void locksAfterFiveConsecutiveFailures() {
        assertFalse(LockoutPolicy.DEFAULT.locksAfter(4));
        assertTrue(LockoutPolicy.DEFAULT.locksAfter(5));
    }

    @Test
    void eachLockoutDoublesTheNextUpToAnHour() {
        LockoutPolicy policy = LockoutPolicy.DEFAULT;
        assertEquals(Duration.ofMinutes(1), policy.lockFor(0));
        assertEquals(Duration.ofMinutes(2), policy.lockFor(1));
        assertEquals(Duration.ofMinutes(4), policy.lockFor(2));
        assertEquals(Duration.ofMinutes(8), policy.lockFor(3));
        assertEquals(Duration.ofMinutes(32), policy.lockFor(5));
        assertEquals(Duration.ofMinutes(60), policy.lockFor(6));
        assertEquals(Duration.ofMinutes(60), policy.lockFor(Integer.MAX_VALUE));
    }

    @Test
    void theBaseIsConfigurableAndMustBePositive() {
        assertEquals(Duration.ofSeconds(12), LockoutPolicy.ofSeconds(3).lockFor(2));
        assertThrows(IllegalArgumentException.class, () -> LockoutPolicy.ofSeconds(0));
    }

    @Test
    void disablingAndResettingEndSessionsButAChangeOnlyWhenAsked() {
        User user = user();
        user.disable();
        assertEquals(1, user.sessionEpoch());
        user.resetPassword("hash");
        assertEquals(2, user.sessionEpoch());
        assertTrue(user.mustChangePassword());
        user.changePassword("hash2", false);
        assertEquals(2, user.sessionEpoch());
        assertFalse(user.mustChangePassword());
        user.changePassword("hash3", true);
        assertEquals(3, user.sessionEpoch());
    }

    private static User user() {
        return new User(new Username("someone@example.com"), "hash", Role.SALES, NOW);
    }
}
