package com.mimeeqportal.it;

import static com.mimeeqportal.it.Fixtures.ADMIN_PASSWORD;
import static com.mimeeqportal.it.Fixtures.OPERATOR_PASSWORD;
import static com.mimeeqportal.it.Fixtures.SALES_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal seen from outside by someone who types paths by hand. Java's HttpClient sends a path as given
 * (no normalisation), so dot segments, encoded dots and slashes and {@code ;} parameters reach the server as
 * an attacker would send them; backslashes, which a URI cannot hold, go over a plain socket. Every variant
 * of every protected route, for every role and for anonymous visitors, must get 400 or the refusal the
 * normalised path gets (403, or the redirect to sign in), and never a protected page or a POST accepted
 * without its CSRF token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    static final List<String> SIGNED_IN_GETS = List.of("/", "/catalog", "/pricing", "/pricing/compare",
            "/products/lookup", "/short-codes", "/account/password");
    static final List<String> SIGNED_IN_POSTS = List.of("/catalog", "/short-codes", "/pricing",
            "/account/password", "/logout");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    URI base;

    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void base() {
        base = Fixtures.uri(url);
    }

    /**
     * Ways to write {@code path} (which starts with {@code /first}) that a container may map to the same
     * servlet while the raw URI says something else. Those marked {@code \\} hold a backslash.
     */
    static List<String> variants(String path) {
        String query = path.contains("?") ? path.substring(path.indexOf('?')) : "";
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String rest = p.substring(1);
        int slash = rest.indexOf('/');
        String first = slash < 0 ? rest : rest.substring(0, slash);
        String tail = slash < 0 ? "" : rest.substring(slash + 1);
        List<String> v = new ArrayList<>(List.of(
                "/static/../" + rest,
                "/static/%2e%2e/" + rest,
                "/static/%2E%2E/" + rest,
                "/static/.%2e/" + rest,
                "/static/..%2f" + rest,
                "/static/%252e%252e/" + rest,
                "/x/..;/" + rest,
                "/%2e/" + rest,
                "/./" + rest,
                p + "/x/..",
                p + "/.",
                p + ";x=y",
                p + ";JSESSIONID=x",
                "/" + first + ";x=y" + (tail.isEmpty() ? "" : "/" + tail),
                "/static/..\\" + rest,
                "/static/..%5c" + rest));
        if (!tail.isEmpty()) {
            v.add("/" + first + "/./" + tail);
            v.add("/" + first + "%2f" + tail);
            v.add("/" + first + "%2F" + tail);
            v.add("/" + first + "%5c" + tail);
            v.add("/" + first + "\\" + tail);
        }
        return v.stream().map(s -> s + query).toList();
    }

    @Test
    void noDotSegmentOrEncodedPathReachesAProtectedPageForAnyRole() {
        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", null);
        sessions.put("sales", Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD).sessionId());
        sessions.put("admin", Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD).sessionId());
        sessions.put("operator", Fixtures.signedIn(base, "operator", OPERATOR_PASSWORD).sessionId());
        List<String> gets = Stream.of(SIGNED_IN_GETS, PortalIT.ADMIN_GETS, PortalIT.OPERATOR_GETS)
                .flatMap(List::stream).toList();
        List<String> posts = Stream.of(SIGNED_IN_POSTS, PortalIT.ADMIN_POSTS, PortalIT.OPERATOR_POSTS)
                .flatMap(List::stream).toList();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, String> who : sessions.entrySet()) {
            for (String method : List.of("GET", "POST")) {
                for (String route : method.equals("GET") ? gets : posts) {
                    for (String variant : variants(route)) {
                        Answer answer = send(method, variant, who.getValue());
                        sent++;
                        if (!refused(answer)) {
                            failures.add(who.getKey() + " " + method + " " + variant + " -> " + answer.status()
                                    + " " + answer.location() + " correlation=" + answer.correlationId()
                                    + " body=" + answer.body().length());
                        }
                    }
                }
            }
        }
        assertTrue(sent > 2000, "the whole matrix was sent: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " got through:\n" + String.join("\n", failures));
    }

    @Test
    void theRefusalIsAClearPageWithoutAStackTrace() {
        String session = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD).sessionId();
        Answer answer = send("GET", "/static/../admin/users", session);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("Bad request"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertFalse(answer.body().contains("\tat "), answer.body());
        assertEquals(400, send("GET", "/static/../static/portal.css", null).status(), "public paths too");
        assertEquals(200, send("GET", "/static/portal.css", null).status(), "the plain path still works");
    }

    /**
     * A session that the gate keeps on the password page (one-time password) or ends (disabled user) could
     * walk past those checks through {@code /static/../}: the filter took the raw URI for a static file.
     */
    @Test
    void theSessionChecksCannotBeSkippedThroughTheStaticPrefix() {
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        String username = "sales-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        PortalClient.Page created = admin.submit("/admin/users", "/admin/users", Map.of("username", username, "role", "SALES"));
        assertEquals(201, created.status(), created.text());
        String oneTime = created.html().select("code.one-time-password").text();
        PortalClient user = Fixtures.signedIn(base, username, oneTime);

        assertEquals(302, user.get("/catalog").status(), "kept on the password page");
        assertNotAPage(send("GET", "/static/../catalog", user.sessionId()));
        assertNotAPage(send("GET", "/static/%2e%2e/catalog", user.sessionId()));

        String userId = admin.get("/admin/users").html().select("table.users tbody tr").stream()
                .filter(r -> r.attr("data-username").equals(username)).findFirst().orElseThrow().attr("data-user-id");
        assertEquals(302, admin.submit("/admin/users", "/admin/users/" + userId + "/disable", Map.of()).status());
        assertNotAPage(send("GET", "/static/../catalog", user.sessionId()));
        PortalClient.Page ended = user.get("/catalog");
        assertEquals(302, ended.status());
        assertTrue(ended.location().contains("/login"), ended.location());
    }

    /**
     * The tests' loopback address is a trusted proxy (arquillian.xml). Through it, a client that used https
     * gets a Secure cookie, HSTS and https share links, and is audited under its own address.
     */
    @Test
    void behindATrustedProxyTheClientsAddressAndHttpsCount() {
        Map<String, String> proxied = Map.of("X-Forwarded-For", "203.0.113.77, 198.51.100.23", "X-Forwarded-Proto", "https");
        HttpResponse<String> login = exchange("GET", "/login", null, proxied, null);
        assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(null));
        String cookie = setCookie(login, "portal_csrf").orElseThrow(() -> new AssertionError("no token cookie: " + login.headers()));
        assertTrue(cookie.contains("; Secure"), cookie);
        String token = org.jsoup.Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
        Map<String, String> withToken = new java.util.HashMap<>(proxied);
        withToken.put("Cookie", "portal_csrf=" + token);
        HttpResponse<String> signIn = exchange("POST", "/login", null, withToken,
                "username=sales%40demo.example&password=" + SALES_PASSWORD + "&_csrf=" + token);
        assertEquals(302, signIn.statusCode(), signIn.body());
        String signedIn = setCookie(signIn, "JSESSIONID").orElseThrow(() -> new AssertionError("sign-in starts the session"));
        assertTrue(signedIn.contains("; Secure"), signedIn);
        String newSession = signedIn.substring("JSESSIONID=".length(), signedIn.indexOf(';'));
        String correlationId = signIn.headers().firstValue("X-Correlation-Id").orElseThrow();

        HttpResponse<String> codes = exchange("GET", "/short-codes?created=ABC123", newSession, proxied, null);
        assertEquals(200, codes.statusCode(), codes.body());
        String link = org.jsoup.Jsoup.parse(codes.body()).select("a.share-link").text();
        assertTrue(link.startsWith("https://") && link.endsWith("/products/lookup?code=ABC123"), link);

        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        var login2 = PortalIT.auditRows(admin).stream()
                .filter(r -> r.select("td.correlation").text().equals(correlationId)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry for the sign-in"));
        assertTrue(login2.text().contains("198.51.100.23"), "the right-most untrusted hop: " + login2.text());
        assertFalse(login2.text().contains("203.0.113.77"), login2.text());

        HttpResponse<String> plain = exchange("GET", "/login", null, Map.of(), null);
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain http");
        assertTrue(plain.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("Secure")));
    }

    private HttpResponse<String> exchange(String method, String path, String sessionId, Map<String, String> headers,
                                          String form) {
        // Over loopback, the trusted proxy's address (arquillian.xml); the deployment's URL may name another interface.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + path))
                .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sign-in form starts no session (a storm of scripted GETs of /login would otherwise hold a session
     * per visit): its token is a cookie, HttpOnly and SameSite=Strict, that the form must echo. Without the
     * cookie, or with another value, the POST is refused; once signed in, only the session's token counts.
     */
    @Test
    void theSignInFormsTokenIsACookieTheFormMustEcho() {
        HttpResponse<String> login = exchange("GET", "/login", null, Map.of(), null);
        assertEquals(200, login.statusCode());
        assertTrue(setCookie(login, "JSESSIONID").isEmpty(), "no session: " + login.headers().allValues("Set-Cookie"));
        String cookie = setCookie(login, "portal_csrf").orElseThrow(() -> new AssertionError(login.headers().toString()));
        assertTrue(cookie.contains("; HttpOnly") && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
        String token = org.jsoup.Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
        assertTrue(cookie.startsWith("portal_csrf=" + token + ";"), "the form echoes the cookie: " + cookie);

        HttpResponse<String> again = exchange("GET", "/login", null, Map.of("Cookie", "portal_csrf=" + token), null);
        assertTrue(again.headers().allValues("Set-Cookie").isEmpty(), "the cookie is kept, not renewed");
        assertEquals(token, org.jsoup.Jsoup.parse(again.body()).select("input[name=_csrf]").attr("value"));

        String form = "username=sales%40demo.example&password=" + SALES_PASSWORD + "&_csrf=";
        assertEquals(403, exchange("POST", "/login", null, Map.of(), form + token).statusCode(), "no cookie");
        String other = "A".repeat(43);
        assertEquals(403, exchange("POST", "/login", null, Map.of("Cookie", "portal_csrf=" + other), form + token)
                .statusCode(), "another value");
        assertEquals(403, exchange("POST", "/login", null, Map.of("Cookie", "portal_csrf="), form).statusCode(),
                "both empty");
        HttpResponse<String> signIn = exchange("POST", "/login", null, Map.of("Cookie", "portal_csrf=" + token), form + token);
        assertEquals(302, signIn.statusCode(), signIn.body());
        String session = setCookie(signIn, "JSESSIONID").map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .orElseThrow(() -> new AssertionError("signed in, in a session"));

        Map<String, String> both = Map.of("Cookie", "JSESSIONID=" + session + "; portal_csrf=" + token);
        HttpResponse<String> forged = exchange("POST", "/preferences", null, both, "lang=de&_csrf=" + token);
        assertEquals(403, forged.statusCode(), "with a session, the cookie's token counts for nothing");
    }

    private static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .reduce((a, b) -> b);
    }

    /**
     * The CSRF token changes with the session's privilege: the login form's token is worthless after sign-in,
     * and the token before a password change is worthless after it. The password chosen there (100 emoji:
     * 100 characters to the policy, 200 UTF-16 units) is not "too long" at sign-in.
     */
    @Test
    void theCsrfTokenRotatesAtSignInAndPasswordChangeAndLengthsAgree() {
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        String username = "sales-" + UUID.randomUUID().toString().substring(0, 8) + "@it.example";
        PortalClient.Page created = admin.submit("/admin/users", "/admin/users", Map.of("username", username, "role", "SALES"));
        assertEquals(201, created.status(), created.text());
        String oneTime = created.html().select("code.one-time-password").text();

        PortalClient user = new PortalClient(base);
        String loginToken = token(user.get("/login"));
        user.signIn(username, oneTime);
        String signedInToken = token(user.get("/account/password"));
        assertFalse(signedInToken.isBlank());
        assertNotEquals(loginToken, signedInToken, "a new token at sign-in");

        String emoji = "\uD83E\uDE91".repeat(100);
        PortalClient.Page changed = user.post("/account/password", Map.of("currentPassword", oneTime,
                "newPassword", emoji, "confirmPassword", emoji, "_csrf", signedInToken));
        assertEquals(302, changed.status(), changed.text());
        String afterChange = token(user.get("/account/password"));
        assertNotEquals(signedInToken, afterChange, "a new token at a password change");
        assertEquals(403, user.post("/account/password", Map.of("_csrf", signedInToken)).status(),
                "the old token is refused");

        PortalClient again = new PortalClient(base);
        PortalClient.Page signIn = again.submit("/login", "/login", Map.of("username", username, "password", emoji));
        assertEquals(302, signIn.status(), "a password the policy accepted signs in: " + signIn.text());
    }

    /** Names that are not a login name or an e-mail address are refused with a message beside the field. */
    @Test
    void newUsernamesMustHaveTheDocumentedForm() {
        PortalClient admin = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD);
        for (String name : List.of("%00", "99999999999999999999", "a%2fb@it.example")) {
            PortalClient.Page refused = admin.submit("/admin/users", "/admin/users", Map.of("username", name, "role", "SALES"));
            assertEquals(400, refused.status(), name);
            assertTrue(refused.html().select("#username-msg").text().contains("e-mail address"), refused.text());
        }
        PortalClient operator = Fixtures.signedIn(base, "operator", OPERATOR_PASSWORD);
        PortalClient.Page refused = operator.submit("/operator/tenants", "/operator/tenants", Map.of(
                "name", "IT Tenant " + UUID.randomUUID().toString().substring(0, 8), "baseUrl", Fixtures.sandboxUrl(base),
                "adminUsername", "99999999999999999999"));
        assertEquals(400, refused.status());
        assertFalse(refused.html().select("#adminUsername-msg").text().isBlank(), refused.text());
    }

    private static String token(PortalClient.Page page) {
        return page.html().select("input[name=_csrf]").attr("value");
    }

    private static void assertNotAPage(Answer answer) {
        assertTrue(refused(answer), answer.status() + " " + answer.location());
    }

    /**
     * 400, a refusal (403, 404, 405), or the redirect to sign in; never a page, never a 5xx. One more: Grizzly
     * fails on some trailing {@code /.} and {@code /x/..} forms of a POST while decoding the URI
     * ({@code AS-WEB-CORE-00037} in the server log) and sends an empty 200 before any application runs. That
     * answer has no body and none of the portal's headers (no correlation id), so nothing of the portal ran.
     */
    static boolean refused(Answer answer) {
        int status = answer.status();
        if (status == 400 || status == 403 || status == 404 || status == 405) {
            return true;
        }
        if (status == 200 && answer.body().isEmpty() && answer.correlationId() == null) {
            return true;
        }
        return (status == 302 || status == 303) && answer.location().contains("/login");
    }

    /**
     * The container removes {@code ;jsessionid=…} from the URI before any filter sees it, and, despite cookie-only
     * tracking in web.xml, Payara still takes a known session id from the URL (and signs the request in with it).
     * The portal refuses such a request with 400 (the container says the id came from the URL); an unknown id is
     * ignored and the cookie's session is used.
     */
    @Test
    void aSessionIdInTheUrlIsIgnored() {
        String adminSession = Fixtures.signedIn(base, "admin@demo.example", ADMIN_PASSWORD).sessionId();
        for (String path : PortalIT.ADMIN_GETS) {
            String p = path.contains("?") ? path.substring(0, path.indexOf('?')) + ";jsessionid=" + adminSession
                    + path.substring(path.indexOf('?')) : path + ";jsessionid=" + adminSession;
            Answer anonymous = send("GET", p, null);
            assertTrue(refused(anonymous), p + " -> " + anonymous.status());
        }
        String salesSession = Fixtures.signedIn(base, "sales@demo.example", SALES_PASSWORD).sessionId();
        assertTrue(refused(send("GET", "/admin/users;jsessionid=" + adminSession, salesSession)));
        assertTrue(refused(send("POST", "/admin/users;jsessionid=" + adminSession, null)));
        assertEquals(200, send("GET", "/catalog;jsessionid=" + UUID.randomUUID(), salesSession).status(),
                "an unknown id in the URL is ignored: the same page as /catalog, as the cookie's user");
    }

    record Answer(int status, String location, String body, String correlationId) {
    }

    private Answer send(String method, String path, String sessionId) {
        if (path.indexOf('\\') >= 0) {
            return sendOverSocket(method, path, sessionId);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.getScheme() + "://" + base.getRawAuthority() + path))
                .timeout(Duration.ofSeconds(30));
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=x%40it.example&role=SALES&apiKey=stolen-key-000000"));
        }
        try {
            HttpResponse<String> response = raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""),
                    response.body(), response.headers().firstValue("X-Correlation-Id").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request line with a backslash, which java.net.URI refuses to build. */
    private Answer sendOverSocket(String method, String path, String sessionId) {
        String body = method.equals("POST") ? "username=x%40it.example&role=SALES" : "";
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(base.getRawAuthority()).append("\r\n")
                .append("Connection: close\r\n");
        if (sessionId != null) {
            request.append("Cookie: JSESSIONID=").append(sessionId).append("\r\n");
        }
        if (method.equals("POST")) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n");
        }
        request.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] lines = answer.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String location = "";
            String correlationId = null;
            for (String line : lines) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = line.substring(9).trim();
                }
                if (line.regionMatches(true, 0, "X-Correlation-Id:", 0, 17)) {
                    correlationId = line.substring(17).trim();
                }
            }
            int split = answer.indexOf("\r\n\r\n");
            return new Answer(status, location, split < 0 ? "" : answer.substring(split + 4), correlationId);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
