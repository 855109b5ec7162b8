package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A person at a browser, over real HTTP: keeps cookies, does not follow redirects (tests look at them),
 * fills the CSRF token into forms as a browser would, and remembers every page it saw so tests can
 * check that a secret appears on none of them.
 */
public final class PortalClient {

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;
    private final List<String> pagesSeen = java.util.Collections.synchronizedList(new ArrayList<>());

    public PortalClient(URI base) {
        this(base, new BrowserCookies());
    }

    private PortalClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The same browser, now talking to another instance of a cluster at {@code otherBase} (as a load balancer
     * would send it): same cookies, so the same session. Cookies ignore the port, so both share them.
     */
    public PortalClient at(URI otherBase) {
        return new PortalClient(otherBase, cookies);
    }

    /**
     * A person at another machine: the connection leaves from {@code clientAddress}, a loopback address such
     * as 127.0.0.2 (Linux routes all of 127/8 locally), so the portal sees another client address. The
     * server is reached on 127.0.0.1, whatever host {@code base} names, so both ends are IPv4.
     */
    public PortalClient(URI base, String clientAddress) {
        this.base = URI.create(base.getScheme() + "://127.0.0.1:" + base.getPort() + base.getPath());
        this.cookies = new BrowserCookies();
        try {
            this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).localAddress(java.net.InetAddress.getByName(clientAddress))
                    .build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(clientAddress, e);
        }
    }

    /**
     * Whether the response started a session: set the session cookie. Payara's {@code JSESSIONIDVERSION}, which it
     * sets on every answer to a session of a {@code <distributable/>} application while its data grid runs (the
     * session's version, for a move to another instance), is no new session.
     */
    public static boolean setsCookie(Page page) {
        return page.response().headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID="));
    }

    public record Page(int status, String body, HttpResponse<String> response) {
        public Document html() {
            return Jsoup.parse(body);
        }

        public String location() {
            return response.headers().firstValue("Location").orElse("");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return html().text();
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    /** Opens {@code formPage}, takes its CSRF token, and posts {@code fields} to {@code action}. */
    public Page submit(String formPage, String action, Map<String, String> fields) {
        Page form = get(formPage);
        String token = form.html().select("input[name=_csrf]").attr("value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        return post(action, all);
    }

    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public void signIn(String username, String password) {
        Page result = submit("/login", "/login", Map.of("username", username, "password", password));
        assertEquals(302, result.status(), "sign-in of " + username + " should redirect: " + result.text());
    }

    /** A cookie for the portal's path, as if another site or an earlier visit had left it in this browser. */
    public void plantCookie(String name, String value) {
        try {
            // Through the jar's own door, so the portal's cookie of the same name replaces it as a browser's would.
            cookies.put(base, Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public List<String> pagesSeen() {
        synchronized (pagesSeen) {
            return List.copyOf(pagesSeen);
        }
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            pagesSeen.add(response.body());
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
