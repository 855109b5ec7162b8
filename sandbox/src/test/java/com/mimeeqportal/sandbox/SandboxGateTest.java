package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every API call passes: key, counting, latency, rate limits and injected faults, set by the admin hooks. */
class SandboxGateTest {

    private static final String DEMO = SandboxFixture.DEMO.id();
    private static final String CODE = SandboxFixture.defaultCode(
            SandboxFixture.product(SandboxFixture.ownActive(SandboxFixture.DEMO, Mode.VARIANT)));

    @TempDir
    Path dataDir;
    private SandboxFixture sandbox;
    private String key;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxFixture(dataDir);
        key = sandbox.key(SandboxFixture.DEMO);
    }

    @Test
    void failNextAnswersTheGivenStatusesInOrderThenNormally() {
        putFaults("{\"failNext\":[500,503]}");

        ApiAnswer first = list();
        ApiAnswer second = list();
        ApiAnswer third = list();

        assertEquals(500, first.status());
        assertEquals("{\"message\":\"Internal server error\"}", first.body());
        assertEquals(503, second.status());
        assertEquals(200, third.status());
        assertTrue(third.body().startsWith("["));
    }

    @Test
    void malformedNextAnswers200WithBrokenJsonThenNormally() {
        putFaults("{\"malformedNext\":1}");

        ApiAnswer broken = info();

        assertEquals(200, broken.status());
        try (JsonReader reader = Json.createReader(new StringReader(broken.body()))) {
            assertThrows(JsonException.class, reader::read);
        }
        assertEquals(200, info().status());
        SandboxFixture.json(info());
    }

    @Test
    void failuresComeBeforeMalformedBodies() {
        putFaults("{\"failNext\":[502],\"malformedNext\":1}");

        assertEquals(502, info().status());
        assertEquals(200, info().status());
        assertEquals(List.of(), sandbox.faults.current(DEMO).failNext());
        assertEquals(0, sandbox.faults.current(DEMO).malformedNext());
    }

    @Test
    void latencyIsAddedToEveryCallOfTheAccountOnly() {
        putFaults("{\"latencyMs\":250}");

        list();
        info();
        sandbox.api.productsGeneralInfo(sandbox.key(SandboxFixture.NORDIC), SandboxFixture.BASE);

        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(250)), sandbox.sleeps);
    }

    @Test
    void pastTheAccountsRateLimitCallsGet429WithRetryAfterUntilTheSecondHasPassed() {
        putFaults("{\"rateLimitPerSecond\":2,\"retryAfterSeconds\":2}");

        assertEquals(200, info().status());
        assertEquals(200, info().status());
        ApiAnswer limited = info();

        assertEquals(429, limited.status());
        assertEquals("2", limited.headers().get("Retry-After"));
        assertEquals("{\"message\":\"Too Many Requests\"}", limited.body());
        assertEquals(200, sandbox.api.productInfo(sandbox.key(SandboxFixture.NORDIC),
                SandboxFixture.defaultCode(SandboxFixture.product(SandboxFixture.ownActive(SandboxFixture.NORDIC,
                        Mode.VARIANT))), null, null, SandboxFixture.BASE).status());
        sandbox.nanoTime.addAndGet(Duration.ofMillis(1001).toNanos());
        assertEquals(200, info().status());
    }

    @Test
    void theGlobalLimitAllowsABurstOf5000ThenRefillsAt10000PerSecond() {
        RateLimits limits = sandbox.rateLimits;
        for (int i = 0; i < RateLimits.DEFAULT_BURST; i++) {
            assertTrue(limits.globalAllows(), "call " + i);
        }
        assertEquals(false, limits.globalAllows());
        ApiAnswer limited = list();
        assertEquals(429, limited.status());
        assertEquals("1", limited.headers().get("Retry-After"));

        sandbox.nanoTime.addAndGet(Duration.ofMillis(1).toNanos());
        assertTrue(limits.globalAllows());
    }

    @Test
    void requestsAreCountedPerEndpointIncludingRefusedOnes() {
        list();
        info();
        info();
        sandbox.api.productInfo(key, "ZZZZZZ", null, null, SandboxFixture.BASE);
        putFaults("{\"failNext\":[500]}");
        info();
        sandbox.api.productInfo("not a key", CODE, null, null, SandboxFixture.BASE);

        JsonObject counts = SandboxFixture.ok(sandbox.requestsAdmin.get(DEMO, true));

        assertEquals(5, counts.getInt("total"));
        JsonObject byEndpoint = counts.getJsonObject("byEndpoint");
        assertEquals(1, byEndpoint.getInt("get-products-general-info"));
        assertEquals(4, byEndpoint.getInt("get-product-info"));
        assertEquals(0, byEndpoint.getInt("get-product-price-info"));
        assertEquals(0, byEndpoint.getInt("generate-product-short-code"));
        assertEquals(0, SandboxFixture.ok(sandbox.requestsAdmin.get(SandboxFixture.NORDIC.id(), true))
                .getInt("total"));
    }

    @Test
    void rateLimitedCallsAreCountedToo() {
        putFaults("{\"rateLimitPerSecond\":1}");
        info();
        info();

        assertEquals(2, SandboxFixture.ok(sandbox.requestsAdmin.get(DEMO, true)).getInt("total"));
    }

    @Test
    void deletingTheCountersStartsFromZero() {
        info();

        JsonObject reset = SandboxFixture.ok(sandbox.requestsAdmin.delete(DEMO, true));

        assertEquals(0, reset.getInt("total"));
        assertEquals(4, reset.getJsonObject("byEndpoint").size());
        assertEquals(0, SandboxFixture.ok(sandbox.requestsAdmin.get(DEMO, true)).getInt("total"));
    }

    @Test
    void puttingFaultsAnswersTheSettingsWithDefaultsForFieldsLeftOut() {
        JsonObject settings = SandboxFixture.ok(sandbox.faultsAdmin.put(DEMO, "{\"failNext\":[500]}", true));

        assertEquals("{\"latencyMs\":0,\"failNext\":[500],\"malformedNext\":0,\"rateLimitPerSecond\":null,"
                + "\"retryAfterSeconds\":1}", settings.toString());
        assertEquals("no-store", sandbox.faultsAdmin.get(DEMO, true).headers().get("Cache-Control"));
    }

    @Test
    void deletingFaultsHealsTheAccount() {
        putFaults("{\"latencyMs\":100,\"failNext\":[500],\"rateLimitPerSecond\":1}");

        SandboxFixture.ok(sandbox.faultsAdmin.delete(DEMO, true));

        assertEquals(200, info().status());
        assertEquals(200, info().status());
        assertEquals(List.of(), sandbox.sleeps);
    }

    @Test
    void badFaultSettingsAreValidationErrors() {
        for (String body : List.of("{\"latencyMs\":-1}", "{\"failNext\":[200]}", "{\"failNext\":500}",
                "{\"rateLimitPerSecond\":0}", "{\"latencyMs\":\"fast\"}", "{\"latency\":5}", "[1]", "not json")) {
            SandboxFixture.error(sandbox.faultsAdmin.put(DEMO, body, true), 400, "VALIDATION_ERROR");
        }
        assertEquals(FaultSettings.NONE, sandbox.faults.current(DEMO));
    }

    @Test
    void adminHooksAnswerLocalCallersAndKnownAccountsOnly() {
        SandboxFixture.error(sandbox.faultsAdmin.put(DEMO, "{}", false), 403, "FORBIDDEN");
        SandboxFixture.error(sandbox.requestsAdmin.get(DEMO, false), 403, "FORBIDDEN");
        SandboxFixture.error(sandbox.faultsAdmin.get("nobody", true), 404, "NOT_FOUND");
        SandboxFixture.error(sandbox.requestsAdmin.delete("nobody", true), 404, "NOT_FOUND");
    }

    @Test
    void anUnknownKeyGets401AndIsNeitherCountedNorFaulted() {
        putFaults("{\"failNext\":[500]}");

        ApiAnswer answer = sandbox.api.productsGeneralInfo("nope", SandboxFixture.BASE);

        assertEquals(401, answer.status());
        assertEquals("{\"status\":401,\"message\":\"Invalid API Key\"}", answer.body());
        assertEquals(List.of(500), sandbox.faults.current(DEMO).failNext());
    }

    @Test
    void truncatedBodiesAreNeverEmpty() {
        assertEquals("[", SandboxGate.truncated("[]"));
        assertEquals("{\"a\":", SandboxGate.truncated("{\"a\":1234}"));
    }

    private void putFaults(String body) {
        SandboxFixture.ok(sandbox.faultsAdmin.put(DEMO, body, true));
    }

    private ApiAnswer list() {
        return sandbox.api.productsGeneralInfo(key, SandboxFixture.BASE);
    }

    private ApiAnswer info() {
        return sandbox.api.productInfo(key, CODE, null, null, SandboxFixture.BASE);
    }
}
