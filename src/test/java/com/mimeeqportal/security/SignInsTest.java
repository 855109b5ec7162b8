package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.InitialUsers;
import com.mimeeqportal.user.LockoutPolicy;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sign-in protocol over in-memory users: what is hashed, what is counted, and when. */
class SignInsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Username NAME = new Username("someone@example.com");
    private static final char[] RIGHT = "right-password".toCharArray();

    private final User user = inTenant(new User(NAME, "hash", Role.SALES, NOW), TenantId.random());
    private final FakeUsers users = new FakeUsers(user);
    private final SignInLocks locks = new SignInLocks(LockoutPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC), 100);
    private final InitialUsers initialUsers = new InitialUsers(users);
    private final SignIns signIns = new SignIns(users, new ActiveTenants(), locks, new RepeatGuessPacing(), initialUsers);
    private static final String HERE = "203.0.113.9";
    private static final String ELSEWHERE = "198.51.100.7";

    @Test
    void theFifthWrongPasswordLocksThatAddressAndSaysSoOnceWhileTheOwnerElsewhereSignsIn() {
        for (int i = 1; i < 5; i++) {
            SignInOutcome outcome = signIns.attempt(NAME, "wrong".toCharArray(), HERE);
            assertEquals(SignInOutcome.Result.INVALID_CREDENTIALS, outcome.result());
            assertFalse(outcome.lockedNow());
        }
        SignInOutcome fifth = signIns.attempt(NAME, "wrong".toCharArray(), HERE);
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), fifth.lockedUntil());
        assertEquals(SignInOutcome.Result.ACCOUNT_LOCKED, signIns.attempt(NAME, RIGHT, HERE).result());
        assertTrue(signIns.attempt(NAME, RIGHT, ELSEWHERE).success(), "the lock is no weapon against the owner");
        assertEquals(0, users.changes, "nothing of the lockout is written to the user's row");
    }

    @Test
    void aSignInStraightAfterTheStartWaitsForTheUserTheStartAnnouncedInsteadOfCallingItUnknown() throws Exception {
        users.exists = false;
        CountDownLatch hashed = new CountDownLatch(1);
        users.beforeCreate = hashed::await;
        Optional<String> announced = initialUsers.ensure(user.tenantId(), NAME.value(), Role.SALES,
                Optional.of("configured"), "portal.demo.sales-password");
        assertTrue(announced.isPresent(), "announced before the user exists: the start does not wait for the hash");
        initialUsers.createAnnounced();
        try (ExecutorService signingIn = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<SignInOutcome> outcome = signingIn.submit(() -> signIns.attempt(NAME, RIGHT, HERE));
            Thread.sleep(200);
            assertFalse(outcome.isDone(), "waiting for the user being created");
            hashed.countDown();
            assertTrue(outcome.get().success(), outcome.get().result().toString());
        }
    }

    @Test
    void aLockedPairIsRefusedBeforeAnyHashIsComputed() {
        for (int i = 0; i < 5; i++) {
            signIns.attempt(NAME, "wrong".toCharArray(), HERE);
        }
        int hashesBefore = users.hashChecks.get();
        assertEquals(SignInOutcome.Result.ACCOUNT_LOCKED, signIns.attempt(NAME, RIGHT, HERE).result());
        assertEquals(hashesBefore, users.hashChecks.get());
    }

    @Test
    void unknownUsernamesCostAHashAndAreLockedLikeKnownOnesSoNothingTellsThemApart() {
        Username nobody = new Username("nobody@example.com");
        SignInOutcome outcome = signIns.attempt(nobody, RIGHT, HERE);
        assertEquals(SignInOutcome.Result.INVALID_CREDENTIALS, outcome.result());
        assertTrue(outcome.user().isEmpty());
        assertEquals(1, users.hashChecks.get(), "the decoy hash is checked");
        for (int i = 0; i < 4; i++) {
            assertFalse(signIns.attempt(nobody, RIGHT, HERE).lockedNow(), "no lockout entry names a user that isn't");
        }
        int hashesBefore = users.hashChecks.get();
        assertEquals(SignInOutcome.Result.INVALID_CREDENTIALS, signIns.attempt(nobody, RIGHT, HERE).result());
        assertEquals(hashesBefore, users.hashChecks.get(), "the sixth is refused unhashed, as for a real account");
        assertEquals(0, users.changes);
    }

    @Test
    void successForgivesEarlierFailuresAndADisabledUserFailsLikeAWrongPassword() {
        for (int i = 0; i < 4; i++) {
            signIns.attempt(NAME, "wrong".toCharArray(), HERE);
        }
        assertTrue(signIns.attempt(NAME, RIGHT, HERE).success());
        signIns.attempt(NAME, "wrong".toCharArray(), HERE);
        assertTrue(locks.lockedUntil(user.id(), HERE).isEmpty(), "the count started again after the success");
        user.disable();
        assertEquals(SignInOutcome.Result.ACCOUNT_DISABLED, signIns.attempt(NAME, RIGHT, HERE).result());
    }

    @Test
    void aSessionEndsWhenItsEpochIsStaleOrItIsTooOld() {
        SessionLimits limits = new SessionLimits(Duration.ofMinutes(30), Duration.ofHours(12));
        SessionStamp stamp = new SessionStamp(user.sessionEpoch(), NOW);
        assertEquals(Optional.empty(), SignedInSessions.endReason(limits, Optional.of(stamp), standing(true), NOW));
        assertEquals(Optional.of("TENANT_SUSPENDED"),
                SignedInSessions.endReason(limits, Optional.of(stamp), standing(false), NOW));
        assertEquals(Optional.of("ABSOLUTE_TIMEOUT"), SignedInSessions.endReason(limits, Optional.of(stamp),
                standing(true), NOW.plus(Duration.ofHours(12))));
        assertEquals(Optional.of("NO_SUCH_SIGN_IN"),
                SignedInSessions.endReason(limits, Optional.of(stamp), Optional.empty(), NOW));
        assertEquals(Optional.of("NO_SUCH_SIGN_IN"),
                SignedInSessions.endReason(limits, Optional.empty(), standing(true), NOW));
        user.changePassword("new-hash", true);
        assertEquals(Optional.of("SIGNED_OUT_ELSEWHERE"),
                SignedInSessions.endReason(limits, Optional.of(stamp), standing(true), NOW));
        assertEquals(Optional.empty(),
                SignedInSessions.endReason(limits, Optional.of(stamp.atEpoch(user.sessionEpoch())), standing(true), NOW));
        user.disable();
        assertEquals(Optional.of("USER_DISABLED"),
                SignedInSessions.endReason(limits, Optional.of(stamp), standing(true), NOW));
    }

    private Optional<Standing> standing(boolean tenantActive) {
        return Optional.of(new Standing(user.enabled(), user.sessionEpoch(), user.mustChangePassword(),
                user.preferences(), tenantActive));
    }

    /** Hibernate stamps the tenant at persist; a user that never met a session gets it here. */
    private static User inTenant(User user, TenantId tenant) {
        try {
            var field = User.class.getDeclaredField("tenantId");
            field.setAccessible(true);
            field.set(user, tenant.value());
            return user;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** One user in memory; counts hash checks and row changes. */
    @Test
    void twentyGuessesSentAtOnceCostFiveHashesAndTheOwnerElsewhereIsNotHeldUp() throws Exception {
        // Every hash waits until the other fifteen guesses have been refused, as when all twenty arrive together.
        CountDownLatch othersRefused = new CountDownLatch(15);
        users.beforeHash = () -> await(othersRefused);
        List<Future<SignInOutcome>> guesses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                guesses.add(threads.submit(() -> {
                    SignInOutcome outcome = signIns.attempt(NAME, "wrong".toCharArray(), HERE);
                    if (outcome.result() == SignInOutcome.Result.ACCOUNT_LOCKED) {
                        othersRefused.countDown();
                    }
                    return outcome;
                }));
            }
        }
        long refused = 0;
        for (Future<SignInOutcome> guess : guesses) {
            refused += guess.get().result() == SignInOutcome.Result.ACCOUNT_LOCKED ? 1 : 0;
        }
        assertEquals(5, users.hashChecks.get(), "only as many hashes as it takes to lock the pair");
        assertEquals(15, refused);
        users.beforeHash = () -> { };
        assertEquals(SignInOutcome.Result.ACCOUNT_LOCKED, signIns.attempt(NAME, RIGHT, HERE).result(), "and it is locked");
        assertTrue(signIns.attempt(NAME, RIGHT, ELSEWHERE).success(), "the owner elsewhere signs in");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class FakeUsers extends Users {
        private final User user;
        final AtomicInteger hashChecks = new AtomicInteger();
        volatile Runnable beforeHash = () -> { };
        volatile Waiting beforeCreate = () -> { };
        volatile boolean exists = true;
        int changes;

        FakeUsers(User user) {
            this.user = user;
        }

        @Override
        public Optional<User> findForSignIn(Username username) {
            return exists && username.equals(user.username()) ? Optional.of(user) : Optional.empty();
        }

        @Override
        public User create(TenantId tenant, Username username, char[] password, Role role, boolean oneTimePassword) {
            try {
                beforeCreate.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            exists = true;
            return user;
        }

        @Override
        public boolean passwordMatches(Optional<User> candidate, char[] password) {
            beforeHash.run();
            hashChecks.incrementAndGet();
            return candidate.isPresent() && java.util.Arrays.equals(password, RIGHT);
        }

        @Override
        public <T> Optional<T> change(TenantId tenant, String id, Function<User, T> change) {
            changes++;
            return Optional.of(change.apply(user));
        }
    }

    private interface Waiting {
        void run() throws InterruptedException;
    }

    private static final class ActiveTenants extends Tenants {
        @Override
        public Optional<Tenant> find(TenantId id) {
            return Optional.of(new Tenant(id, new TenantName("Tenant"), new MimeeqBaseUrl("https://mimeeqapi.com"), NOW));
        }
    }
}
