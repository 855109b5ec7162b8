package com.mimeeqportal.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mimeeqportal.boot.Infrastructure;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.system.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's Mimeeq address, which every Mimeeq call needs, is read once and remembered, and forgotten when the
 * portal changes it: the next call goes to the new address. Here on H2.
 */
class TenantBaseUrlsTest {

    static Database database;

    @BeforeAll
    static void open() {
        database = Database.open("jdbc:h2:mem:tenant-base-urls-test;DB_CLOSE_DELAY=-1", "sa", "", 2,
                Infrastructure.ENTITIES);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void theAddressIsRememberedAndForgottenWhenThePortalChangesIt() throws Exception {
        Tenants tenants = new Tenants(database);
        Tenant tenant = tenants.create(new TenantName("Base URL Test"), new MimeeqBaseUrl("https://mimeeqapi.com"));
        assertEquals(Optional.of(new MimeeqBaseUrl("https://mimeeqapi.com")), baseUrl(tenants, tenant.id()));

        setBehindThePortalsBack(tenant.id(), "https://elsewhere.example");
        assertEquals(Optional.of(new MimeeqBaseUrl("https://mimeeqapi.com")), baseUrl(tenants, tenant.id()),
                "remembered: not read again on every call");

        tenants.change(tenant.id(), t -> t.callMimeeqAt(new MimeeqBaseUrl("http://127.0.0.1:18700")));
        assertEquals(Optional.of(new MimeeqBaseUrl("http://127.0.0.1:18700")), baseUrl(tenants, tenant.id()),
                "a change through the portal is seen by the next call");
        assertEquals(Optional.empty(), baseUrl(tenants, TenantId.random()));
    }

    private static Optional<MimeeqBaseUrl> baseUrl(Tenants tenants, TenantId id) {
        return database.asSystem(session -> tenants.mimeeqBaseUrl(session, id));
    }

    private static void setBehindThePortalsBack(TenantId id, String url) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("update tenant set mimeeq_base_url = ? where id = ?")) {
            update.setString(1, url);
            update.setString(2, id.value());
            assertEquals(1, update.executeUpdate());
            c.commit();
        }
    }
}
