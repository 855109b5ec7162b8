package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Short versions of the load harness's scenarios (a) and (b) (docs/performance.md), so a regression in
 * connection handling, the per-tenant queue or the audit's one-entry-per-call shows up in every verify.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    private LoadHarness harness() {
        URI base = Fixtures.uri(url);
        return new LoadHarness(base, new LoadHarness.Passwords(Fixtures.OPERATOR_PASSWORD, Fixtures.ADMIN_PASSWORD,
                Fixtures.SALES_PASSWORD));
    }

    @Test
    void shortConnectionsLeaveThePortalServing() throws Exception {
        LoadHarness.Row row = harness().shortConnections(3_000, 20);
        System.out.println(LoadHarness.table(List.of(row)));
        assertEquals(0, row.failed(), row.notes());
        assertTrue(row.notes().contains("/login after: 200"), row.notes());
        assertTrue(row.notes().contains("\"status\":\"UP\""), "liveness stays UP: " + row.notes());
    }

    @Test
    void eightSalesUsersOfOneTenantAndFourBusyTenantsGetNoFailedPage() throws Exception {
        List<LoadHarness.Row> rows = harness().busyTenants("b", 8, Duration.ofSeconds(20), false);
        System.out.println(LoadHarness.table(rows));
        for (LoadHarness.Row row : rows) {
            assertEquals(0, row.failed(), row.what() + ": " + row.notes());
            if (row.what().startsWith("sandbox account")) {
                assertTrue(row.audit().endsWith("(equal)"), row.what() + ": " + row.notes() + ", " + row.audit());
            } else {
                assertTrue(row.pages() > 0, row.what());
                assertTrue(row.audit().contains("verified to #"), row.what() + ": " + row.audit());
            }
        }
    }
}
