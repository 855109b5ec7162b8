package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the portal behaves when Mimeeq misbehaves, through its pages, with faults injected into the
 * sandbox and the sandbox's own count of the requests that reached it. The server runs with a 2 s read
 * timeout and a 3 s pause of an open circuit breaker (arquillian.xml, portal.mimeeq.breaker.open-ms).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResilienceIT {

    private static final String ACCOUNT = "acme-office";
    private static final String OTHER_ACCOUNT = "nordic-living";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    URI base;
    SandboxAdmin sandbox;
    PortalClient admin;
    String shortCode;

    @BeforeEach
    void tenantWithAShortCode() {
        base = Fixtures.uri(url);
        sandbox = new SandboxAdmin(base);
        sandbox.clearFaults(ACCOUNT);
        admin = tenantUsing(ACCOUNT);
        shortCode = generateShortCode(admin);
        sandbox.resetRequests(ACCOUNT);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults(ACCOUNT);
    }

    @Test
    void aSlowMimeeqGivesAClearPageWithinTheTimeoutBudget() {
        sandbox.faults(ACCOUNT, "{\"latencyMs\":5000}");
        long started = System.nanoTime();
        PortalClient.Page page = lookup(admin);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(504, page.status(), page.text());
        assertTrue(page.text().contains("Mimeeq did not answer in time"), page.text());
        // Three attempts of at most 2 s each, plus the retry delays: the page never waits on Mimeeq forever.
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
    }

    @Test
    void twoServerErrorsThenSuccessIsASuccessOnRetry() {
        sandbox.faults(ACCOUNT, "{\"failNext\":[500,500]}");
        PortalClient.Page page = lookup(admin);
        assertEquals(200, page.status(), page.text());
        assertEquals(3, sandbox.requests(ACCOUNT), "two failures and the retry that worked");
    }

    @Test
    void clientErrorsAreNeverRetried() {
        for (int status : new int[] {401, 403, 400}) {
            sandbox.resetRequests(ACCOUNT);
            sandbox.faults(ACCOUNT, "{\"failNext\":[" + status + "]}");
            PortalClient.Page page = lookup(admin);
            assertTrue(page.status() >= 400 && page.status() != 500, "status " + page.status());
            assertEquals(1, sandbox.requests(ACCOUNT), "exactly one call for a " + status);
        }
    }

    @Test
    void aRateLimitedTenantWaitsOutRetryAfterWhileAnotherTenantIsServed() throws Exception {
        sandbox.faults(ACCOUNT, "{\"failNext\":[429],\"retryAfterSeconds\":2}");
        PortalClient.Page limited = lookup(admin);
        assertEquals(503, limited.status());
        assertEquals("2", limited.header("Retry-After"));
        assertEquals(1, sandbox.requests(ACCOUNT));

        PortalClient.Page waiting = lookup(admin);
        assertEquals(503, waiting.status());
        assertTrue(waiting.html().select("[data-failure=WAITING_FOR_RATE_LIMIT]").size() == 1, waiting.text());
        assertEquals(1, sandbox.requests(ACCOUNT), "no call while the tenant waits");

        PortalClient other = tenantUsing(OTHER_ACCOUNT);
        assertEquals(200, lookup(other, generateShortCode(other)).status(), "another tenant is served meanwhile");

        Thread.sleep(2_100);
        assertEquals(200, lookup(admin).status());
        assertEquals(2, sandbox.requests(ACCOUNT));
    }

    @Test
    void theCircuitBreakerOpensOnRepeatedFailuresAndRecovers() throws Exception {
        sandbox.faults(ACCOUNT, "{\"failNext\":[" + "500,".repeat(59) + "500]}");
        boolean opened = false;
        for (int i = 0; i < 10 && !opened; i++) {
            PortalClient.Page page = lookup(admin);
            opened = !page.html().select("[data-failure=CIRCUIT_OPEN]").isEmpty();
            assertTrue(page.status() >= 500 && page.status() != 500, "status " + page.status());
        }
        assertTrue(opened, "the breaker opened");
        int reached = sandbox.requests(ACCOUNT);
        lookup(admin);
        assertEquals(reached, sandbox.requests(ACCOUNT), "an open breaker sends nothing");

        sandbox.clearFaults(ACCOUNT);
        Thread.sleep(3_500);
        PortalClient.Page recovered = lookup(admin);
        for (int i = 0; i < 3 && recovered.status() != 200; i++) {
            Thread.sleep(1_000);
            recovered = lookup(admin);
        }
        assertEquals(200, recovered.status(), recovered.text());
    }

    @Test
    void oneTenantsDeadUpstreamDoesNotOpenTheBreakerForAnother() throws Exception {
        PortalClient other = tenantUsing(OTHER_ACCOUNT);
        String otherCode = generateShortCode(other);
        sandbox.faults(ACCOUNT, "{\"failNext\":[" + "503,".repeat(59) + "503]}");
        boolean opened = false;
        for (int i = 0; i < 10 && !opened; i++) {
            opened = !lookup(admin).html().select("[data-failure=CIRCUIT_OPEN]").isEmpty();
        }
        assertTrue(opened, "the failing tenant's breaker opened");
        for (int i = 0; i < 3; i++) {
            PortalClient.Page page = lookup(other, otherCode);
            assertEquals(200, page.status(), "the other tenant is still served: " + page.text());
        }
    }

    private PortalClient.Page lookup(PortalClient client) {
        return lookup(client, shortCode);
    }

    private static PortalClient.Page lookup(PortalClient client, String code) {
        return client.get("/products/lookup?code=" + code);
    }

    private PortalClient tenantUsing(String account) {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient client = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        Fixtures.setKey(client, sandbox.key(account));
        return client;
    }

    /** Generates a short code for the first active product with a default configuration, through the page. */
    private static String generateShortCode(PortalClient client) {
        var product = client.get("/catalog?status=ACTIVE&mode=VARIANT&own=own").html()
                .select("table.products tbody tr").first();
        String productId = product.attr("data-product-id");
        String configuration = client.get("/catalog/" + productId).html()
                .select("input[name=configurationCode]").attr("value");
        PortalClient.Page created = client.submit("/catalog/" + productId, "/short-codes",
                Map.of("productId", productId, "configurationCode", configuration));
        assertEquals(302, created.status(), created.text());
        return created.location().replaceAll(".*created=", "");
    }
}
