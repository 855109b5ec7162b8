package com.mimeeqportal.security;

import com.mimeeqportal.user.User;
import java.time.Instant;
import java.util.Optional;

/**
 * What a sign-in attempt came to, for the audit log. The person signing in only ever learns whether it
 * worked: every kind of failure shows the same message.
 *
 * @param user        the account the username named, if any
 * @param lockedUntil set when this very attempt locked the account
 */
public record SignInOutcome(Result result, Optional<User> user, Optional<Instant> lockedUntil) {

    public enum Result { SIGNED_IN, INVALID_CREDENTIALS, ACCOUNT_LOCKED, ACCOUNT_DISABLED, TENANT_SUSPENDED, BUSY }

    static SignInOutcome signedIn(User user) {
        return new SignInOutcome(Result.SIGNED_IN, Optional.of(user), Optional.empty());
    }

    static SignInOutcome refused(Result result, User user) {
        return new SignInOutcome(result, Optional.of(user), Optional.empty());
    }

    /** A failure whose reason the identity store did not leave behind. */
    static SignInOutcome invalid(Optional<User> user) {
        return new SignInOutcome(Result.INVALID_CREDENTIALS, user, Optional.empty());
    }

    /** A repeated guess refused unhashed because too many were waiting their turn ({@link RepeatGuessPacing}). */
    static SignInOutcome busy(Optional<User> user) {
        return new SignInOutcome(Result.BUSY, user, Optional.empty());
    }

    static SignInOutcome unknownUser() {
        return new SignInOutcome(Result.INVALID_CREDENTIALS, Optional.empty(), Optional.empty());
    }

    static SignInOutcome wrongPassword(User user, Optional<Instant> lockedUntil) {
        return new SignInOutcome(Result.INVALID_CREDENTIALS, Optional.of(user), lockedUntil);
    }

    public boolean success() {
        return result == Result.SIGNED_IN;
    }

    /** Whether this attempt is the one that locked the account. */
    public boolean lockedNow() {
        return lockedUntil.isPresent();
    }
}
