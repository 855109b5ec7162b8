package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fail closed, in the running portal (production mode over PostgreSQL, as the runbook sets it up) while the
 * database refuses every insert into the audit log (a trigger, as a full disk or a revoked grant would): no
 * request reaches Mimeeq, no key, user or tenant changes, each page says why with a 503, and a catalog already
 * cached still renders. With the audit log back, calls go out again.
 */
class FailClosedIT {

    static ProductionPortal install;

    @BeforeAll
    static void prepare() {
        install = ProductionPortal.prepare("fail-closed");
    }

    @AfterAll
    static void stop() throws Exception {
        install.close();
    }

    @Test
    void withoutAWritableAuditLogNothingIsCalledOrChangedButCachedPagesStillRender() throws Exception {
        try (PayaraMicroProcess sandbox = install.startUpstream();
             PayaraMicroProcess portal = install.start(PayaraMicroProcess.freePort(), "portal.log")) {
            SandboxAdmin mimeeq = new SandboxAdmin(sandbox.base());
            PortalClient operator = Fixtures.signedIn(portal.base(), "operator", ProductionPortal.OPERATOR_PASSWORD);
            PortalClient.Page created = operator.submit("/operator/tenants", "/operator/tenants", Map.of("name",
                    "Fail Closed", "baseUrl", ProductionPortal.upstreamUrl(sandbox), "adminUsername", "admin@fail.example"));
            assertEquals(201, created.status(), created.text());
            String adminPassword = Fixtures.ownPassword(portal.base(), "admin@fail.example",
                    created.html().select("code.one-time-password").text());
            PortalClient admin = Fixtures.signedIn(portal.base(), "admin@fail.example", adminPassword);
            Fixtures.setKey(admin, mimeeq.key("acme-office"));
            String code = LoadHarness.Tenant.shortCode(new LoadHarness(portal.base(), null)
                    .signedIn("admin@fail.example", adminPassword));
            String product = admin.get("/products/lookup?code=" + code).html().select("h2.product-name").text();
            assertFalse(product.isBlank(), "the lookup shows the product");
            assertEquals(200, admin.get("/catalog").status(), "the catalog is fetched and cached");
            int requests = mimeeq.requests("acme-office");
            String fingerprint = admin.get("/admin/api-key").html().select("dd.fingerprint").text();
            String tenantId = tenantRow(operator).attr("data-tenant-id");

            install.asSuperuser("create function refuse_audit() returns trigger as $$ begin "
                    + "raise exception 'audit refused'; end $$ language plpgsql");
            install.asSuperuser("create trigger refuse_audit before insert on audit_event "
                    + "for each row execute function refuse_audit()");
            try {
                PortalClient.Page lookup = admin.get("/products/lookup?code=ABC123");
                assertEquals(503, lookup.status(), lookup.text());
                assertEquals(requests, mimeeq.requests("acme-office"), "Mimeeq saw no request");

                PortalClient.Page keyChange = admin.submit("/admin/api-key", "/admin/api-key",
                        Map.of("apiKey", "another-key-0000000002"));
                assertEquals(503, keyChange.status(), keyChange.text());
                assertEquals(fingerprint, admin.get("/admin/api-key").html().select("dd.fingerprint").text(),
                        "the key was not changed");

                PortalClient.Page user = admin.submit("/admin/users", "/admin/users",
                        Map.of("username", "new@fail.example", "role", "SALES"));
                assertEquals(503, user.status(), user.text());
                assertTrue(admin.get("/admin/users").html().select("tr[data-username=new@fail.example]").isEmpty(),
                        "no user was created");

                PortalClient.Page suspend = operator.submit("/operator/tenants",
                        "/operator/tenants/" + tenantId + "/suspend", Map.of());
                assertEquals(503, suspend.status(), suspend.text());
                assertEquals("ACTIVE", tenantRow(operator).attr("data-status"), "the tenant was not suspended");

                PortalClient.Page cached = admin.get("/catalog");
                assertEquals(200, cached.status(), "reading a cached page keeps working: " + cached.text());
                assertEquals(requests, mimeeq.requests("acme-office"));
            } finally {
                install.asSuperuser("drop trigger refuse_audit on audit_event");
            }
            admin.get("/products/lookup?code=ABC123");
            assertEquals(requests + 1, mimeeq.requests("acme-office"), "with the audit log back, calls go out again");

            // An answer whose entry can't be written once it has come: the rehearsal (no HTTP status yet) passes,
            // the call's own entry (with its status) is refused. The answer must not be shown, and the entry must
            // be kept until it can be written.
            install.asSuperuser("create trigger refuse_answered before insert on audit_event for each row "
                    + "when (new.http_status is not null) execute function refuse_audit()");
            int calls = mimeeq.requests("acme-office");
            String withheldCall;
            try {
                PortalClient.Page withheld = admin.get("/products/lookup?code=" + code);
                withheldCall = withheld.header("X-Correlation-Id");
                assertEquals(503, withheld.status(), withheld.text());
                assertEquals(calls + 1, mimeeq.requests("acme-office"), "Mimeeq was called");
                assertTrue(withheld.text().contains("Mimeeq's answer is not shown"), withheld.text());
                assertFalse(withheld.body().contains(product), "nothing of the answer: " + withheld.text());
            } finally {
                install.asSuperuser("drop trigger refuse_answered on audit_event");
            }
            long keptUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!auditedCalls(admin).contains(withheldCall) && System.nanoTime() < keptUntil) {
                Thread.sleep(1_000);
            }
            assertTrue(auditedCalls(admin).contains(withheldCall), "the kept entry was written once it could be");
        }
    }

    /** The correlation ids of the Mimeeq calls on the first page of the tenant's audit log. */
    private static List<String> auditedCalls(PortalClient admin) {
        return admin.get("/admin/audit").html().select("tr[data-type=MIMEEQ_CALL] td.correlation").eachText();
    }

    private static Element tenantRow(PortalClient operator) {
        return operator.get("/operator/tenants").html().select("tr[data-tenant-id]").stream()
                .filter(row -> row.attr("data-tenant-name").equals("Fail Closed")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for the tenant"));
    }
}
