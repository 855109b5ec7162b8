package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.audit.ChainMac;
import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.SignedInUser;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.system.ClusterBus;
import com.mimeeqportal.system.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key row a call reads is remembered for a few seconds, and forgotten whenever it changes, on this instance
 * and on the others (two {@link ApiKeys} on one {@link ClusterBus} stand for two instances). Here on H2.
 */
class KeyRowsTest {

    @TempDir
    static Path dir;

    static Database database;
    static KeyVault vault;
    static AuditLog audit;

    @BeforeAll
    static void open() {
        database = Database.open("jdbc:h2:mem:key-rows-test;DB_CLOSE_DELAY=-1", "sa", "", 2, Infrastructure.ENTITIES);
        vault = MasterKeysets.load(dir.resolve("master.json"), dir.resolve("mac.json"), true);
        audit = new AuditLog(database, new ChainMac(MasterKeysets.mac(dir.resolve("mac.json"), true)));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aRowIsReadOnceWithinItsTimeAndAgainAfter() {
        MutableClock clock = new MutableClock();
        KeyRows rows = new KeyRows(clock);
        TenantId tenant = TenantId.random();
        AtomicInteger reads = new AtomicInteger();
        KeyRows.Row row = new KeyRows.Row("c", "f", false, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.of(row), rows.get(tenant, () -> {
                reads.incrementAndGet();
                return Optional.of(row);
            }));
        }
        assertEquals(1, reads.get());
        clock.advance(KeyRows.REMEMBERED);
        rows.get(tenant, () -> {
            reads.incrementAndGet();
            return Optional.of(row);
        });
        assertEquals(2, reads.get(), "read again once its time is up");
        rows.forget(tenant);
        rows.get(tenant, () -> {
            reads.incrementAndGet();
            return Optional.empty();
        });
        assertEquals(3, reads.get(), "read again once forgotten");
    }

    @Test
    void aRowReadWhileItChangedIsNotKept() {
        KeyRows rows = new KeyRows(new MutableClock());
        TenantId tenant = TenantId.random();
        KeyRows.Row old = new KeyRows.Row("old", "f", false, 0);
        // The change (and its forgetting) lands while the read of the old row is under way.
        assertEquals(Optional.of(old), rows.get(tenant, () -> {
            rows.forget(tenant);
            return Optional.of(old);
        }));
        KeyRows.Row fresh = new KeyRows.Row("new", "f", false, 0);
        assertEquals(Optional.of(fresh), rows.get(tenant, () -> Optional.of(fresh)), "the old row was not kept");
    }

    @Test
    void everyInstanceSeesANewKeyAndAnInvalidationAtOnce() {
        ClusterBus bus = new ClusterBus();
        ApiKeys here = new ApiKeys(database, vault, audit, changed -> { }, bus);
        ApiKeys there = new ApiKeys(database, vault, audit, changed -> { }, bus);
        TenantId tenant = TenantId.random();
        assertTrue(here.forCall(tenant) instanceof KeyForCall.Missing);
        assertTrue(there.forCall(tenant) instanceof KeyForCall.Missing);

        there.set(tenant, new ApiKey("first-key-0000000000"), "admin", AuditEntry.of(AuditEventType.API_KEY_SET));
        KeyForCall.Usable first = (KeyForCall.Usable) here.forCall(tenant);
        assertEquals("first-key-0000000000", first.key().reveal());

        there.set(tenant, new ApiKey("second-key-000000000"), "admin", AuditEntry.of(AuditEventType.API_KEY_SET));
        assertEquals("second-key-000000000", ((KeyForCall.Usable) here.forCall(tenant)).key().reveal());

        KeyForCall.Usable second = (KeyForCall.Usable) here.forCall(tenant);
        for (int i = 0; i < ApiKeys.UNAUTHORIZED_LIMIT; i++) {
            there.unauthorized(admin(tenant), second.fingerprint());
        }
        assertTrue(here.forCall(tenant) instanceof KeyForCall.Invalidated, "the other instance's invalidation counts at once");
    }

    @Test
    void aRememberedCiphertextThatNoLongerOpensIsReadAgain() throws Exception {
        ApiKeys keys = new ApiKeys(database, vault, audit, changed -> { });
        TenantId tenant = TenantId.random();
        keys.set(tenant, new ApiKey("the-key-000000000000"), "admin", AuditEntry.of(AuditEventType.API_KEY_SET));
        String good = ciphertext(tenant);
        // Changed below the portal, with no notice (as a lost one would leave it): a ciphertext that does not open...
        setCiphertext(tenant, "not a ciphertext");
        assertTrue(keys.forCall(tenant) instanceof KeyForCall.Unreadable);
        // ...then one that does, as after a re-encryption: the remembered row fails to open, so it is read afresh.
        setCiphertext(tenant, good);
        assertEquals("the-key-000000000000", ((KeyForCall.Usable) keys.forCall(tenant)).key().reveal());
    }

    private static Actor admin(TenantId tenant) {
        return new Actor(new SignedInUser("u", new Username("admin@example.com"), tenant, "T", Role.ACCOUNT_ADMIN), "127.0.0.1", "c");
    }

    private static String ciphertext(TenantId tenant) {
        return database.inTenant(tenant, session -> session.createSelectionQuery("from TenantApiKey", TenantApiKey.class)
                .getSingleResult().ciphertext());
    }

    private static void setCiphertext(TenantId tenant, String ciphertext) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("update tenant_api_key set ciphertext = ? where tenant_id = ?")) {
            update.setString(1, ciphertext);
            update.setString(2, tenant.value());
            assertEquals(1, update.executeUpdate());
            c.commit();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
