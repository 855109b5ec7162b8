package com.mimeeqportal.user;

import java.time.Duration;
import java.util.Objects;

/**
 * When repeated failed sign-ins lock an account, and for how long: after {@link #THRESHOLD} consecutive
 * failures the account is locked for the base time, doubled for every earlier lockout since the last
 * successful sign-in (1, 2, 4, 8 … minutes with the default base), never longer than {@link #CAP}.
 * A guesser gets a few tries an hour; the owner is never locked out for long.
 */
public record LockoutPolicy(Duration base) {

    public static final int THRESHOLD = 5;
    public static final Duration CAP = Duration.ofMinutes(60);
    public static final LockoutPolicy DEFAULT = new LockoutPolicy(Duration.ofSeconds(60));

    public LockoutPolicy {
        Objects.requireNonNull(base, "base");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("The lockout base must be positive");
        }
    }

    public static LockoutPolicy ofSeconds(long baseSeconds) {
        return new LockoutPolicy(Duration.ofSeconds(baseSeconds));
    }

    /** Whether this many consecutive failures lock the account. */
    public boolean locksAfter(int consecutiveFailures) {
        return consecutiveFailures >= THRESHOLD;
    }

    /** How long the next lockout lasts, given how many came before it since the last success. */
    public Duration lockFor(int earlierLockouts) {
        Duration lock = base;
        // Stop doubling once past the cap, so a long series of lockouts cannot overflow.
        for (int i = 0; i < earlierLockouts && lock.compareTo(CAP) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(CAP) > 0 ? CAP : lock;
    }
}
