package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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

    /**
     * The HTTP listener's keep-alive timeout is 5 s (pre-boot-commands.asadmin): Payara's idle-timeout filter holds
     * every connection, closed or not, until that timeout has passed, so it sets how long a storm of short connections
     * stays on the heap (docs/operations.md). With Payara's default of 30 s, the idle connection below would stay
     * open past the read's 15 s limit.
     */
    @Test
    void anIdleKeptAliveConnectionServesAgainAndIsClosedAfterFiveSeconds() throws Exception {
        URI base = Fixtures.uri(url);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            String request = "HEAD " + base.getRawPath() + "login HTTP/1.1\r\nHost: " + base.getRawAuthority()
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(headers(socket.getInputStream()).startsWith("HTTP/1.1 200"));
            Thread.sleep(1_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(headers(socket.getInputStream()).startsWith("HTTP/1.1 200"), "kept alive for a second");
            long idleSince = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "closed by the portal, nothing more sent");
            long idleSeconds = Duration.ofNanos(System.nanoTime() - idleSince).toSeconds();
            assertTrue(idleSeconds >= 3 && idleSeconds <= 10, "closed after " + idleSeconds + " s idle");
        }
    }

    /** A response's status line and headers, up to the blank line (a HEAD response has no body). */
    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int last4 = 0;
        for (int b; (b = in.read()) >= 0; ) {
            read.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) {
                return read.toString(StandardCharsets.ISO_8859_1);
            }
        }
        throw new IOException("connection closed inside a response: " + read.toString(StandardCharsets.ISO_8859_1));
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
