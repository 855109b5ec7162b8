package com.mimeeqportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one query behind the check before every signed-in page reads, from the rows as they are now, everything
 * that ends a session or changes it: on H2 here, on PostgreSQL in {@code PostgresIT} and, through the deployed
 * portal, in {@code UserLifecycleIT} and {@code ProductionPostgresIT}.
 */
public class StandingTest {

    static Database database;
    static Users users;
    static Tenants tenants;

    @BeforeAll
    static void open() {
        database = Database.open("jdbc:h2:mem:standing-test;DB_CLOSE_DELAY=-1", "sa", "", 2, Infrastructure.ENTITIES);
        users = new Users(database);
        tenants = new Tenants(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theQueryReadsWhatTheRowsSayNow() {
        assertStandingsFollowTheRows(database, users, tenants);
    }

    @Test
    void aFailedReadIsHibernatesExceptionAndTheConnectionGoesBack() {
        for (int i = 0; i < 5; i++) {
            RuntimeException failed = assertThrows(RuntimeException.class, () -> database.readPlainAsSystem(
                    sql -> sql.prepareStatement("select no_such_column from portal_user").executeQuery()));
            assertTrue(failed instanceof org.hibernate.JDBCException, failed.toString());
            assertFalse(Database.isUnavailable(failed), "a wrong query is a bug, not an outage");
        }
        assertEquals(Optional.empty(), read("no-such-user"), "the pool of two still serves after five failures");
    }

    /** Shared with PostgresIT: the same steps on whichever database {@code database} opens. */
    public static void assertStandingsFollowTheRows(Database database, Users users, Tenants tenants) {
        Tenant tenant = tenants.create(new TenantName("Standing " + System.nanoTime()), MimeeqBaseUrl.PRODUCTION);
        User sales = stored(database, tenant.id(), new User(new Username("standing" + System.nanoTime() + "@example.com"),
                "hash", Role.SALES, Instant.now()));
        User operator = stored(database, TenantId.SYSTEM, new User(new Username("standing-op" + System.nanoTime()),
                "hash", Role.OPERATOR, Instant.now()));

        Standing fresh = read(database, sales.id()).orElseThrow();
        assertEquals(new Standing(true, sales.sessionEpoch(), false, UserPreferences.stored(null, null), true), fresh);
        assertTrue(read(database, operator.id()).orElseThrow().tenantActive(), "the system tenant has no row, and works");
        assertEquals(Optional.empty(), read(database, "no-such-user"));

        users.change(tenant.id(), sales.id(), user -> {
            user.choosePreferences(UserPreferences.stored("de", "Europe/Berlin"));
            user.changePassword("another-hash", true);
            user.requirePasswordChange();
            return user;
        });
        Standing changed = read(database, sales.id()).orElseThrow();
        assertEquals(UserPreferences.stored("de", "Europe/Berlin"), changed.preferences());
        assertEquals(fresh.sessionEpoch() + 1, changed.sessionEpoch(), "other sessions were signed out");
        assertTrue(changed.mustChangePassword());

        users.change(tenant.id(), sales.id(), user -> {
            user.disable();
            return user;
        });
        assertFalse(read(database, sales.id()).orElseThrow().enabled());

        tenants.change(tenant.id(), Tenant::suspend);
        assertFalse(read(database, sales.id()).orElseThrow().tenantActive());
    }

    /** Stored as {@code Users.create} stores it, without the slow password hash. */
    private static User stored(Database database, TenantId tenant, User user) {
        return database.inTenant(tenant, session -> {
            session.persist(user);
            return user;
        });
    }

    private static Optional<Standing> read(String userId) {
        return read(database, userId);
    }

    private static Optional<Standing> read(Database database, String userId) {
        return database.readPlainAsSystem(sql -> Standing.read(sql, userId));
    }
}
