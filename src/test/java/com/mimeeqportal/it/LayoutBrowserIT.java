package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page, for every role, in headless Chromium at phone, tablet, laptop and desktop widths: no
 * horizontal overflow of the page (tables scroll in their own box), no two visible form controls on top of
 * each other, and every control labelled. Also the dashboards per role, plural forms and the language
 * switch. One deployment for all of it: each costs a Payara boot. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LayoutBrowserIT {

    static final int[] WIDTHS = {360, 390, 768, 1366, 1920};
    static final List<String> SALES_PAGES = List.of("", "catalog", "products/lookup", "pricing", "pricing/compare",
            "short-codes", "account/password");
    static final List<String> ADMIN_PAGES = List.of("admin/api-key", "admin/users", "admin/audit",
            "admin/audit/verify", "admin/audit/retention");
    static final List<String> OPERATOR_PAGES = List.of("", "operator/tenants", "operator/keyset", "operator/audit",
            "operator/audit/verify", "account/password");

    /** Measures the page as laid out now: widths, overlapping controls, unlabelled controls. */
    static final String MEASURE = """
            const visible = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
              return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? '[' + e.name + ']' : '')
              + (e.textContent.trim() ? '"' + e.textContent.trim().slice(0, 20) + '"' : '');
            const controls = [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(visible);
            const overlaps = [];
            for (let i = 0; i < controls.length; i++) {
              for (let j = i + 1; j < controls.length; j++) {
                const a = controls[i].getBoundingClientRect(), b = controls[j].getBoundingClientRect();
                const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                if (x > 1 && y > 1) { overlaps.push(name(controls[i]) + ' over ' + name(controls[j])); }
              }
            }
            const unlabelled = controls.filter(e => e.tagName !== 'BUTTON' && !['submit', 'button'].includes(e.type))
              .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(name);
            return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
                     overlaps: overlaps, unlabelled: unlabelled, lang: document.documentElement.lang,
                     main: document.querySelectorAll('main').length, skip: !!document.querySelector('a.skip[href="#content"]') };
            """;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    Browsers.Session chromium;
    WebDriver browser;
    WebDriverWait wait;
    URI base;
    final List<String> problems = new ArrayList<>();
    int accessibilityChecks;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = Browsers.open(url);
        browser = chromium.driver();
        wait = chromium.waiting();
        base = chromium.base();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void everyPageHoldsAtEveryWidthForEveryRole() throws IOException {
        browser.get(base.resolve("login").toString());
        check("anonymous", "login");

        signIn("sales@demo.example", Fixtures.SALES_PASSWORD);
        String code = generateCode();
        List<String> sales = new ArrayList<>(SALES_PAGES);
        sales.add(productPath());
        sales.add("products/lookup?code=" + code);
        sales.add("pricing?code=" + code + "&quantity=2&sourceKind=group&sourceValue=retail-eur");
        sales.add("short-codes?created=" + code);
        for (String page : sales) {
            visitAndCheck("sales", page);
        }
        signOut();

        signIn("admin@demo.example", Fixtures.ADMIN_PASSWORD);
        List<String> admin = new ArrayList<>(SALES_PAGES);
        admin.addAll(ADMIN_PAGES);
        admin.add("admin/audit?range=custom&from=2020-01-01&to=2020-01-02&actor=x&target=y&text=z");
        for (String page : admin) {
            visitAndCheck("admin", page);
        }
        signOut();

        signIn("operator", Fixtures.OPERATOR_PASSWORD);
        for (String page : OPERATOR_PAGES) {
            visitAndCheck("operator", page);
        }
        assertEquals(List.of(), problems);
        assertTrue(accessibilityChecks >= 30, "axe ran on every page: " + accessibilityChecks);
    }

    @Test
    void dashboardsShowWhatEachRoleNeeds() {
        signIn("admin@demo.example", Fixtures.ADMIN_PASSWORD);
        browser.get(base.resolve("admin/api-key").toString());
        String last4 = browser.findElement(By.cssSelector("dd.last4")).getText().trim();
        browser.get(base.toString());
        String adminHome = browser.findElement(By.tagName("main")).getText();
        assertTrue(browser.findElements(By.cssSelector(".key-health")).size() == 1, adminHome);
        assertTrue(adminHome.contains(last4), adminHome);
        assertFalse(browser.findElements(By.cssSelector(".today a[href*='/admin/audit']")).isEmpty(), adminHome);
        assertFalse(browser.findElements(By.cssSelector(".shortcuts a[href$='/admin/users']")).isEmpty(), adminHome);
        signOut();

        signIn("sales@demo.example", Fixtures.SALES_PASSWORD);
        generateCode();
        browser.get(base.toString());
        String salesHome = browser.findElement(By.tagName("main")).getText();
        assertFalse(salesHome.contains(last4), "sales see no part of the key: " + salesHome);
        assertTrue(salesHome.contains("Mimeeq connection OK") || salesHome.contains("needs attention"), salesHome);
        assertTrue(salesHome.matches("(?s).*\\d+ Mimeeq calls? and \\d+ failures?.*"), salesHome);
        assertFalse(browser.findElements(By.cssSelector(".recent-codes code")).isEmpty(), salesHome);
        assertFalse(browser.findElements(By.cssSelector(".shortcuts a[href$='/pricing']")).isEmpty(), salesHome);
        assertTrue(browser.findElements(By.cssSelector(".shortcuts a[href$='/admin/users']")).isEmpty(), salesHome);

        browser.get(base.resolve("catalog?status=INACTIVE").toString());
        browser.findElement(By.cssSelector("table.products td.name a")).click();
        assertFalse(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".inactive-warning")))
                .getText().isBlank(), "the product page warns before offering the button");
        browser.findElement(By.cssSelector("form[action$='/short-codes'] button[type=submit]")).click();
        String refused = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-failure=PRODUCT_INACTIVE]"))).getText();
        assertTrue(refused.contains("inactive") && !refused.contains("does not know"), refused);
        signOut();

        signIn("operator", Fixtures.OPERATOR_PASSWORD);
        String operatorHome = browser.findElement(By.tagName("main")).getText();
        assertTrue(operatorHome.contains("Demo Furniture"), operatorHome);
        assertFalse(browser.findElements(By.cssSelector(".system-chain")).isEmpty(), operatorHome);
        assertFalse(operatorHome.contains(last4), operatorHome);
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitch() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> language : Map.of("pl-PL,pl;q=0.9", "lang=\"pl\"", "de-DE,de;q=0.9,en;q=0.5",
                "lang=\"de\"", "fr-FR", "lang=\"en\"").entrySet()) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(base.resolve("login"))
                    .header("Accept-Language", language.getKey()).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(login.body().contains(language.getValue()), language + ": " + login.body());
        }

        browser.get(base.resolve("login").toString());
        browser.findElement(By.cssSelector("a[hreflang=pl]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "pl"));
        assertEquals("Zaloguj się", browser.findElement(By.tagName("h1")).getText());
        signIn("sales@demo.example", Fixtures.SALES_PASSWORD);
        assertEquals("pl", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertFalse(browser.findElements(By.linkText("Katalog")).isEmpty());
        browser.findElement(By.cssSelector("nav.languages button[lang=de]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "de"));
        assertFalse(browser.findElements(By.linkText("Katalog")).isEmpty());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Mimeeq-Aufrufe")
                || browser.findElement(By.tagName("main")).getText().contains("Mimeeq-Aufruf"));
        browser.get(base.resolve("catalog").toString());
        check("sales-de", "catalog");
        browser.findElement(By.cssSelector("nav.languages button[lang=en]")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertEquals(List.of(), problems);
    }

    private void visitAndCheck(String role, String page) throws IOException {
        browser.get(base.resolve(page).toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        check(role, page);
    }

    @SuppressWarnings("unchecked")
    private void check(String role, String page) throws IOException {
        for (int width : WIDTHS) {
            ((HasCdp) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(MEASURE);
            String where = role + " /" + page + " at " + width + " px: ";
            long scrollWidth = ((Number) m.get("scrollWidth")).longValue();
            long innerWidth = ((Number) m.get("innerWidth")).longValue();
            if (scrollWidth > innerWidth) {
                problems.add(where + "page is " + scrollWidth + " px wide");
            }
            if (!((List<?>) m.get("overlaps")).isEmpty()) {
                problems.add(where + "overlapping controls " + m.get("overlaps"));
            }
            if (!((List<?>) m.get("unlabelled")).isEmpty()) {
                problems.add(where + "controls without a label " + m.get("unlabelled"));
            }
            if (width == WIDTHS[0]) {
                if (((Number) m.get("main")).intValue() != 1 || !Boolean.TRUE.equals(m.get("skip"))
                        || String.valueOf(m.get("lang")).isBlank()) {
                    problems.add(where + "landmarks: one main, a skip link and a lang attribute");
                }
            }
            if (width == 1366) {
                accessibility(where);
            }
            if (width == 390 || width == 1366) {
                screenshot(role + "-" + (page.isEmpty() ? "home" : page.replaceAll("[^A-Za-z0-9]+", "_")) + "-" + width);
            }
        }
        ((HasCdp) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** axe-core (the WebJar on the test class path), run on the page as laid out: no serious or critical violation. */
    @SuppressWarnings("unchecked")
    private void accessibility(String where) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(axeSource());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<String> violations = (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        if (!violations.isEmpty()) {
            problems.add(where + "accessibility " + violations);
        }
        accessibilityChecks++;
    }

    private static String axeSource() throws IOException {
        String resource = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3")
                + "/axe.min.js";
        try (var in = LayoutBrowserIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void signIn(String username, String password) {
        chromium.signIn(username, password);
    }

    private void signOut() {
        chromium.signOut();
    }

    /**
     * An active product of the demo account's own, not a VARIANT one: short codes are derived from product and
     * configuration, so a code made here for a product shared with other sandbox accounts would turn up in the
     * history of PortalIT's tenants (the servers of one test run share their data directory).
     */
    private String productPath() {
        browser.get(base.resolve("catalog?status=ACTIVE&own=own&mode=STANDARD").toString());
        String href = browser.findElement(By.cssSelector("table.products td.name a")).getAttribute("href");
        return base.relativize(URI.create(href)).toString();
    }

    private String generateCode() {
        browser.get(base.resolve(productPath()).toString());
        browser.findElement(By.cssSelector("form[action$='/short-codes'] button[type=submit]")).click();
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("created-code"))).getText();
    }
}
