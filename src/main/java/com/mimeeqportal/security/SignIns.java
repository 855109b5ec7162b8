package com.mimeeqportal.security;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks a sign-in with brute-force protection. Wrong passwords of existing users are counted per
 * (account, client address) in {@link SignInLocks}: a pair that is locked is refused before any password
 * hash is computed, so a guesser cannot make the server do PBKDF2 work for it, and the refusal is held back
 * for about as long as a real check takes, so a fast answer does not tell that the username exists. The
 * owner at another address is not locked. Unknown usernames are counted nowhere and cost the same hash work
 * as known ones (the decoy hash). The per-client and global rate limits ({@link SignInThrottle}) come
 * before all of this, in {@link LoginServlet}.
 */
@ApplicationScoped
public class SignIns {

    private final Users users;
    private final Tenants tenants;
    private final SignInLocks locks;
    /** A moving average of how long a password check takes here, to pad refusals of locked accounts. */
    private volatile long typicalCheckNanos = 200_000_000L;

    @Inject
    public SignIns(Users users, Tenants tenants, SignInLocks locks) {
        this.users = users;
        this.tenants = tenants;
        this.locks = locks;
    }

    protected SignIns() {
        this(null, null, null);
    }

    /** @param client the address the attempt comes from: locks are per account and address */
    public SignInOutcome attempt(Username username, char[] password, String client) {
        Optional<User> found = users.findForSignIn(username);
        if (found.isPresent() && locks.lockedUntil(found.get().id(), client).isPresent()) {
            LockSupport.parkNanos(typicalCheckNanos);
            return SignInOutcome.refused(SignInOutcome.Result.ACCOUNT_LOCKED, found.get());
        }
        if (!timedPasswordCheck(found, password)) {
            return found.map(user -> SignInOutcome.wrongPassword(user, locks.fail(user.id(), client)))
                    .orElseGet(SignInOutcome::unknownUser);
        }
        User user = found.orElseThrow();
        if (!user.enabled()) {
            return SignInOutcome.refused(SignInOutcome.Result.ACCOUNT_DISABLED, user);
        }
        if (!tenantActive(user)) {
            return SignInOutcome.refused(SignInOutcome.Result.TENANT_SUSPENDED, user);
        }
        locks.succeeded(user.id(), client);
        return SignInOutcome.signedIn(user);
    }

    private boolean timedPasswordCheck(Optional<User> user, char[] password) {
        long start = System.nanoTime();
        boolean matches = users.passwordMatches(user, password);
        long took = System.nanoTime() - start;
        typicalCheckNanos = (typicalCheckNanos * 7 + took) / 8;
        return matches;
    }

    private boolean tenantActive(User user) {
        return user.tenantId().isSystem() || tenants.find(user.tenantId()).map(Tenant::active).orElse(false);
    }
}
