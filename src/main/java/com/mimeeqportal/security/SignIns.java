package com.mimeeqportal.security;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.InitialUsers;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.time.Instant;

/**
 * Checks a sign-in with brute-force protection. Wrong passwords are counted per (account, client address)
 * in {@link SignInLocks}: a locked pair is refused at once, before any password hash is computed, so a
 * guesser can make the server do PBKDF2 work only five times per lock. The owner at another address is
 * not locked. Unknown usernames cost the same hash work as known ones (the decoy hash) and are counted and
 * locked the same way, under the name typed, so neither the time nor the kind of refusal tells whether a
 * username exists. Checks under way count toward the lock from before their hash ({@link SignInLocks#begin}),
 * so guesses sent all at once get no more hashes than guesses sent one by one, and repeated guesses take
 * turns at a pace ({@link RepeatGuessPacing}) so that their hashes can't crowd out other pages. The refusal of a locked pair
 * is not delayed: holding a request thread for as long as a hash takes would hand a flood the server's
 * threads. The per-client and global rate limits
 * ({@link SignInThrottle}) come before all of this, in {@link LoginServlet}.
 */
@ApplicationScoped
public class SignIns {

    /** Where unknown usernames are counted in {@link SignInLocks}, beside users' ids (UUIDs). */
    private static final String UNKNOWN = "unknown:";

    private final Users users;
    private final Tenants tenants;
    private final SignInLocks locks;
    private final RepeatGuessPacing pacing;
    private final InitialUsers initialUsers;

    @Inject
    public SignIns(Users users, Tenants tenants, SignInLocks locks, RepeatGuessPacing pacing,
                   InitialUsers initialUsers) {
        this.users = users;
        this.initialUsers = initialUsers;
        this.tenants = tenants;
        this.locks = locks;
        this.pacing = pacing;
    }

    protected SignIns() {
        this(null, null, null, null, null);
    }

    /** @param client the address the attempt comes from: locks are per account and address */
    public SignInOutcome attempt(Username username, char[] password, String client) {
        // The users announced at start-up are created after it: a sign-in straight after the banner waits for them.
        initialUsers.awaitCreation(username);
        Optional<User> found = users.findForSignIn(username);
        String counted = found.map(User::id).orElse(UNKNOWN + username.value());
        Optional<SignInLocks.Check> check = locks.begin(counted, client);
        if (check.isEmpty()) {
            return found.map(user -> SignInOutcome.refused(SignInOutcome.Result.ACCOUNT_LOCKED, user))
                    .orElseGet(SignInOutcome::unknownUser);
        }
        try (SignInLocks.Check started = check.get()) {
            Optional<Boolean> matches = started.repeated()
                    ? pacing.check(() -> users.passwordMatches(found, password))
                    : Optional.of(users.passwordMatches(found, password));
            if (matches.isEmpty()) {
                return SignInOutcome.busy(found);
            }
            if (!matches.get()) {
                Optional<Instant> lockedNow = started.failed();
                return found.map(user -> SignInOutcome.wrongPassword(user, lockedNow))
                        .orElseGet(SignInOutcome::unknownUser);
            }
            User user = found.orElseThrow();
            if (!user.enabled()) {
                return SignInOutcome.refused(SignInOutcome.Result.ACCOUNT_DISABLED, user);
            }
            if (!tenantActive(user)) {
                return SignInOutcome.refused(SignInOutcome.Result.TENANT_SUSPENDED, user);
            }
            started.succeeded();
            return SignInOutcome.signedIn(user);
        }
    }

    private boolean tenantActive(User user) {
        return user.tenantId().isSystem() || tenants.find(user.tenantId()).map(Tenant::active).orElse(false);
    }
}
