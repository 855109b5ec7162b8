package com.mimeeqportal.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.LinkedBuses;
import com.mimeeqportal.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lockout per (account, client address): a guesser locks out only their own address. */
class SignInLocksTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final String USER = "user-1";
    private static final String GUESSER = "203.0.113.9";
    private static final String OWNER = "198.51.100.7";

    private final MutableClock clock = new MutableClock(NOW);
    private final SignInLocks locks = new SignInLocks(LockoutPolicy.DEFAULT, clock, 1_000);

    @Test
    void theFifthFailureLocksThatAddressOnlyAndTheOwnerElsewhereIsNotLocked() {
        for (int i = 1; i < 5; i++) {
            assertEquals(Optional.empty(), locks.fail(USER, GUESSER), "failure " + i);
        }
        assertEquals(Optional.of(NOW.plusSeconds(60)), locks.fail(USER, GUESSER));
        assertTrue(locks.lockedUntil(USER, GUESSER).isPresent());
        assertEquals(Optional.empty(), locks.lockedUntil(USER, OWNER), "the owner's address is not locked");
        assertEquals(Optional.of(NOW.plusSeconds(60)), locks.lockedUntilAnywhere(USER), "the admin's list shows it");
    }

    @Test
    void aFloodOfFailuresWhileLockedIsNotCountedAndTheNextLockDoubles() {
        lockOut(GUESSER);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(Optional.empty(), locks.fail(USER, GUESSER));
        }
        clock.set(NOW.plusSeconds(61));
        assertEquals(Optional.empty(), locks.lockedUntil(USER, GUESSER), "the lock passed");
        assertEquals(Optional.of(clock.instant().plusSeconds(120)), lockOut(GUESSER), "the second lockout lasts twice as long");
    }

    @Test
    void inAClusterALockAndAnUnlockReachEveryInstance() {
        List<ClusterBus> cluster = LinkedBuses.of(2);
        SignInLocks a = new SignInLocks(LockoutPolicy.DEFAULT, clock, 1_000, cluster.get(0));
        SignInLocks b = new SignInLocks(LockoutPolicy.DEFAULT, clock, 1_000, cluster.get(1));
        for (int i = 1; i < 5; i++) {
            a.fail(USER, GUESSER);
        }
        Optional<Instant> locked = a.fail(USER, GUESSER);
        assertTrue(locked.isPresent());
        assertEquals(locked, b.lockedUntil(USER, GUESSER), "locked on the other instance too");
        assertEquals(Optional.empty(), b.fail(USER, GUESSER), "a failure there while locked counts nothing");
        assertEquals(1, b.forgive(List.of(USER)), "the admin's unlock through the other instance");
        assertEquals(Optional.empty(), a.lockedUntil(USER, GUESSER), "unlocked on the first one too");
    }

    @Test
    void successForgivesThatAddressAndAnUnlockForgivesEveryAddress() {
        lockOut(GUESSER);
        lockOut(OWNER);
        locks.succeeded(USER, OWNER);
        assertEquals(Optional.empty(), locks.lockedUntil(USER, OWNER));
        assertTrue(locks.lockedUntil(USER, GUESSER).isPresent(), "another address's lock stays");
        assertEquals(1, locks.forgive(List.of(USER)), "one address was locked");
        assertEquals(Optional.empty(), locks.lockedUntilAnywhere(USER));
    }

    @Test
    void theMapStaysBoundedUnderAFloodOfAddressesAndKeepsLocksLongest() {
        SignInLocks small = new SignInLocks(LockoutPolicy.DEFAULT, clock, 10);
        for (int i = 0; i < 5; i++) {
            small.fail(USER, OWNER);
        }
        for (int i = 0; i < 1_000; i++) {
            small.fail(USER, "10.0.0." + i);
        }
        assertEquals(10, small.size());
        assertTrue(small.lockedUntil(USER, OWNER).isPresent(), "a locked pair is evicted last");
    }

    @Test
    void checksUnderWayCountTowardTheLockAndASettledOneMakesRoom() {
        List<SignInLocks.Check> started = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            locks.begin(USER, GUESSER).ifPresent(started::add);
        }
        assertEquals(5, started.size(), "five checks at once would lock the pair if they all failed");
        assertTrue(locks.begin(USER, OWNER).isPresent(), "the owner's address is not held up");
        started.getFirst().close();
        started.getFirst().close();
        assertTrue(locks.begin(USER, GUESSER).isPresent(), "a settled check makes room for one more, once");
        assertTrue(locks.begin(USER, GUESSER).isEmpty());
        started.stream().skip(1).forEach(check -> {
            check.failed();
            check.close();
        });
        assertEquals(Optional.empty(), locks.lockedUntil(USER, GUESSER), "four failures do not lock");
    }

    @Test
    void fiveFailedChecksLockThePairAndNothingMoreIsLetIn() {
        for (int i = 0; i < 5; i++) {
            try (SignInLocks.Check check = locks.begin(USER, GUESSER).orElseThrow()) {
                check.failed();
            }
        }
        assertTrue(locks.lockedUntil(USER, GUESSER).isPresent());
        assertTrue(locks.begin(USER, GUESSER).isEmpty());
        clock.set(NOW.plusSeconds(61));
        assertTrue(locks.begin(USER, GUESSER).isPresent(), "the lock passed");
    }

    private Optional<Instant> lockOut(String client) {
        Optional<Instant> lock = Optional.empty();
        for (int i = 0; i < 5; i++) {
            lock = locks.fail(USER, client);
        }
        return lock;
    }

}
