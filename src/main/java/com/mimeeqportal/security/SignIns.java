package com.mimeeqportal.security;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.system.PortalConfig;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.LockoutPolicy;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks a sign-in with brute-force protection. A locked account is refused before any password hash
 * is computed, so a guesser cannot make the server do PBKDF2 work for it; the refusal is then held back
 * for about as long as a real check takes, so a fast answer does not tell that the username exists.
 * Wrong passwords of existing users are counted in the database; unknown usernames are counted nowhere
 * and cost the same hash work as known ones (the decoy hash).
 */
@ApplicationScoped
public class SignIns {

    private final Users users;
    private final Tenants tenants;
    private final LockoutPolicy policy;
    private final Clock clock;
    /** A moving average of how long a password check takes here, to pad refusals of locked accounts. */
    private volatile long typicalCheckNanos = 200_000_000L;

    @Inject
    public SignIns(Users users, Tenants tenants, PortalConfig config) {
        this(users, tenants, new LockoutPolicy(config.loginLockoutBase()), Clock.systemUTC());
    }

    public SignIns(Users users, Tenants tenants, LockoutPolicy policy, Clock clock) {
        this.users = users;
        this.tenants = tenants;
        this.policy = policy;
        this.clock = clock;
    }

    protected SignIns() {
        this(null, null, LockoutPolicy.DEFAULT, Clock.systemUTC());
    }

    public SignInOutcome attempt(Username username, char[] password) {
        Optional<User> found = users.findForSignIn(username);
        Instant now = clock.instant();
        if (found.isPresent() && found.get().lockedAt(now)) {
            LockSupport.parkNanos(typicalCheckNanos);
            return SignInOutcome.refused(SignInOutcome.Result.ACCOUNT_LOCKED, found.get());
        }
        if (!timedPasswordCheck(found, password)) {
            return found.map(user -> SignInOutcome.wrongPassword(user, countFailure(user, now)))
                    .orElseGet(SignInOutcome::unknownUser);
        }
        User user = found.orElseThrow();
        if (!user.enabled()) {
            return SignInOutcome.refused(SignInOutcome.Result.ACCOUNT_DISABLED, user);
        }
        if (!tenantActive(user)) {
            return SignInOutcome.refused(SignInOutcome.Result.TENANT_SUSPENDED, user);
        }
        if (user.hasFailedSignIns()) {
            users.change(user.tenantId(), user.id(), u -> {
                u.signedIn();
                return u;
            });
        }
        return SignInOutcome.signedIn(user);
    }

    private boolean timedPasswordCheck(Optional<User> user, char[] password) {
        long start = System.nanoTime();
        boolean matches = users.passwordMatches(user, password);
        long took = System.nanoTime() - start;
        typicalCheckNanos = (typicalCheckNanos * 7 + took) / 8;
        return matches;
    }

    /**
     * Counts the failure on the locked row; returns the end of the lock if this failure caused one. A
     * concurrent attempt may have locked the account meanwhile: then this one is not counted again.
     */
    private Optional<Instant> countFailure(User user, Instant now) {
        return users.change(user.tenantId(), user.id(),
                u -> u.lockedAt(now) ? Optional.<Instant>empty() : u.failSignIn(now, policy)).flatMap(o -> o);
    }

    private boolean tenantActive(User user) {
        return user.tenantId().isSystem() || tenants.find(user.tenantId()).map(Tenant::active).orElse(false);
    }
}
