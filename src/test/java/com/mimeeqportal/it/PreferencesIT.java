package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user's language and time zone are kept on the account: chosen in one browser, they are there again after
 * signing out and in from a fresh cookie jar, while another user of the same tenant keeps the defaults. The
 * account's choice comes before the language cookie of the browser; bad values are refused with 400. Each
 * test makes a tenant and users of its own, so that no other test's demo users change language.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PreferencesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    URI base;
    Fixtures.NewTenant tenant;
    String salesName;
    String salesPassword;

    @BeforeEach
    void tenantWithTwoUsers() {
        base = Fixtures.uri(url);
        tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        salesName = "sales-" + UUID.randomUUID().toString().substring(0, 8) + "@prefs.example";
        PortalClient.Page created = admin.submit("/admin/users", "/admin/users", Map.of("username", salesName, "role", "SALES"));
        assertEquals(201, created.status(), created.text());
        salesPassword = Fixtures.ownPassword(base, salesName, created.html().select("code.one-time-password").text());
    }

    @Test
    void theChoiceIsKeptOnTheAccountAcrossSignInsAndBrowsers() {
        PortalClient first = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        assertEquals("en", language(first.get("/account/password")));
        PortalClient.Page saved = first.submit("/account/password", "/preferences",
                Map.of("lang", "pl", "zone", "Europe/Warsaw", "back", "/account/password"));
        assertEquals(302, saved.status(), saved.text());
        PortalClient.Page settings = first.get("/account/password");
        assertEquals("pl", language(settings), "the next page is in the chosen language");
        assertEquals("Europe/Warsaw", settings.html().select("select#zone option[selected]").val());
        signOut(first);

        PortalClient fresh = new PortalClient(base); // another browser: no cookie of the first one
        assertEquals("en", language(fresh.get("/login")), "signed out, the account's choice is not known");
        fresh.signIn(tenant.adminUsername(), tenant.adminPassword());
        PortalClient.Page again = fresh.get("/account/password");
        assertEquals("pl", language(again), "kept on the account");
        assertEquals("Europe/Warsaw", again.html().select("select#zone option[selected]").val());
        assertTrue(fresh.get("/admin/audit").text().contains("Europe/Warsaw"), "times are shown in the chosen zone");

        PortalClient other = Fixtures.signedIn(base, salesName, salesPassword);
        PortalClient.Page othersPage = other.get("/account/password");
        assertEquals("en", language(othersPage), "another user of the tenant is unaffected");
        assertEquals("UTC", othersPage.html().select("select#zone option[selected]").val());

        PortalClient parallel = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        assertEquals("pl", language(parallel.get("/")));
        PortalClient.Page switched = fresh.submit("/", "/preferences", Map.of("lang", "de", "back", "/"));
        assertEquals(302, switched.status(), "the header's switch sends the language only");
        PortalClient.Page afterSwitch = fresh.get("/account/password");
        assertEquals("de", language(afterSwitch));
        assertEquals("Europe/Warsaw", afterSwitch.html().select("select#zone option[selected]").val(),
                "a change of language keeps the zone");
        assertEquals("de", language(parallel.get("/")), "the user's other session follows from its next page");
    }

    @Test
    void theAccountsChoiceComesBeforeTheBrowsersCookie() {
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        assertEquals(302, admin.submit("/", "/preferences", Map.of("lang", "pl", "back", "/")).status());

        PortalClient german = new PortalClient(base);
        assertEquals(302, german.get("/preferences?lang=de&back=/login").status());
        assertEquals("de", language(german.get("/login")), "signed out: the cookie");
        german.signIn(tenant.adminUsername(), tenant.adminPassword());
        assertEquals("pl", language(german.get("/")), "signed in: the account's choice wins over the cookie");
        signOut(german);
        assertEquals("de", language(german.get("/login")), "the browser's cookie is left as it was");
        german.signIn(salesName, salesPassword);
        assertEquals("de", language(german.get("/")), "a user who chose nothing: the cookie");
    }

    @Test
    void valuesNotOfferedAreRefusedWithAMessageAndChangeNothing() {
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        PortalClient.Page language = admin.submit("/account/password", "/preferences",
                Map.of("lang", "fr", "back", "/account/password"));
        assertEquals(400, language.status());
        assertTrue(language.text().contains("Choose one of the languages offered"), language.text());
        assertFalse(language.body().contains("\"fr\""));
        PortalClient.Page zone = admin.submit("/account/password", "/preferences",
                Map.of("zone", "Mars/Olympus", "back", "/account/password"));
        assertEquals(400, zone.status());
        assertTrue(zone.text().contains("Choose a time zone from the list"), zone.text());
        assertFalse(zone.text().contains("Mars/Olympus"), "the refused value is not echoed");
        PortalClient.Page unchanged = admin.get("/account/password");
        assertEquals("en", language(unchanged));
        assertEquals("UTC", unchanged.html().select("select#zone option[selected]").val());

        assertEquals(400, new PortalClient(base).get("/preferences?lang=xx").status(), "signed out too");
    }

    private static String language(PortalClient.Page page) {
        assertEquals(200, page.status(), page.text());
        return page.html().select("html").attr("lang");
    }

    private static void signOut(PortalClient client) {
        assertEquals(302, client.submit("/", "/logout", Map.of()).status());
    }
}
