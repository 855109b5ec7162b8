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
import com.mimeeqportal.user.LockoutPolicy;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The sign-in protocol over in-memory users: what is hashed, what is counted, and when. */
class SignInsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final Username NAME = new Username("someone@example.com");
    private static final char[] RIGHT = "right-password".toCharArray();

    private final User user = inTenant(new User(NAME, "hash", Role.SALES, NOW), TenantId.random());
    private final FakeUsers users = new FakeUsers(user);
    private final SignIns signIns = new SignIns(users, new ActiveTenants(), LockoutPolicy.DEFAULT,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theFifthWrongPasswordLocksTheAccountAndSaysSoOnce() {
        for (int i = 1; i < 5; i++) {
            SignInOutcome outcome = signIns.attempt(NAME, "wrong".toCharArray());
            assertEquals(SignInOutcome.Result.INVALID_CREDENTIALS, outcome.result());
            assertFalse(outcome.lockedNow());
        }
        SignInOutcome fifth = signIns.attempt(NAME, "wrong".toCharArray());
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(1))), fifth.lockedUntil());
        assertEquals(SignInOutcome.Result.ACCOUNT_LOCKED, signIns.attempt(NAME, RIGHT).result());
    }

    @Test
    void aLockedAccountIsRefusedBeforeAnyHashIsComputed() {
        user.lock(NOW.plusSeconds(60));
        int hashesBefore = users.hashChecks;
        assertEquals(SignInOutcome.Result.ACCOUNT_LOCKED, signIns.attempt(NAME, RIGHT).result());
        assertEquals(hashesBefore, users.hashChecks);
        assertEquals(0, users.changes, "refusals while locked are not counted again");
    }

    @Test
    void unknownUsernamesCostAHashButAreCountedNowhere() {
        SignInOutcome outcome = signIns.attempt(new Username("nobody@example.com"), RIGHT);
        assertEquals(SignInOutcome.Result.INVALID_CREDENTIALS, outcome.result());
        assertTrue(outcome.user().isEmpty());
        assertEquals(1, users.hashChecks, "the decoy hash is checked");
        assertEquals(0, users.changes);
    }

    @Test
    void successForgivesEarlierFailuresAndADisabledUserFailsLikeAWrongPassword() {
        signIns.attempt(NAME, "wrong".toCharArray());
        assertTrue(signIns.attempt(NAME, RIGHT).success());
        assertFalse(user.hasFailedSignIns());
        user.disable();
        assertEquals(SignInOutcome.Result.ACCOUNT_DISABLED, signIns.attempt(NAME, RIGHT).result());
    }

    @Test
    void aSessionEndsWhenItsEpochIsStaleOrItIsTooOld() {
        SessionLimits limits = new SessionLimits(Duration.ofMinutes(30), Duration.ofHours(12));
        SessionStamp stamp = new SessionStamp(user.sessionEpoch(), NOW);
        Optional<User> found = Optional.of(user);
        assertEquals(Optional.empty(), SignedInSessions.endReason(limits, Optional.of(stamp), found, true, NOW));
        assertEquals(Optional.of("TENANT_SUSPENDED"),
                SignedInSessions.endReason(limits, Optional.of(stamp), found, false, NOW));
        assertEquals(Optional.of("ABSOLUTE_TIMEOUT"),
                SignedInSessions.endReason(limits, Optional.of(stamp), found, true, NOW.plus(Duration.ofHours(12))));
        user.changePassword("new-hash", true);
        assertEquals(Optional.of("SIGNED_OUT_ELSEWHERE"),
                SignedInSessions.endReason(limits, Optional.of(stamp), found, true, NOW));
        assertEquals(Optional.empty(),
                SignedInSessions.endReason(limits, Optional.of(stamp.atEpoch(user.sessionEpoch())), found, true, NOW));
        user.disable();
        assertEquals(Optional.of("USER_DISABLED"),
                SignedInSessions.endReason(limits, Optional.of(stamp), found, true, NOW));
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
    private static final class FakeUsers extends Users {
        private final User user;
        int hashChecks;
        int changes;

        FakeUsers(User user) {
            this.user = user;
        }

        @Override
        public Optional<User> findForSignIn(Username username) {
            return username.equals(user.username()) ? Optional.of(user) : Optional.empty();
        }

        @Override
        public boolean passwordMatches(Optional<User> candidate, char[] password) {
            hashChecks++;
            return candidate.isPresent() && java.util.Arrays.equals(password, RIGHT);
        }

        @Override
        public <T> Optional<T> change(TenantId tenant, String id, Function<User, T> change) {
            changes++;
            return Optional.of(change.apply(user));
        }
    }

    private static final class ActiveTenants extends Tenants {
        @Override
        public Optional<Tenant> find(TenantId id) {
            return Optional.of(new Tenant(id, new TenantName("Tenant"), new MimeeqBaseUrl("https://mimeeqapi.com"), NOW));
        }
    }
}
