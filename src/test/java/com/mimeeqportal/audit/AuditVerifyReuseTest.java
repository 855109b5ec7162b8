package com.mimeeqportal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reloading the verify page does not walk the chain again; "verify now" (the POST) always does. */
class AuditVerifyReuseTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final AtomicInteger walks = new AtomicInteger();
    private final AtomicInteger entries = new AtomicInteger();

    private final AuditVerifier verifier = new AuditVerifier() {
        @Override
        public ChainVerification verify(TenantId tenant) {
            walks.incrementAndGet();
            return new ChainVerification(tenant, now.get(), 0, 41 + walks.get(), 42, "h", Optional.empty(), Optional.empty());
        }

        @Override
        public ChainVerification verifyAndCheckpoint(TenantId tenant) {
            return verify(tenant);
        }
    };

    private final AuditLog audit = new AuditLog() {
        @Override
        public void record(TenantId tenant, AuditEntry entry) {
            entries.incrementAndGet();
        }
    };

    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    private final AuditAdministration administration = new AuditAdministration(audit, verifier, null, null, 1,
            new AuditAdministration.ExportLimits(1, java.time.Duration.ofMinutes(1)), clock);
    private final TenantId tenant = TenantId.random();
    private final Actor admin = new Actor(new SignedInUser("u", new Username("admin@example.com"), tenant, "T",
            Role.ACCOUNT_ADMIN), "127.0.0.1", "c");

    @Test
    void aPageViewWithinAMinuteShowsTheLastVerification() {
        ChainVerification first = administration.verify(admin, "/admin/audit/verify", false);
        now.set(now.get().plusSeconds(30));
        assertSame(first, administration.verify(admin, "/admin/audit/verify", false));
        assertEquals(1, walks.get());
        assertEquals(1, entries.get(), "a reused result is not a new verification");

        now.set(now.get().plus(AuditAdministration.REUSE));
        administration.verify(admin, "/admin/audit/verify", false);
        assertEquals(2, walks.get(), "after a minute the chain is walked again");
    }

    @Test
    void verifyNowAlwaysWalks() {
        administration.verify(admin, "/admin/audit/verify", false);
        ChainVerification now2 = administration.verify(admin, "/admin/audit/verify", true);
        assertEquals(2, walks.get());
        assertSame(now2, administration.verify(admin, "/admin/audit/verify", false), "and refreshes what views show");
        assertEquals(Duration.ofSeconds(60), AuditAdministration.REUSE);
    }
}
