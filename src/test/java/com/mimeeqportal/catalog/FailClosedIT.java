package com.mimeeqportal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.account.UserAdministration;
import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.apikey.ApiKeys;
import com.mimeeqportal.apikey.MasterKeysets;
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
import com.mimeeqportal.mimeeq.MimeeqFailure;
import com.mimeeqportal.mimeeq.MimeeqGateway;
import com.mimeeqportal.mimeeq.MimeeqHttpClient;
import com.mimeeqportal.mimeeq.MimeeqResult;
import com.mimeeqportal.mimeeq.Quantity;
import com.mimeeqportal.mimeeq.ShortCode;
import com.mimeeqportal.mimeeq.TenantThrottle;
import com.mimeeqportal.operator.TenantAdministration;
import com.mimeeqportal.system.AuditUnavailableException;
import com.mimeeqportal.system.Database;
import com.mimeeqportal.tenant.MimeeqBaseUrl;
import com.mimeeqportal.tenant.Tenant;
import com.mimeeqportal.tenant.TenantName;
import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.PasswordHasher;
import com.mimeeqportal.user.Users;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail closed, on PostgreSQL with the audit table refusing inserts (a trigger): no Mimeeq call is made,
 * no key, user or tenant is changed, each with a clear outcome, while a catalog already cached still
 * renders. The
 * "Mimeeq" here is a real HTTP server that counts the requests reaching it.
 */
class FailClosedIT {

    private static final String PRODUCTS = "[{\"productId\":\"PROD-1\",\"name\":{\"en\":\"Chair\"},\"status\":\"ACTIVE\"}]";

    @TempDir
    static Path keysets;

    static EmbeddedPostgres postgres;
    static Database database;
    static HttpServer mimeeq;
    static final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4,
                Infrastructure.ENTITIES);
        mimeeq = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mimeeq.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = PRODUCTS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        mimeeq.start();
    }

    @AfterAll
    static void stop() throws Exception {
        mimeeq.stop(0);
        database.close();
        postgres.close();
    }

    @Test
    void withoutAWritableAuditLogNothingIsCalledOrChangedButCachedPagesStillRender() throws Exception {
        AuditLog audit = new AuditLog(database, new ChainMac(MasterKeysets.mac(keysets.resolve("mac.json"), true)));
        ApiKeys keys = new ApiKeys(database, MasterKeysets.load(keysets.resolve("master.json"),
                keysets.resolve("mac.json"), true), audit, changed -> { });
        Tenants tenants = new Tenants(database);
        Tenant tenant = tenants.create(new TenantName("Fail closed " + UUID.randomUUID()),
                new MimeeqBaseUrl("http://127.0.0.1:" + mimeeq.getAddress().getPort()));
        keys.set(tenant.id(), new ApiKey("fail-closed-key-0001"), "admin", AuditEntry.of(AuditEventType.API_KEY_SET));
        MimeeqGateway gateway = new MimeeqGateway(new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                keys, tenants, audit, new TenantThrottle(new TenantThrottle.Limits(4, Duration.ofSeconds(2), 32, 10, 5, 60, Duration.ofSeconds(10), 2), Clock.systemUTC()), Duration.ofSeconds(1));
        Catalog catalog = new Catalog(gateway, Duration.ofMinutes(5), Duration.ofSeconds(20), Clock.systemUTC(), Runnable::run);
        Actor actor = new Actor(new SignedInUser(UUID.randomUUID().toString(), new Username("sales@fail.example"),
                tenant.id(), tenant.name(), Role.SALES), "127.0.0.1", "fail-closed");

        assertInstanceOf(MimeeqResult.Ok.class, catalog.page(actor, CatalogQuery.all()));
        assertEquals(1, requests.get());
        String fingerprint = keys.status(tenant.id()).orElseThrow().fingerprint();

        sql("create function refuse_audit() returns trigger as $$ begin raise exception 'audit refused'; end $$"
                + " language plpgsql");
        sql("create trigger refuse_audit before insert on audit_event for each row execute function refuse_audit()");
        try {
            var refused = gateway.productInfo(actor, new ShortCode("ABC123"), Quantity.ONE);
            assertEquals(MimeeqFailure.Kind.AUDIT_UNAVAILABLE,
                    assertInstanceOf(MimeeqResult.Failed.class, refused).failure().kind());
            assertEquals(1, requests.get(), "Mimeeq saw no request");

            assertThrows(RuntimeException.class, () -> keys.set(tenant.id(), new ApiKey("another-key-0002"), "admin",
                    AuditEntry.of(AuditEventType.API_KEY_SET)));
            assertEquals(fingerprint, keys.status(tenant.id()).orElseThrow().fingerprint(), "the key was not changed");

            Actor operator = new Actor(new SignedInUser(UUID.randomUUID().toString(), new Username("operator"),
                    TenantId.SYSTEM, null, Role.OPERATOR), "127.0.0.1", "fail-closed");
            Actor admin = new Actor(new SignedInUser(UUID.randomUUID().toString(), new Username("admin@fail.example"),
                    tenant.id(), tenant.name(), Role.ACCOUNT_ADMIN), "127.0.0.1", "fail-closed");
            var users = new Users(database, new PasswordHasher());
            assertThrows(AuditUnavailableException.class, () ->
                    new UserAdministration(users, audit)
                            .create(admin, new Username("new@fail.example"), Role.SALES));
            assertEquals(List.of(), users.all(tenant.id()), "no user was created");
            assertThrows(AuditUnavailableException.class, () ->
                    new TenantAdministration(tenants, audit).suspend(operator, tenant.id()));
            assertTrue(tenants.find(tenant.id()).orElseThrow().active(), "the tenant was not suspended");

            var cached = catalog.page(actor, CatalogQuery.all());
            assertEquals("Chair", ((Catalog.CatalogPage) assertInstanceOf(MimeeqResult.Ok.class, cached).value())
                    .products().items().get(0).name(), "reading pages keeps working");
            assertEquals(1, requests.get());
        } finally {
            sql("drop trigger refuse_audit on audit_event");
        }
        assertInstanceOf(MimeeqResult.Ok.class, gateway.products(actor));
        assertEquals(2, requests.get(), "with the audit log back, calls go out again");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            c.createStatement().execute(statement);
            c.commit();
        }
    }
}
