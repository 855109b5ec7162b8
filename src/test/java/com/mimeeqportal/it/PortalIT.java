package com.mimeeqportal.it;

import static com.mimeeqportal.it.Fixtures.ADMIN_PASSWORD;
import static com.mimeeqportal.it.Fixtures.SALES_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The walking skeleton end to end, over HTTP against the real WAR on Payara Micro: sign-in, the key,
 * the catalog served by the sandbox over loopback HTTP, the audit log, roles and tenants. Every test
 * sets up its own tenant through the operator's page, so none depends on another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

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
    void demoAdminSignsInAndSeesTheSandboxCatalog() {
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        PortalClient.Page catalog = admin.get("/catalog");
        assertEquals(200, catalog.status(), catalog.text());
        assertTrue(catalogSize(catalog) >= 200, catalog.text());
        assertEquals(25, catalog.html().select("table.products tbody tr").size());
        assertTrue(catalog.text().contains("Demo Furniture"));
        PortalClient.Page search = admin.get("/catalog?q=" + firstCode(catalog));
        assertTrue(search.html().select("table.products tbody tr").size() >= 1);
        PortalClient.Page secondPage = admin.get("/catalog?page=2");
        assertEquals(200, secondPage.status());
        assertNotEquals(firstCode(catalog), firstCode(secondPage));
    }

    @Test
    void adminSetsAKeySeesTheCatalogAndFindsTheAuditEntries() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());

        PortalClient.Page noKey = admin.get("/catalog");
        assertEquals(409, noKey.status());
        assertTrue(noKey.text().contains("No Mimeeq API key is set"), noKey.text());

        String key = Fixtures.sandboxKey(base, "acme-office");
        Fixtures.setKey(admin, key);
        PortalClient.Page keyPage = admin.get("/admin/api-key?saved");
        assertEquals(key.substring(key.length() - 4), keyPage.html().select("dd.last4").text());
        assertFalse(keyPage.html().select("dd.fingerprint").text().isBlank());
        assertEquals("", keyPage.html().select("input[name=apiKey]").attr("value"), "the key field is write-only");

        PortalClient.Page catalog = admin.get("/catalog");
        assertEquals(200, catalog.status(), catalog.text());
        assertTrue(catalogSize(catalog) >= 200);
        String correlationId = catalog.header("X-Correlation-Id");

        List<Element> rows = auditRows(admin);
        Element call = rows.stream().filter(r -> correlationId.equals(r.select("td.correlation").text()))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry for the catalog call"));
        assertEquals("MIMEEQ_CALL", call.attr("data-type"));
        assertEquals("SUCCESS", call.attr("data-outcome"));
        assertEquals("200", call.select("td.status").text());
        assertEquals("get-products-general-info", call.select("td.target").text());
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("MIMEEQ_CALL_ERROR")
                && r.select("td.reason").text().equals("NO_KEY")));
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("API_KEY_SET")));
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("LOGIN")));
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("USER_CREATE")));
        assertTrue(admin.pagesSeen().stream().noneMatch(page -> page.contains(key)), "the key is on no page");
    }

    @Test
    void aWrongKeyGivesAClearPageAndAnAuditEntryWith401() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        Fixtures.setKey(admin, "wrong-key-0000000000");

        PortalClient.Page catalog = admin.get("/catalog");
        assertEquals(502, catalog.status());
        assertTrue(catalog.text().contains("Mimeeq rejected the API key"), catalog.text());
        assertTrue(catalog.text().contains("An account admin must set a new one"), catalog.text());
        assertEquals("Invalid API Key", catalog.html().select("q").text(), "Mimeeq's own words, escaped");

        Element call = auditRows(admin).stream()
                .filter(r -> r.select("td.correlation").text().equals(catalog.header("X-Correlation-Id")))
                .findFirst().orElseThrow();
        assertEquals("MIMEEQ_CALL_ERROR", call.attr("data-type"));
        assertEquals("401", call.select("td.status").text());
        assertEquals("INVALID_KEY", call.select("td.reason").text());

        PortalClient sales = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD);
        assertEquals(200, sales.get("/catalog").status(), "another tenant is not affected");
    }

    @Test
    void salesStaffAndOtherRolesAreKeptOutOfPagesThatAreNotTheirs() {
        PortalClient sales = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD);
        for (String path : List.of("/admin/api-key", "/admin/audit", "/operator/tenants", "/operator/audit",
                "/operator/keyset")) {
            assertEquals(403, sales.get(path).status(), path);
        }
        PortalClient.Page post = sales.submit("/catalog", "/admin/api-key", Map.of("apiKey", "stolen-key-000000"));
        assertEquals(403, post.status());
        assertEquals(200, sales.get("/catalog").status());

        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        assertTrue(auditRows(admin).stream().anyMatch(r -> r.attr("data-type").equals("ACCESS_DENIED")
                && r.select("td.target").text().equals("/admin/api-key")), "a refused page is audited");
        assertEquals(403, admin.get("/operator/tenants").status());
        assertEquals(403, admin.get("/operator/keyset").status());
        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        assertEquals(403, operator.get("/catalog").status(), "the operator never sees a tenant's catalog");
        assertEquals(403, operator.get("/admin/api-key").status());

        PortalClient anonymous = new PortalClient(base);
        for (String path : List.of("/", "/catalog", "/admin/api-key", "/admin/audit", "/operator/tenants",
                "/operator/keyset")) {
            PortalClient.Page page = anonymous.get(path);
            assertEquals(302, page.status(), path);
            assertTrue(page.location().endsWith("/login"), page.location());
        }
    }

    @Test
    void aTenantSeesNothingOfAnotherTenantWhateverTheUrlSays() {
        Fixtures.NewTenant a = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        Fixtures.NewTenant b = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient adminA = Fixtures.signedIn(base, a.adminUsername(), a.adminPassword());
        Fixtures.setKey(adminA, Fixtures.sandboxKey(base, "nordic-living"));
        String callOfA = adminA.get("/catalog").header("X-Correlation-Id");

        PortalClient adminB = Fixtures.signedIn(base, b.adminUsername(), b.adminPassword());
        String nameOfA = java.net.URLEncoder.encode(a.name(), java.nio.charset.StandardCharsets.UTF_8);
        for (String path : List.of("/catalog", "/catalog?tenant=" + nameOfA, "/catalog?tenantId=" + nameOfA)) {
            PortalClient.Page page = adminB.get(path);
            assertEquals(409, page.status(), "B has no key, whatever the URL says: " + path);
            assertTrue(page.html().select("table.products").isEmpty());
        }
        for (String path : List.of("/admin/audit", "/admin/audit?tenant=" + nameOfA, "/operator/audit")) {
            PortalClient.Page page = adminB.get(path);
            assertFalse(page.body().contains(callOfA), path);
            assertFalse(page.body().contains(a.adminUsername()), path);
        }
        assertTrue(auditRows(adminA).stream().anyMatch(r -> r.select("td.correlation").text().equals(callOfA)));
    }

    @Test
    void signInGetsANewSessionAndSignOutEndsIt() {
        PortalClient client = new PortalClient(base);
        client.plantCookie("JSESSIONID", "chosen-by-an-attacker");
        client.get("/login");
        assertEquals("chosen-by-an-attacker", client.sessionId(), "the sign-in form starts no session");
        client.signIn("sales@demo.example", SALES_PASSWORD);
        String first = client.sessionId();
        assertNotEquals("chosen-by-an-attacker", first, "no session fixation");
        assertEquals(200, client.get("/").status());

        PortalClient.Page out = client.submit("/", "/logout", Map.of());
        assertEquals(302, out.status());
        assertEquals(302, client.get("/catalog").status(), "the old session no longer opens pages");
        client.signIn("sales@demo.example", SALES_PASSWORD);
        assertNotEquals(first, client.sessionId(), "a new session at the next sign-in");
    }

    @Test
    void everyPostNeedsTheCsrfToken() {
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        String before = admin.get("/admin/api-key").html().select("dd.fingerprint").text();
        PortalClient.Page forged = admin.post("/admin/api-key", Map.of("apiKey", "forged-key-00000000"));
        assertEquals(403, forged.status());
        assertTrue(forged.text().contains("The form has expired"));
        assertEquals(before, admin.get("/admin/api-key").html().select("dd.fingerprint").text());
        assertEquals(403, new PortalClient(base).post("/login",
                Map.of("username", "admin@demo.example", "password", ADMIN_PASSWORD)).status());
    }

    @Test
    void wrongPasswordsGetOneGenericMessage() {
        PortalClient client = new PortalClient(base);
        PortalClient.Page wrong = client.submit("/login", "/login",
                Map.of("username", "admin@demo.example", "password", "not-the-password"));
        PortalClient.Page unknown = client.submit("/login", "/login",
                Map.of("username", "nobody@demo.example", "password", "not-the-password"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals("Invalid username or password.", wrong.html().select("p.alert").text());
        assertEquals(wrong.html().select("p.alert").text(), unknown.html().select("p.alert").text());
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        assertTrue(auditRows(admin).stream().anyMatch(r -> r.attr("data-type").equals("LOGIN_ERROR")
                && r.select("td.reason").text().equals("INVALID_CREDENTIALS")));
    }

    @Test
    void badInputOnTheLoginAndKeyFormsGetsAClearMessageAndNever500() {
        List<String> bad = List.of("", "x".repeat(10_000), "adm\u0001in\u0007", "<script>alert(1)</script>");
        PortalClient anonymous = new PortalClient(base);
        for (String value : bad) {
            PortalClient.Page login = anonymous.submit("/login", "/login", Map.of("username", value, "password", "pw"));
            assertEquals(400, login.status(), "username " + value.length());
            assertFalse(login.html().select("p.error").text().isBlank(), "a field-level message");
            assertFalse(login.body().contains("<script>alert(1)</script>"), "no reflected markup");
        }
        PortalClient.Page longPassword = anonymous.submit("/login", "/login",
                Map.of("username", "admin@demo.example", "password", "p".repeat(10_000)));
        assertEquals(400, longPassword.status());
        assertTrue(longPassword.html().select("p.error").text().contains("too long"));

        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        String fingerprint = admin.get("/admin/api-key").html().select("dd.fingerprint").text();
        for (String value : bad) {
            PortalClient.Page page = admin.submit("/admin/api-key", "/admin/api-key", Map.of("apiKey", value));
            assertEquals(400, page.status(), "key of length " + value.length());
            assertFalse(page.html().select("#apiKey-msg").text().isBlank(), "a field-level message");
            assertFalse(page.body().contains("<script>alert(1)</script>"));
            assertEquals("", page.html().select("input[name=apiKey]").attr("value"), "never echoed");
        }
        assertEquals(fingerprint, admin.get("/admin/api-key").html().select("dd.fingerprint").text(),
                "refused input changed nothing");
        assertEquals(400, admin.get("/catalog?page=-1").status());
        assertEquals(400, admin.get("/catalog?page=1e9").status());
        assertEquals(400, admin.get("/admin/audit?page=abc").status());
    }

    @Test
    void thePlaintextKeyReachesNoPageNoLogAndNoDatabaseFile() throws Exception {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        String key = Fixtures.sandboxKey(base, "acme-office");
        String base64 = java.util.Base64.getEncoder().encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Fixtures.setKey(admin, key);
        for (String path : List.of("/", "/catalog", "/catalog?page=2", "/admin/api-key", "/admin/audit")) {
            admin.get(path);
        }
        String fingerprint = admin.get("/admin/api-key").html().select("dd.fingerprint").text();
        for (String page : admin.pagesSeen()) {
            assertFalse(page.contains(key) || page.contains(base64), "a page shows the key");
        }

        java.nio.file.Path database = Fixtures.itDir().resolve("data/portal.mv.db");
        String stored = waitForFileToContain(database, fingerprint);
        assertFalse(stored.contains(key), "the database file holds the plaintext key");
        assertFalse(stored.contains(base64), "the database file holds the key in Base64");

        try (var logs = java.nio.file.Files.list(Fixtures.itDir().getParent())) {
            List<java.nio.file.Path> logFiles = logs.filter(p -> p.getFileName().toString().startsWith("it-payara.log"))
                    .filter(p -> !p.toString().endsWith(".lck")).toList();
            assertFalse(logFiles.isEmpty(), "the server log is written where arquillian.xml says");
            for (java.nio.file.Path log : logFiles) {
                String text = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(key) || text.contains(base64), "the server log shows the key: " + log);
            }
        }
    }

    /** H2 writes committed pages to its file within about a second; wait until the new row is there. */
    private static String waitForFileToContain(java.nio.file.Path file, String marker) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String text = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            if (text.contains(marker) || System.nanoTime() > deadline) {
                assertTrue(text.contains(marker), "the new key row never reached " + file);
                return text;
            }
            Thread.sleep(250);
        }
    }

    @Test
    void theOperatorsAuditLogHoldsSystemEventsOnly() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        PortalClient.Page audit = operator.get("/operator/audit");
        assertEquals(200, audit.status());
        var types = audit.html().select("table.audit tbody tr").stream().map(r -> r.attr("data-type")).toList();
        // The first page holds the newest entries only; other tests' tenants and retention changes push STARTUP off it.
        assertFalse(operator.get("/operator/audit?range=24h&type=STARTUP").html()
                .select("table.audit tbody tr[data-type=STARTUP]").isEmpty(), "the start-up is in the system chain");
        assertTrue(types.contains("TENANT_CREATE"), types.toString());
        assertFalse(types.contains("USER_CREATE"), "the first admin's creation is in the tenant's own log");
        assertFalse(types.contains("API_KEY_SET"), "no tenant's key events: " + types);
        assertFalse(types.contains("MIMEEQ_CALL"), "no tenant's Mimeeq calls: " + types);
        assertFalse(audit.body().contains(tenant.adminUsername() + "</td>"));
    }

    @Test
    void aPageIsSentInOnePieceWithItsLengthInBytes() {
        PortalClient client = new PortalClient(base);
        client.get("/preferences?lang=pl&back=/login");
        for (PortalClient.Page page : List.of(client.get("/login"),
                Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD).get("/products/lookup"))) {
            assertEquals(200, page.status(), page.text());
            assertEquals(Optional.empty(), page.response().headers().firstValue("Transfer-Encoding"));
            assertEquals(String.valueOf(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                    page.header("Content-Length"), "the length of the page in UTF-8, which has letters of two bytes here");
        }
        assertTrue(client.get("/login").body().contains("ł"), "the Polish sign-in page");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() {
        PortalClient client = new PortalClient(base);
        PortalClient.Page login = client.get("/login");
        PortalClient.Page signedIn = client.submit("/login", "/login",
                Map.of("username", "sales@demo.example", "password", SALES_PASSWORD));
        String cookie = signedIn.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
        assertTrue(login.header("Content-Security-Policy").contains("default-src 'self'"));
    }

    @Test
    void previewImagesAreTheSandboxsOwnLinksWhichABrowserOpensAsTheyAre() {
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        String src = admin.get("/catalog").html().select("table.products img").first().attr("src");
        // The demo tenant calls the sandbox at http://localhost:<this server's port>/sandbox; the portal passes
        // Mimeeq's image addresses on unchanged, and the sandbox builds them on the address it was called at.
        assertTrue(src.startsWith("http://localhost:" + base.getPort() + "/sandbox/images/"), src);
        PortalClient.Page image = new PortalClient(base).get(src);
        assertEquals(200, image.status());
        assertTrue(image.header("Content-Type").startsWith("image/svg+xml"));
    }

    /**
     * Payara's MicroProfile OpenAPI endpoint is switched off (src/main/payara/pre-boot-commands.asadmin):
     * the portal has no public API, and building the document ran the 256 MiB run heap out (a 500).
     * Payara answers 403 for a disabled endpoint; what matters is no document and no server error.
     */
    @Test
    void openApiIsSwitchedOff() {
        PortalClient.Page openApi = new PortalClient(base.resolve("/")).get("/openapi");
        assertEquals(403, openApi.status(), openApi.body());
        assertFalse(openApi.body().contains("openapi:"), "no OpenAPI document");
    }

    @Test
    void readinessReportsTheDatabase() {
        PortalClient.Page ready = new PortalClient(base).get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
    }

    @Test
    void thePricingLinksOpenTheirFormsPrefilledAndAHandTypedQuantityIsChecked() {
        PortalClient sales = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD);
        // "Price it" on the lookup and the short codes, and "Compare sources" on the price page: no error yet.
        PortalClient.Page price = sales.get("/pricing?code=F95SNI");
        assertEquals(200, price.status(), price.text());
        assertEquals("F95SNI", price.html().select("input[name=code]").attr("value"));
        assertTrue(price.html().select("[id$=-msg]").text().isBlank(), price.text());
        PortalClient.Page compare = sales.get("/pricing/compare?code=F95SNI&quantity=3");
        assertEquals(200, compare.status(), compare.text());
        assertEquals("3", compare.html().select("input[name=quantity]").attr("value"));
        assertTrue(compare.html().select("[id$=-msg]").text().isBlank(), compare.text());
        // What a link carries is still checked, and said.
        for (String path : List.of("/pricing?quantity=abc", "/pricing/compare?quantity=0", "/pricing?code=F95SNI&quantity=-1")) {
            PortalClient.Page page = sales.get(path);
            assertEquals(400, page.status(), path);
            assertFalse(page.html().select("#quantity-msg").text().isBlank(), path);
        }
        PortalClient.Page markup = sales.get("/pricing?code=%3Cb%3Ex%3C%2Fb%3E");
        assertEquals(400, markup.status());
        assertFalse(markup.html().select("#code-msg").text().isBlank());
        assertFalse(markup.body().contains("<b>x</b>"), "no reflected markup");
    }

    @Test
    void badInputOnTheMimeeqFormsGetsFieldMessagesAndNever500() {
        PortalClient sales = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD);
        for (String code : List.of("abc", "%3Cscript%3E", "ABCDEFG", "%00%01")) {
            PortalClient.Page lookup = sales.get("/products/lookup?code=" + code);
            assertEquals(400, lookup.status(), code);
            assertFalse(lookup.html().select("#code-msg").text().isBlank());
        }
        for (String quantity : List.of("0", "-1", "1e9", "text", "")) {
            PortalClient.Page price = sales.get("/pricing?code=F95SNI&sourceKind=group&sourceValue=retail-eur&quantity="
                    + quantity);
            assertEquals(400, price.status(), quantity);
            assertFalse(price.html().select("#quantity-msg").text().isBlank(), quantity);
            assertEquals(quantity, price.html().select("input[name=quantity]").attr("value"), "the form keeps its input");
        }
        PortalClient.Page twoSources = sales.get("/pricing?code=F95SNI&quantity=1&sourceKind=group&sourceValue=retail-eur"
                + "&sourceKind=company&sourceValue=COMP-1");
        assertEquals(400, twoSources.status());
        assertTrue(twoSources.text().contains("Choose exactly one pricing source"), twoSources.text());
        assertEquals(400, sales.get("/pricing?code=F95SNI&quantity=1&sourceKind=lang&sourceValue=de").status());
        assertEquals(400, sales.get("/pricing/compare?code=F95SNI&quantity=1&kind1=&value1=&kind2=&value2=").status(),
                "a comparison sent without a source");
        assertEquals(400, sales.get("/pricing/compare?code=F95SNI&quantity=1&kind1=group&value1=a%20b").status());
        PortalClient.Page badGenerate = sales.submit("/short-codes", "/short-codes",
                Map.of("productId", "<b>x</b>", "configurationCode", "nonsense"));
        assertEquals(400, badGenerate.status());
        assertFalse(badGenerate.html().select("#productId-msg").text().isBlank());
        assertFalse(badGenerate.html().select("#configurationCode-msg").text().isBlank());
        assertFalse(badGenerate.body().contains("<b>x</b>"), "no reflected markup");
        assertEquals(400, sales.get("/catalog?mode=CUBIST").status());
        assertEquals(404, sales.get("/catalog/PROD-does-not-exist").status());
        int traversal = sales.get("/catalog/..%2F..%2Fadmin").status();
        assertTrue(traversal == 400 || traversal == 404, "an encoded path is refused: " + traversal);
    }

    @Test
    void salesStaffSeeTheirOwnShortCodesAndAdminsEveryonesInTheTenant() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        Fixtures.setKey(admin, Fixtures.sandboxKey(base, "nordic-living"));
        var product = admin.get("/catalog?status=ACTIVE&mode=VARIANT").html().select("table.products tbody tr").first();
        String productId = product.attr("data-product-id");
        String configuration = admin.get("/catalog/" + productId).html().select("input[name=configurationCode]").attr("value");
        PortalClient.Page created = admin.submit("/catalog/" + productId, "/short-codes",
                Map.of("productId", productId, "configurationCode", configuration));
        String code = created.location().replaceAll(".*created=", "");
        PortalClient.Page shown = admin.get("/short-codes?created=" + code);
        assertEquals(code, shown.html().select("#created-code").text());
        assertTrue(shown.html().select("a.share-link").text().endsWith("/products/lookup?code=" + code));
        PortalClient.Page qr = admin.get("/short-codes/qr?code=" + code);
        assertTrue(qr.header("Content-Type").startsWith("image/svg+xml") && qr.body().contains("<path"));

        assertTrue(admin.get("/short-codes").html().select("table.history td.code").eachText().contains(code));
        assertTrue(admin.get("/short-codes?q=" + code).html().select("table.history td.code").eachText().contains(code));
        PortalClient sales = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD);
        assertFalse(sales.get("/short-codes?q=" + code).html().select("table.history td.code").eachText().contains(code),
                "another tenant's history is not shown");

        PortalClient demoAdmin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        String bySales = generate(sales, 0);
        String byAdmin = generate(demoAdmin, 1);
        List<String> seenBySales = sales.get("/short-codes?q=" + byAdmin).html().select("table.history td.code").eachText();
        List<String> seenByAdmin = demoAdmin.get("/short-codes").html().select("table.history td.code").eachText();
        assertTrue(seenByAdmin.containsAll(List.of(bySales, byAdmin)), "an admin sees everyone's codes in the tenant");
        if (!bySales.equals(byAdmin)) {
            assertFalse(seenBySales.contains(byAdmin), "sales staff see their own codes only");
        }
    }

    /** Generates a short code for the n-th active variant product of the catalog, through the pages. */
    private static String generate(PortalClient client, int n) {
        var rows = client.get("/catalog?status=ACTIVE&mode=VARIANT&own=own").html().select("table.products tbody tr");
        String productId = rows.get(n).attr("data-product-id");
        String configuration = client.get("/catalog/" + productId).html().select("input[name=configurationCode]").attr("value");
        PortalClient.Page created = client.submit("/catalog/" + productId, "/short-codes",
                Map.of("productId", productId, "configurationCode", configuration));
        assertEquals(302, created.status(), created.text());
        return created.location().replaceAll(".*created=", "");
    }

    @Test
    void threeRejectionsInARowInvalidateTheKeyUntilANewOneIsSet() {
        SandboxAdmin sandbox = new SandboxAdmin(base);
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        Fixtures.setKey(admin, sandbox.key("acme-office"));
        assertEquals(200, admin.get("/catalog").status());

        sandbox.regenerateKey("acme-office");   // the customer regenerated the key in Mimeeq
        admin.submit("/catalog", "/catalog", Map.of());   // drop the cached list
        for (int i = 1; i <= 3; i++) {
            assertEquals(502, admin.get("/catalog").status(), "401 number " + i);
        }
        sandbox.resetRequests("acme-office");
        PortalClient.Page stopped = admin.get("/catalog");
        assertEquals(409, stopped.status());
        assertEquals(1, stopped.html().select("[data-failure=KEY_INVALIDATED]").size(), stopped.text());
        assertEquals(0, sandbox.requests("acme-office"), "no further call reaches Mimeeq");
        assertFalse(admin.get("/").html().select("div.banner").isEmpty(), "admins see the banner on every page");
        assertTrue(auditRows(admin).stream().filter(r -> r.attr("data-type").equals("API_KEY_INVALIDATED")).count() == 1);

        Fixtures.setKey(admin, sandbox.key("acme-office"));
        assertTrue(admin.get("/").html().select("div.banner").isEmpty(), "a new key clears it");
        assertEquals(200, admin.get("/catalog").status());
    }

    @Test
    void testConnectionIsStoredAndRevealNeedsThePasswordAndIsAudited() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        String key = Fixtures.sandboxKey(base, "nordic-living");
        Fixtures.setKey(admin, key);

        PortalClient.Page tested = admin.submit("/admin/api-key", "/admin/api-key/test", Map.of());
        assertEquals(302, tested.status());
        PortalClient.Page page = admin.get("/admin/api-key");
        assertEquals("true", page.html().select("dd.last-test").attr("data-ok"));
        assertTrue(page.html().select("dd.last-test").text().contains("Connection works"));
        assertTrue(admin.get("/").text().contains("Last connection test"), "the dashboard shows the last test");

        PortalClient.Page wrong = admin.submit("/admin/api-key", "/admin/api-key/reveal", Map.of("password", "not-mine"));
        assertEquals(400, wrong.status());
        assertFalse(wrong.body().contains(key));
        PortalClient.Page revealed = admin.submit("/admin/api-key", "/admin/api-key/reveal",
                Map.of("password", tenant.adminPassword()));
        assertEquals(200, revealed.status());
        assertEquals(key, revealed.html().select("code.revealed-key").text());

        for (int i = 0; i < 3; i++) {
            admin.submit("/admin/api-key", "/admin/api-key/reveal", Map.of("password", "guess-" + i));
        }
        PortalClient.Page paused = admin.submit("/admin/api-key", "/admin/api-key/reveal",
                Map.of("password", tenant.adminPassword()));
        assertEquals(429, paused.status(), "after three wrong passwords the form pauses, even for the right one");
        assertFalse(paused.body().contains(key));

        List<Element> rows = auditRows(admin);
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("API_KEY_TEST")));
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("API_KEY_REVEAL_ERROR")));
        assertTrue(rows.stream().anyMatch(r -> r.attr("data-type").equals("API_KEY_REVEAL")));
        assertFalse(admin.get("/admin/audit").body().contains(key), "the key is in no audit entry");
    }

    @Test
    void theOperatorRotatesTheMasterKeysetAndEveryTenantKeepsWorking() throws Exception {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());
        Fixtures.setKey(admin, Fixtures.sandboxKey(base, "nordic-living"));
        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        int keysBefore = operator.get("/operator/keyset").html().select("tr[data-key-id]").size();

        assertEquals(302, operator.submit("/operator/keyset", "/operator/keyset/rotate", Map.of()).status());
        PortalClient.Page status = operator.get("/operator/keyset");
        for (int i = 0; i < 40 && !status.html().select("section.progress[data-state=RUNNING]").isEmpty(); i++) {
            Thread.sleep(250);
            status = operator.get("/operator/keyset");
        }
        var keys = status.html().select("tr[data-key-id]");
        assertEquals(keysBefore + 1, keys.size(), status.text());
        var primary = keys.select("[data-primary=true]");
        assertEquals(1, primary.size());
        assertTrue(keys.stream().filter(k -> k.attr("data-primary").equals("false"))
                .allMatch(k -> k.attr("data-tenant-keys").equals("0")), "every tenant key moved to the new primary");
        assertFalse(status.body().contains(Fixtures.sandboxKey(base, "nordic-living")), "the operator sees no key");

        String older = keys.stream().filter(k -> k.attr("data-primary").equals("false")
                && k.attr("data-enabled").equals("true")).findFirst().orElseThrow().attr("data-key-id");
        operator.submit("/operator/keyset", "/operator/keyset/disable", Map.of("keyId", older));
        assertEquals("false", operator.get("/operator/keyset").html().select("tr[data-key-id=" + older + "]")
                .attr("data-enabled"));
        assertEquals(302, admin.submit("/catalog", "/catalog", Map.of()).status(), "the refresh drops the cached list");
        assertEquals(200, admin.get("/catalog").status(), "the tenant's key still opens after the rotation");
        assertEquals(200, Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD).get("/catalog").status());
        List<String> types = operator.get("/operator/audit").html().select("table.audit tbody tr").eachAttr("data-type");
        assertTrue(types.contains("KEYSET_KEY_ADDED") && types.contains("KEYSET_KEY_DISABLED"), types.toString());
    }

    static final List<String> ADMIN_GETS = List.of("/admin/api-key", "/admin/audit", "/admin/audit/verify",
            "/admin/audit/export?format=csv", "/admin/audit/retention", "/admin/users");
    static final List<String> ADMIN_POSTS = List.of("/admin/api-key", "/admin/api-key/test", "/admin/api-key/reveal",
            "/admin/audit/verify", "/admin/audit/retention", "/admin/users",
            "/admin/users/" + java.util.UUID.randomUUID() + "/disable");
    static final List<String> OPERATOR_GETS = List.of("/operator/tenants", "/operator/audit", "/operator/audit/verify",
            "/operator/audit/export?format=csv", "/operator/keyset");
    static final List<String> OPERATOR_POSTS = List.of("/operator/tenants", "/operator/keyset/rotate",
            "/operator/keyset/resume", "/operator/keyset/disable",
            "/operator/tenants/" + java.util.UUID.randomUUID() + "/suspend");

    @Test
    void everyAdminAndOperatorRouteRefusesTheOtherRolesAndAnonymousVisitors() {
        PortalClient sales = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD);
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        PortalClient anonymous = new PortalClient(base);
        anonymous.get("/login");
        for (String path : concat(ADMIN_GETS, OPERATOR_GETS)) {
            assertEquals(403, sales.get(path).status(), "sales GET " + path);
            PortalClient.Page page = anonymous.get(path);
            assertEquals(302, page.status(), "anonymous GET " + path);
            assertTrue(page.location().endsWith("/login"), path);
        }
        for (String path : concat(ADMIN_POSTS, OPERATOR_POSTS)) {
            assertEquals(403, sales.submit("/", path, Map.of()).status(), "sales POST " + path);
            assertTrue(List.of(302, 403).contains(anonymous.submit("/login", path, Map.of()).status()),
                    "anonymous POST " + path);
        }
        for (String path : OPERATOR_GETS) {
            assertEquals(403, admin.get(path).status(), "admin GET " + path);
        }
        for (String path : OPERATOR_POSTS) {
            assertEquals(403, admin.submit("/", path, Map.of()).status(), "admin POST " + path);
        }
        for (String path : ADMIN_GETS) {
            assertEquals(403, operator.get(path).status(), "operator GET " + path);
        }
        for (String path : ADMIN_POSTS) {
            assertEquals(403, operator.submit("/", path, Map.of()).status(), "operator POST " + path);
        }
        assertEquals(404, admin.submit("/", ADMIN_POSTS.get(ADMIN_POSTS.size() - 1), Map.of()).status(),
                "an admin addressing a user id that is not in the tenant gets 404");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    static final Pattern CATALOG_SIZE = Pattern.compile("\\((\\d+) products\\)");

    static int catalogSize(PortalClient.Page catalog) {
        Matcher m = CATALOG_SIZE.matcher(catalog.text());
        assertTrue(m.find(), catalog.text());
        return Integer.parseInt(m.group(1));
    }

    static String firstCode(PortalClient.Page catalog) {
        return catalog.html().select("table.products tbody tr td.code").first().text();
    }

    @Test
    void theAuditLogFiltersVerifiesExportsAndSetsRetention() {
        Fixtures.NewTenant tenant = Fixtures.createTenant(base, Fixtures.sandboxUrl(base));
        PortalClient admin = Fixtures.signedIn(base, tenant.adminUsername(), tenant.adminPassword());

        PortalClient.Page logins = admin.get("/admin/audit?range=24h&type=LOGIN");
        assertEquals(200, logins.status(), logins.text());
        var types = logins.html().select("table.audit tbody tr").stream().map(r -> r.attr("data-type")).toList();
        assertEquals(List.of("LOGIN"), types.stream().distinct().toList());
        assertEquals(4, logins.html().select("svg.daily rect").size(), "24 hours touch two UTC days: calls and failures bars for each");
        String csvLink = logins.html().select("a[href*=/admin/audit/export?format=csv]").attr("href");
        assertTrue(csvLink.contains("type=LOGIN"), csvLink);

        PortalClient.Page badDates = admin.get("/admin/audit?range=custom&from=2026-02-30&to=2026-01-01");
        assertEquals(400, badDates.status());
        assertFalse(badDates.html().select("#from-msg").text().isBlank(), badDates.text());
        assertEquals(400, admin.get("/admin/audit?text=" + "x".repeat(201)).status());
        assertEquals(400, admin.get("/admin/audit?page=zero").status());

        PortalClient.Page csv = admin.get(csvLink);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("seq,occurred_at,tenant_id"), csv.body());
        assertEquals(types.size() + 1, csv.body().lines().count(), "header and the rows the page shows");
        assertEquals(400, admin.get("/admin/audit/export?format=xlsx").status());

        PortalClient.Page verify = admin.get("/admin/audit/verify");
        assertEquals(200, verify.status(), verify.text());
        assertTrue(verify.html().select(".verdict.ok").text().startsWith("Verified up to entry #"), verify.text());
        PortalClient.Page checkpoint = admin.submit("/admin/audit/verify", "/admin/audit/verify", Map.of());
        assertEquals(200, checkpoint.status());
        assertTrue(checkpoint.text().contains("A checkpoint at entry #"), checkpoint.text());

        assertEquals("365", admin.get("/admin/audit/retention").html().select("input[name=retentionDays]").val(),
                "a new tenant starts at the operator's floor");
        assertEquals(400, admin.submit("/admin/audit/retention", "/admin/audit/retention",
                Map.of("retentionDays", "forever")).status());
        PortalClient.Page belowFloor = admin.submit("/admin/audit/retention", "/admin/audit/retention",
                Map.of("retentionDays", "1"));
        assertEquals(400, belowFloor.status(), "an admin cannot erase the history with a short retention");
        assertTrue(belowFloor.text().contains("at least 365 days"), belowFloor.text());
        assertEquals(302, admin.submit("/admin/audit/retention", "/admin/audit/retention",
                Map.of("retentionDays", "400")).status());
        assertEquals("400", admin.get("/admin/audit/retention").html().select("input[name=retentionDays]").val());
        PortalClient.Page shorter = admin.submit("/admin/audit/retention", "/admin/audit/retention",
                Map.of("retentionDays", "380"));
        assertEquals(400, shorter.status(), "retention can only be lengthened");
        assertEquals(302, admin.submit("/admin/audit/retention", "/admin/audit/retention",
                Map.of("retentionDays", "0")).status(), "forever is the longest");
        assertEquals(400, admin.submit("/admin/audit/retention", "/admin/audit/retention",
                Map.of("retentionDays", "3650")).status(), "and once forever, it stays so");

        var audited = auditRows(admin).stream().map(r -> r.attr("data-type")).toList();
        assertTrue(audited.containsAll(List.of("AUDIT_EXPORT", "AUDIT_VERIFY", "AUDIT_RETENTION_SET")), audited.toString());

        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        var systemTargets = operator.get("/operator/audit?range=24h&type=AUDIT_RETENTION_SET").html()
                .select("table.audit tbody tr").size();
        assertTrue(systemTargets >= 2, "every retention change is in the system chain too: " + systemTargets);
        PortalClient.Page system = operator.get("/operator/audit/verify");
        assertEquals(200, system.status());
        assertTrue(system.html().select(".verdict.ok").text().startsWith("Verified up to entry #"), system.text());
        assertEquals(403, operator.get("/admin/audit/verify").status());
    }

    static List<Element> auditRows(PortalClient admin) {
        PortalClient.Page audit = admin.get("/admin/audit");
        assertEquals(200, audit.status());
        return audit.html().select("table.audit tbody tr");
    }
}
