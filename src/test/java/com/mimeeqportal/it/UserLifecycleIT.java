package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users, sign-in protection and sessions end to end (issue 4): lockout, the account admin's user
 * management, one's own password, and the operator's suspension of a tenant. The server runs with a
 * 5-second lockout base (arquillian.xml). Every test makes its own tenant.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserLifecycleIT {

    private static final String FAILED = "Invalid username or password.";
    private static final String NEW_PASSWORD = "violet-tram-47-ledger";
    private static final long LOCKOUT_BASE_MILLIS = 5_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    URI base;

    @BeforeEach
    void base() {
        base = Fixtures.uri(url);
    }

    @Test
    void sixWrongPasswordsLockTheAccountUntilTheLockPasses() throws InterruptedException {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient guesser = new PortalClient(base);
        List<String> messages = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            PortalClient.Page wrong = signIn(guesser, tenant.adminUsername(), "wrong-password-" + i);
            assertEquals(401, wrong.status(), "attempt " + i);
            messages.add(wrong.html().select("p.alert").text());
        }
        PortalClient.Page rightButLocked = signIn(guesser, tenant.adminUsername(), tenant.adminPassword());
        assertEquals(401, rightButLocked.status(), "the right password is refused while locked");
        messages.add(rightButLocked.html().select("p.alert").text());
        messages.add(signIn(guesser, "nobody-" + UUID.randomUUID() + "@it.example", "whatever-pw").html()
                .select("p.alert").text());
        assertTrue(messages.stream().allMatch(FAILED::equals), "one message for every failure: " + messages);

        Thread.sleep(LOCKOUT_BASE_MILLIS + 1_000);
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());

        List<Element> rows = PortalIT.auditRows(admin);
        assertEquals(5, count(rows, "LOGIN_ERROR", "INVALID_CREDENTIALS"), "each wrong password before the lock");
        assertEquals(2, count(rows, "LOGIN_ERROR", "ACCOUNT_LOCKED"), "the sixth and the right one while locked");
        assertEquals(1, rows.stream().filter(r -> r.attr("data-type").equals("LOGIN_LOCKOUT")).count());
    }

    @Test
    void aNewUserSignsInWithTheOneTimePasswordAndMustChangeIt() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        String username = "sales-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        String oneTime = createUser(admin, username, "SALES");

        PortalClient sales = new PortalClient(base);
        PortalClient.Page signIn = signIn(sales, username, oneTime);
        assertEquals(302, signIn.status());
        assertTrue(signIn.location().endsWith("/account/password"), signIn.location());
        PortalClient.Page catalog = sales.get("/catalog");
        assertEquals(302, catalog.status(), "kept on the password page");
        assertTrue(catalog.location().endsWith("/account/password"), catalog.location());

        PortalClient.Page common = changePassword(sales, oneTime, "Password1234", false);
        assertEquals(400, common.status());
        assertEquals("This password is too common; choose another.",
                common.html().select("#newPassword-msg").text());
        PortalClient.Page mismatch = sales.submit("/account/password", "/account/password", Map.of(
                "currentPassword", oneTime, "newPassword", NEW_PASSWORD, "confirmPassword", NEW_PASSWORD + "x"));
        assertEquals(400, mismatch.status());
        assertFalse(mismatch.html().select("#confirmPassword-msg").text().isBlank());

        assertEquals(302, changePassword(sales, oneTime, NEW_PASSWORD, false).status());
        assertEquals(200, sales.get("/").status(), "free to go once changed");
        PortalClient again = new PortalClient(base);
        PortalClient.Page second = signIn(again, username, NEW_PASSWORD);
        assertEquals(302, second.status());
        assertFalse(second.location().endsWith("/account/password"), second.location());

        assertEquals(403, sales.get("/admin/users").status(), "SALES may not manage users");
        PortalClient.Page anonymous = new PortalClient(base).get("/admin/users");
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().contains("/login"), anonymous.location());
        assertTrue(auditTypes(admin).contains("USER_CREATE"));
    }

    @Test
    void aResetPasswordEndsTheUsersSessionAndMustBeChanged() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        String username = newUser(admin, "SALES");
        PortalClient sales = signedInWithOwnPassword(username, createdPasswords.get(username));

        PortalClient.Page reset = admin.submit("/admin/users", "/admin/users/" + userId(admin, username)
                + "/reset-password", Map.of());
        assertEquals(200, reset.status(), reset.text());
        String oneTime = reset.html().select("code.one-time-password").text();
        assertFalse(oneTime.isBlank());

        PortalClient.Page next = sales.get("/");
        assertEquals(302, next.status(), "the user's open session ended");
        assertTrue(next.location().contains("/login"), next.location());
        assertEquals(401, signIn(new PortalClient(base), username, NEW_PASSWORD).status(), "the old password is gone");
        PortalClient.Page withOneTime = signIn(new PortalClient(base), username, oneTime);
        assertEquals(302, withOneTime.status());
        assertTrue(withOneTime.location().endsWith("/account/password"));
        assertTrue(auditTypes(admin).contains("USER_PASSWORD_RESET"));
    }

    @Test
    void aDisabledUsersSessionStopsAtTheNextRequestAndEnablingLetsThemBackIn() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        String username = newUser(admin, "SALES");
        PortalClient sales = signedInWithOwnPassword(username, createdPasswords.get(username));
        assertEquals(200, sales.get("/").status());

        assertEquals(302, userAction(admin, username, "disable", Map.of()).status());
        PortalClient.Page next = sales.get("/");
        assertEquals(302, next.status());
        assertTrue(next.location().contains("/login?ended"), next.location());
        assertEquals(302, sales.get("/").status(), "and stays ended");
        PortalClient.Page refused = signIn(new PortalClient(base), username, NEW_PASSWORD);
        assertEquals(401, refused.status());
        assertEquals(FAILED, refused.html().select("p.alert").text());

        assertEquals(302, userAction(admin, username, "enable", Map.of()).status());
        assertEquals(302, signIn(new PortalClient(base), username, NEW_PASSWORD).status());
        List<String> types = auditTypes(admin);
        assertTrue(types.contains("USER_DISABLE") && types.contains("USER_ENABLE") && types.contains("SESSION_END"),
                types.toString());
    }

    @Test
    void anAdminUnlocksALockedUser() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        String username = newUser(admin, "SALES");
        signedInWithOwnPassword(username, createdPasswords.get(username));
        PortalClient guesser = new PortalClient(base);
        for (int i = 0; i < 5; i++) {
            signIn(guesser, username, "wrong-password-" + i);
        }
        assertFalse(row(admin, username).select("td.locked-until").text().isBlank(), "the list shows the lock");

        assertEquals(302, userAction(admin, username, "unlock", Map.of()).status());
        assertTrue(row(admin, username).select("td.locked-until").text().isBlank());
        assertEquals(302, signIn(new PortalClient(base), username, NEW_PASSWORD).status());
        assertTrue(auditTypes(admin).contains("USER_UNLOCK"));
    }

    @Test
    void theLastActiveAdminCannotBeRemovedAndRolesChange() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());

        PortalClient.Page disableSelf = userAction(admin, tenant.adminUsername(), "disable", Map.of());
        assertEquals(409, disableSelf.status());
        assertTrue(disableSelf.html().select("p.alert").text().contains("last active account admin"));
        assertEquals(409, userAction(admin, tenant.adminUsername(), "role", Map.of("role", "SALES")).status());
        assertEquals("true", row(admin, tenant.adminUsername()).attr("data-enabled"));

        String other = newUser(admin, "SALES");
        PortalClient otherSession = signedInWithOwnPassword(other, createdPasswords.get(other));
        assertEquals(403, otherSession.get("/admin/users").status());
        assertEquals(302, userAction(admin, other, "role", Map.of("role", "ACCOUNT_ADMIN")).status());
        assertEquals("ACCOUNT_ADMIN", row(admin, other).attr("data-role"));
        assertEquals(302, otherSession.get("/").status(), "a role change ends the sessions holding the old role");
        PortalClient promoted = Fixtures.signedIn(base, other, NEW_PASSWORD);
        assertEquals(200, promoted.get("/admin/users").status());

        assertEquals(302, userAction(promoted, tenant.adminUsername(), "role", Map.of("role", "SALES")).status(),
                "with another admin, the first may be demoted");
        assertEquals(409, userAction(promoted, other, "disable", Map.of()).status(), "but not the last one");
        List<String> types = auditTypes(promoted);
        assertTrue(types.contains("USER_ROLE_CHANGE") && types.contains("USER_DISABLE_ERROR"), types.toString());
        assertEquals(400, userAction(promoted, other, "role", Map.of("role", "OPERATOR")).status());
    }

    @Test
    void anotherTenantsUserIdAnswers404AndIsAudited() {
        Fixtures.NewTenant mine = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        Fixtures.NewTenant theirs = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient me = Fixtures.signedIn(base, mine.adminUsername(), mine.adminPassword());
        PortalClient them = Fixtures.signedIn(base, theirs.adminUsername(), theirs.adminPassword());
        String theirId = userId(them, theirs.adminUsername());

        for (String action : List.of("disable", "reset-password", "unlock", "enable")) {
            assertEquals(404, me.submit("/admin/users", "/admin/users/" + theirId + "/" + action, Map.of()).status(),
                    action);
        }
        assertEquals(404, me.submit("/admin/users", "/admin/users/not-an-id/disable", Map.of()).status());
        assertTrue(me.get("/admin/users").html().select("table.users tbody tr").stream()
                .noneMatch(r -> r.attr("data-user-id").equals(theirId)));
        assertEquals(200, them.get("/admin/users").status(), "their admin was not touched");
        assertTrue(PortalIT.auditRows(me).stream().anyMatch(r -> r.attr("data-type").equals("ACCESS_DENIED")));
    }

    @Test
    void aSuspendedTenantsUsersCannotSignInAndTheirSessionsStop() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        assertEquals(200, admin.get("/admin/users").status());
        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        String tenantId = tenantRow(operator, tenant.name()).attr("data-tenant-id");

        assertEquals(302, operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/suspend", Map.of())
                .status());
        assertEquals("SUSPENDED", tenantRow(operator, tenant.name()).attr("data-status"));
        PortalClient.Page next = admin.get("/admin/users");
        assertEquals(302, next.status(), "the open session stopped");
        assertTrue(next.location().contains("/login"), next.location());
        PortalClient.Page refused = signIn(new PortalClient(base), tenant.adminUsername(), tenant.adminPassword());
        assertEquals(401, refused.status());
        assertEquals(FAILED, refused.html().select("p.alert").text());

        assertEquals(302, operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/resume", Map.of())
                .status());
        String newName = tenant.name() + " renamed";
        assertEquals(302, operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/rename",
                Map.of("name", newName)).status());
        assertEquals("ACTIVE", tenantRow(operator, newName).attr("data-status"));
        assertEquals(400, operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/rename",
                Map.of("name", "")).status());
        Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        List<String> types = operator.get("/operator/audit").html().select("table.audit tbody tr").eachAttr("data-type");
        assertTrue(types.containsAll(List.of("TENANT_SUSPEND", "TENANT_RESUME", "TENANT_UPDATE")), types.toString());
    }

    @Test
    void changingOnesPasswordCanSignOutTheOtherSessions() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient here = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        PortalClient elsewhere = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        PortalClient.Page wrongCurrent = changePassword(here, "not-my-password", NEW_PASSWORD, true);
        assertEquals(400, wrongCurrent.status());
        assertFalse(wrongCurrent.html().select("#currentPassword-msg").text().isBlank());
        PortalClient.Page isUsername = changePassword(here, tenant.adminPassword(), tenant.adminUsername(), true);
        assertEquals(400, isUsername.status());
        assertFalse(isUsername.html().select("#newPassword-msg").text().isBlank());

        PortalClient.Page changed = changePassword(here, tenant.adminPassword(), NEW_PASSWORD, true);
        assertEquals(302, changed.status(), changed.text());
        assertEquals(200, here.get("/admin/users").status(), "this session goes on");
        PortalClient.Page other = elsewhere.get("/admin/users");
        assertEquals(302, other.status(), "the other session ended");
        assertEquals(302, signIn(new PortalClient(base), tenant.adminUsername(), NEW_PASSWORD).status());
        assertTrue(auditTypes(here).contains("USER_PASSWORD_CHANGE"));
    }

    // --- helpers ---

    private final Map<String, String> createdPasswords = new HashMap<>();

    private static PortalClient.Page signIn(PortalClient client, String username, String password) {
        return client.submit("/login", "/login", Map.of("username", username, "password", password));
    }

    private static String createUser(PortalClient admin, String username, String role) {
        PortalClient.Page created = admin.submit("/admin/users", "/admin/users", Map.of("username", username, "role", role));
        assertEquals(201, created.status(), created.text());
        String password = created.html().select("code.one-time-password").text();
        assertFalse(password.isBlank());
        return password;
    }

    private String newUser(PortalClient admin, String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        createdPasswords.put(username, createUser(admin, username, role));
        return username;
    }

    /** Signs in with the one-time password and replaces it with {@link #NEW_PASSWORD}. */
    private PortalClient signedInWithOwnPassword(String username, String oneTime) {
        PortalClient client = Fixtures.signedIn(base, username, oneTime);
        assertEquals(302, changePassword(client, oneTime, NEW_PASSWORD, false).status());
        return client;
    }

    private static PortalClient.Page changePassword(PortalClient client, String current, String next, boolean signOutOthers) {
        Map<String, String> fields = new HashMap<>(Map.of("currentPassword", current, "newPassword", next,
                "confirmPassword", next));
        if (signOutOthers) {
            fields.put("signOutOthers", "yes");
        }
        return client.submit("/account/password", "/account/password", fields);
    }

    private static PortalClient.Page userAction(PortalClient admin, String username, String action, Map<String, String> fields) {
        return admin.submit("/admin/users", "/admin/users/" + userId(admin, username) + "/" + action, fields);
    }

    private static Element row(PortalClient admin, String username) {
        return admin.get("/admin/users").html().select("table.users tbody tr").stream()
                .filter(r -> r.attr("data-username").equals(username)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + username));
    }

    private static String userId(PortalClient admin, String username) {
        return row(admin, username).attr("data-user-id");
    }

    private static Element tenantRow(PortalClient operator, String name) {
        return operator.get("/operator/tenants").html().select("tr[data-tenant-id]").stream()
                .filter(r -> r.attr("data-tenant-name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for tenant " + name));
    }

    private static List<String> auditTypes(PortalClient admin) {
        return PortalIT.auditRows(admin).stream().map(r -> r.attr("data-type")).toList();
    }

    private static long count(List<Element> rows, String type, String reason) {
        return rows.stream().filter(r -> r.attr("data-type").equals(type) && r.select("td.reason").text().equals(reason))
                .count();
    }
}
