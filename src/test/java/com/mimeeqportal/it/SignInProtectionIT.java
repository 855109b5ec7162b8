package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in under attack (issue 9, items 3 to 5), from outside. Clients on other loopback addresses
 * (127.0.0.x) stand for other machines: the portal sees their own address. The managed server allows
 * 60 sign-in failures a minute per address and locks for 5 seconds (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInProtectionIT {

    private static final int PER_CLIENT_PER_MINUTE = 60;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    /** portal.login.refusal-delay-ms in arquillian.xml. */
    private static final long REFUSAL_DELAY_MILLIS = 100;

    @ArquillianResource
    URL url;

    URI base;

    @BeforeEach
    void base() {
        base = Fixtures.uri(url);
    }

    @Test
    void aFloodOfWrongSignInsFromOneAddressNeitherLocksOutTheOperatorNorGrowsTheSystemChainWithoutBound()
            throws Exception {
        long systemBefore = systemChainLength();
        int flood = 400;
        List<PortalClient.Page> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PortalClient.Page>> sent = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                PortalClient attacker = new PortalClient(base, "127.0.0.2");
                String token = attacker.get("/login").html().select("input[name=_csrf]").attr("value");
                for (int i = 0; i < flood / 4; i++) {
                    int n = t * 1000 + i;
                    sent.add(pool.submit(() -> attacker.post("/login",
                            Map.of("_csrf", token, "username", "operator", "password", "guess-" + n))));
                }
            }
            for (Future<PortalClient.Page> answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long throttled = answers.stream().filter(a -> a.status() == 429).count();
        long refused = answers.stream().filter(a -> a.status() == 401).count();
        assertEquals(flood, throttled + refused, "every guess is refused, none signs in");
        assertTrue(throttled >= flood - 2L * PER_CLIENT_PER_MINUTE, "the per-client limit stops the flood: " + throttled);
        PortalClient.Page tooMany = answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
        assertNotNull(tooMany.header("Retry-After"), "429 says when to try again");
        assertTrue(Integer.parseInt(tooMany.header("Retry-After")) >= 1);
        assertTrue(tooMany.text().contains("Too many sign-in attempts"), tooMany.text());
        // The refusal is held back (portal.login.refusal-delay-ms, 100 ms on this server), so a flood that waits
        // for its answers slows itself down.
        PortalClient stillFlooding = new PortalClient(base, "127.0.0.2");
        String token = stillFlooding.get("/login").html().select("input[name=_csrf]").attr("value");
        // The bucket refills one attempt a second meanwhile (60 a minute here), so guess on until one is throttled.
        PortalClient.Page held = null;
        long heldMillis = 0;
        for (int i = 0; i < 2 * PER_CLIENT_PER_MINUTE && (held == null || held.status() != 429); i++) {
            long started = System.nanoTime();
            held = stillFlooding.post("/login", Map.of("_csrf", token, "username", "operator", "password", "again-" + i));
            heldMillis = (System.nanoTime() - started) / 1_000_000;
        }
        assertEquals(429, held.status());
        assertTrue(heldMillis >= REFUSAL_DELAY_MILLIS, "the refusal came after " + heldMillis + " ms");
        assertTrue(held.text().contains("Too many sign-in attempts"), "and its page came whole: " + held.text());

        PortalClient theRealOperator = new PortalClient(base, "127.0.0.1");
        theRealOperator.signIn("operator", Fixtures.OPERATOR_PASSWORD);
        assertEquals(200, theRealOperator.get("/operator/tenants").status(), "the operator is not locked out");

        long grown = systemChainLength() - systemBefore;
        // At most ten single entries and one summary per address and minute, plus the lockouts (5, 10, 20 …
        // seconds in this server) and the operator's own entries.
        assertTrue(grown < 80, "the system chain grew by " + grown + " entries for " + flood + " failed sign-ins");
    }

    @Test
    void theLockoutOfOneAddressDoesNotKeepTheOwnerOutAndTheOperatorUnlocksATenantsAdmins() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient guesser = new PortalClient(base, "127.0.0.3");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(guesser, tenant.adminUsername(), "wrong-password-" + i).status());
        }
        assertEquals(401, signIn(guesser, tenant.adminUsername(), tenant.adminPassword()).status(),
                "the guesser's address is locked, right password or not");

        PortalClient owner = new PortalClient(base, "127.0.0.4");
        assertEquals(302, signIn(owner, tenant.adminUsername(), tenant.adminPassword()).status(),
                "the owner at another address signs in");

        PortalClient operator = new PortalClient(base, "127.0.0.1");
        operator.signIn("operator", Fixtures.OPERATOR_PASSWORD);
        String tenantId = operator.get("/operator/tenants").html()
                .select("tr[data-tenant-name=" + tenant.name() + "]").attr("data-tenant-id");
        PortalClient.Page unlocked = operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/unlock-admins",
                Map.of());
        assertEquals(302, unlocked.status(), unlocked.text());
        assertEquals(302, signIn(new PortalClient(base, "127.0.0.3"), tenant.adminUsername(), tenant.adminPassword())
                .status(), "the operator lifted the lock of every address");
        assertTrue(owner.get("/admin/audit?range=24h&type=USER_UNLOCK").html().select("table.audit tbody tr").size() >= 1,
                "the tenant's own log says the operator unlocked its admins");
    }

    @Test
    void guessingTheCurrentPasswordOnThePasswordPageLocksLikeSignIn() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient thief = new PortalClient(base, "127.0.0.5");
        thief.signIn(tenant.adminUsername(), tenant.adminPassword());
        for (int i = 0; i < 5; i++) {
            PortalClient.Page wrong = changePassword(thief, "guess-number-" + i);
            assertEquals(400, wrong.status());
        }
        PortalClient.Page right = changePassword(thief, tenant.adminPassword());
        assertEquals(400, right.status(), "the sixth try is refused unchecked, even the right password");
        assertTrue(right.text().contains("Too many wrong passwords"), right.text());
        assertEquals(401, signIn(new PortalClient(base, "127.0.0.5"), tenant.adminUsername(), tenant.adminPassword())
                .status(), "the same lockout as sign-in");
        assertEquals(302, signIn(new PortalClient(base, "127.0.0.6"), tenant.adminUsername(), tenant.adminPassword())
                .status());
    }

    @Test
    void noSessionIsStartedBeforeSignIn() {
        PortalClient visitor = new PortalClient(base, "127.0.0.7");
        // Protected pages too: they send an anonymous visitor to /login without keeping the request in a session.
        for (String path : List.of("/no-such-page", "/error", "/static/portal.css", "/login?signedOut", "/catalog",
                "/admin/users", "/operator/tenants")) {
            PortalClient.Page page = new PortalClient(base, "127.0.0.7").get(path);
            if (path.startsWith("/catalog") || path.startsWith("/admin") || path.startsWith("/operator")) {
                assertEquals(302, page.status(), path);
                assertTrue(page.header("Location").endsWith("/login"), path + " sends to the sign-in page");
            }
            assertFalse(PortalClient.setsCookie(page), path + " started a session: " + page.header("Set-Cookie"));
        }
        PortalClient.Page login = visitor.get("/login");
        assertFalse(PortalClient.setsCookie(login), "the login form's CSRF token is a cookie of its own");
        PortalClient.Page signedIn = visitor.submit("/login", "/login", Map.of("username", "sales@demo.example",
                "password", Fixtures.SALES_PASSWORD));
        assertEquals(302, signedIn.status(), signedIn.text());
        assertTrue(PortalClient.setsCookie(signedIn), "the session starts at sign-in");
    }

    @Test
    void aGeneratedOneTimePasswordMustBeChangedAtTheFirstSignIn() {
        PortalClient operator = new PortalClient(base, "127.0.0.1");
        operator.signIn("operator", Fixtures.OPERATOR_PASSWORD);
        String admin = "first-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        PortalClient.Page created = operator.submit("/operator/tenants", "/operator/tenants", Map.of(
                "name", "OTP " + admin, "baseUrl", Fixtures.sandboxUrl(base), "adminUsername", admin));
        String oneTime = created.html().select("code.one-time-password").text();
        PortalClient first = new PortalClient(base, "127.0.0.8");
        PortalClient.Page signedIn = signIn(first, admin, oneTime);
        assertEquals(302, signedIn.status());
        assertTrue(signedIn.location().endsWith("/account/password"), signedIn.location());
        assertTrue(first.get("/admin/users").location().endsWith("/account/password"), "no other page until changed");
    }

    private long systemChainLength() {
        PortalClient operator = new PortalClient(base, "127.0.0.1");
        operator.signIn("operator", Fixtures.OPERATOR_PASSWORD);
        PortalClient.Page export = operator.get("/operator/audit/export?format=jsonl&range=24h");
        assertEquals(200, export.status(), export.text());
        return export.body().lines().filter(line -> !line.isBlank()).count();
    }

    private static PortalClient.Page signIn(PortalClient client, String username, String password) {
        return client.submit("/login", "/login", Map.of("username", username, "password", password));
    }

    private static PortalClient.Page changePassword(PortalClient client, String current) {
        return client.submit("/account/password", "/account/password", Map.of("currentPassword", current,
                "newPassword", "brand-new-password-42", "confirmPassword", "brand-new-password-42"));
    }
}
