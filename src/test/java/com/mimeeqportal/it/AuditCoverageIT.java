package com.mimeeqportal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request that does something worth auditing leaves exactly one entry of its kind, carrying the
 * tenant, the actor, the outcome and the request's correlation id; and no entry holds the API key, in
 * plaintext or Base64. Entries are read back through the JSON Lines export, as an auditor would.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditCoverageIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    @Test
    void everyAuditedActionWritesExactlyOneEntryWithItsContextAndNoSecret() {
        URI base = Fixtures.uri(url);
        SandboxAdmin sandbox = new SandboxAdmin(base);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String adminName = "admin-" + suffix + "@coverage.example";

        PortalClient operator = Fixtures.signedIn(base, "operator", Fixtures.OPERATOR_PASSWORD);
        PortalClient.Page created = operator.submit("/operator/tenants", "/operator/tenants",
                Map.of("name", "Coverage " + suffix, "baseUrl", Fixtures.sandboxUrl(base), "adminUsername", adminName));
        String tenantId = operator.get("/operator/tenants").html()
                .select("tr[data-tenant-name=Coverage " + suffix + "]").attr("data-tenant-id");
        String password = Fixtures.ownPassword(base, adminName,
                created.html().select("code.one-time-password").text());

        PortalClient admin = new PortalClient(base);
        PortalClient.Page wrong = admin.submit("/login", "/login", Map.of("username", adminName, "password", "wrong-one"));
        PortalClient.Page login = admin.submit("/login", "/login", Map.of("username", adminName, "password", password));
        String key = sandbox.key("nordic-living");
        PortalClient.Page keySet = admin.submit("/admin/api-key", "/admin/api-key", Map.of("apiKey", key));
        PortalClient.Page tested = admin.submit("/admin/api-key", "/admin/api-key/test", Map.of());
        PortalClient.Page revealed = admin.submit("/admin/api-key", "/admin/api-key/reveal", Map.of("password", password));
        PortalClient.Page catalog = admin.get("/catalog");
        PortalClient.Page unknownCode = admin.get("/products/lookup?code=ZZZZZ9");
        sandbox.faults("nordic-living", "{\"failNext\":[403]}");
        PortalClient.Page forbidden = admin.get("/products/lookup?code=ZZZZZ8");
        sandbox.clearFaults("nordic-living");
        PortalClient.Page userCreated = admin.submit("/admin/users", "/admin/users",
                Map.of("username", "sales-" + suffix + "@coverage.example", "role", "SALES"));
        String salesName = "sales-" + suffix + "@coverage.example";
        PortalClient guesser = new PortalClient(base);
        List<PortalClient.Page> guesses = java.util.stream.IntStream.range(0, 5).mapToObj(i -> guesser.submit("/login",
                "/login", Map.of("username", salesName, "password", "guess-" + i))).toList();
        Map<String, PortalClient.Page> failureKinds = new java.util.LinkedHashMap<>();
        sandbox.faults("nordic-living", "{\"failNext\":[500,500,500]}");
        failureKinds.put("UPSTREAM_ERROR", admin.get("/products/lookup?code=ZZZZY1"));
        sandbox.faults("nordic-living", "{\"malformedNext\":1}");
        failureKinds.put("MALFORMED_RESPONSE", admin.get("/products/lookup?code=ZZZZY2"));
        // (Timeouts are left to ResilienceIT: three more failed attempts here would open the shared breaker.)
        sandbox.faults("nordic-living", "{\"failNext\":[429],\"retryAfterSeconds\":1}");
        failureKinds.put("RATE_LIMITED", admin.get("/products/lookup?code=ZZZZY4"));
        failureKinds.put("WAITING_FOR_RATE_LIMIT", admin.get("/products/lookup?code=ZZZZY5"));
        sandbox.clearFaults("nordic-living");
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sandbox.faults("nordic-living", "{\"failNext\":[401,401,401]}");
        List<PortalClient.Page> rejected = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> admin.get("/products/lookup?code=ZZZZZ" + i)).toList();
        sandbox.clearFaults("nordic-living");
        PortalClient.Page deniedRole = admin.get("/operator/tenants");
        PortalClient.Page deniedId = admin.submit("/admin/users", "/admin/users/" + UUID.randomUUID() + "/disable", Map.of());
        PortalClient.Page suspended = operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/suspend", Map.of());
        PortalClient.Page resumed = operator.submit("/operator/tenants", "/operator/tenants/" + tenantId + "/resume", Map.of());
        PortalClient.Page loggedOut = admin.submit("/", "/logout", Map.of());

        String hostile = "evil\r\nFAKE LOGIN SUCCESS <script>alert(1)</script>";
        PortalClient.Page injected = new PortalClient(base).submit("/login", "/login",
                Map.of("username", hostile, "password", "x"));

        PortalClient reader = Fixtures.signedIn(base, adminName, password);
        PortalClient.Page export = reader.get("/admin/audit/export?format=jsonl&range=24h");
        assertEquals(200, export.status());
        List<JsonObject> tenantLog = lines(export.body());
        List<JsonObject> systemLog = lines(operator.get("/operator/audit/export?format=jsonl&range=24h").body());

        exactlyOne(systemLog, created, "TENANT_CREATE", "SUCCESS", "operator");
        exactlyOne(tenantLog, wrong, "LOGIN_ERROR", "FAILURE", adminName);
        exactlyOne(tenantLog, login, "LOGIN", "SUCCESS", adminName);
        exactlyOne(tenantLog, keySet, "API_KEY_SET", "SUCCESS", adminName);
        exactlyOne(tenantLog, tested, "API_KEY_TEST", "SUCCESS", adminName);
        exactlyOne(tenantLog, tested, "MIMEEQ_CALL", "SUCCESS", adminName);
        exactlyOne(tenantLog, revealed, "API_KEY_REVEAL", "SUCCESS", adminName);
        exactlyOne(tenantLog, catalog, "MIMEEQ_CALL", "SUCCESS", adminName);
        assertEquals("NOT_FOUND", exactlyOne(tenantLog, unknownCode, "MIMEEQ_CALL_ERROR", "FAILURE", adminName)
                .getString("reason"));
        assertEquals(403, exactlyOne(tenantLog, forbidden, "MIMEEQ_CALL_ERROR", "FAILURE", adminName)
                .getInt("http_status"));
        exactlyOne(tenantLog, userCreated, "USER_CREATE", "SUCCESS", adminName);
        exactlyOne(tenantLog, deniedRole, "ACCESS_DENIED", "FAILURE", adminName);
        exactlyOne(tenantLog, deniedId, "ACCESS_DENIED", "FAILURE", adminName);
        exactlyOne(systemLog, suspended, "TENANT_SUSPEND", "SUCCESS", "operator");
        exactlyOne(systemLog, resumed, "TENANT_RESUME", "SUCCESS", "operator");
        exactlyOne(tenantLog, loggedOut, "LOGOUT", "SUCCESS", adminName);
        for (PortalClient.Page guess : guesses) {
            exactlyOne(tenantLog, guess, "LOGIN_ERROR", "FAILURE", salesName);
        }
        exactlyOne(tenantLog, guesses.get(4), "LOGIN_LOCKOUT", "FAILURE", salesName);
        assertEquals(1, tenantLog.stream().filter(e -> e.getString("event_type").equals("LOGIN_LOCKOUT")).count());
        for (PortalClient.Page call : rejected) {
            assertEquals(401, exactlyOne(tenantLog, call, "MIMEEQ_CALL_ERROR", "FAILURE", adminName).getInt("http_status"));
        }
        exactlyOne(tenantLog, rejected.get(2), "API_KEY_INVALIDATED", "SUCCESS", adminName);
        failureKinds.forEach((kind, call) -> assertEquals(kind,
                exactlyOne(tenantLog, call, "MIMEEQ_CALL_ERROR", "FAILURE", adminName).getString("reason"),
                "one entry per call, retries included"));
        assertTrue(tenantLog.stream().anyMatch(e -> e.getString("event_type").equals("AUDIT_EXPORT")),
                "the export itself is audited");

        assertTrue(tenantLog.stream().allMatch(e -> e.getString("tenant_id").equals(tenantId)));

        // CR/LF and markup typed by someone are stored as typed and shown harmlessly.
        exactlyOne(systemLog, injected, "LOGIN_ERROR", "FAILURE", hostile);
        assertFalse(operator.get("/operator/audit").body().contains("<script>alert(1)</script>"), "escaped on the page");
        try (var csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(operator.get("/operator/audit/export?format=csv&range=24h").body()))) {
            assertTrue(csv.getRecords().stream().anyMatch(r -> r.toMap().containsValue(hostile)),
                    "one CSV cell holds the whole value, line break included, so no fake row appears");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String base64 = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        for (List<JsonObject> log : List.of(tenantLog, systemLog)) {
            for (JsonObject entry : log) {
                assertFalse(entry.toString().contains(key) || entry.toString().contains(base64), "a secret in " + entry);
            }
        }
    }

    /** The one entry of {@code type} written by the request behind {@code page}. */
    private static JsonObject exactlyOne(List<JsonObject> log, PortalClient.Page page, String type, String outcome,
                                         String actor) {
        String correlation = page.header("X-Correlation-Id");
        assertNotNull(correlation, "every response names its correlation id");
        List<JsonObject> matching = log.stream()
                .filter(e -> correlation.equals(e.getString("correlation_id", null)))
                .filter(e -> e.getString("event_type").equals(type)).toList();
        assertEquals(1, matching.size(), type + " entries for request " + correlation);
        JsonObject entry = matching.get(0);
        assertEquals(outcome, entry.getString("outcome"), type);
        assertEquals(actor, entry.getString("actor", null), type);
        assertFalse(entry.getString("tenant_id").isBlank());
        return entry;
    }

    private static List<JsonObject> lines(String body) {
        return body.lines().filter(line -> !line.isBlank()).map(line -> {
            try (var reader = Json.createReader(new StringReader(line))) {
                return reader.readObject();
            }
        }).toList();
    }
}
