package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The whole sandbox wired by hand, as CDI would, for tests without a server. The catalog, registry and pricing data
 * are immutable (or, for the registry, only grow deterministically) and shared; accounts' keys, faults, counters and
 * rate limits are per fixture. Time is a fake nanosecond clock and sleeping only records the duration.
 */
final class SandboxFixture {

    static final URI BASE = URI.create("http://localhost:8080/sandbox/");
    static final SandboxAccount DEMO = SandboxAccounts.BUILT_IN.get(0);
    static final SandboxAccount NORDIC = SandboxAccounts.BUILT_IN.get(1);
    static final SandboxAccount ACME = SandboxAccounts.BUILT_IN.get(2);

    static final SandboxCatalog CATALOG = new SandboxCatalog(SandboxAccounts.BUILT_IN);
    static final ShortCodeRegistry REGISTRY = new ShortCodeRegistry(CATALOG);
    static final PriceLists PRICE_LISTS = new PriceLists(SandboxAccounts.BUILT_IN);
    static final Companies COMPANIES = new Companies(SandboxAccounts.BUILT_IN, PRICE_LISTS);
    static final EmbedTemplates TEMPLATES = new EmbedTemplates(SandboxAccounts.BUILT_IN, PRICE_LISTS);
    /** A day after the spring promotion list expired. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    final SandboxAccounts accounts;
    final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);
    final List<Duration> sleeps = new ArrayList<>();
    final RequestCounter counter = new RequestCounter();
    final Faults faults = new Faults();
    final RateLimits rateLimits = new RateLimits(nanoTime::get);
    final ShortCodeLookup lookup = new ShortCodeLookup(REGISTRY);
    final ShortCodeGenerator generator = new ShortCodeGenerator(CATALOG, REGISTRY);
    final PriceInfoService prices = new PriceInfoService(lookup,
            new PricingSources(PRICE_LISTS, COMPANIES, TEMPLATES), TODAY);
    final SandboxGate gate;
    final SandboxResource api;
    final SandboxFaultsResource faultsAdmin;
    final SandboxRequestsResource requestsAdmin;

    SandboxFixture(Path dataDir) {
        accounts = new SandboxAccounts(dataDir.resolve("accounts.properties"));
        gate = new SandboxGate(accounts, counter, faults, rateLimits, sleeps::add);
        api = new SandboxResource(gate, CATALOG, new ProductInfoService(lookup), prices, generator, Optional.empty());
        faultsAdmin = new SandboxFaultsResource(accounts, faults, rateLimits);
        requestsAdmin = new SandboxRequestsResource(accounts, counter);
    }

    String key(SandboxAccount account) {
        return accounts.currentKey(account.id());
    }

    /** The first product of the catalog that matches, in the catalog's fixed order. */
    static SandboxProduct product(Predicate<SandboxProduct> matching) {
        return CATALOG.all().stream().filter(matching).findFirst().orElseThrow();
    }

    static Predicate<SandboxProduct> ownActive(SandboxAccount account, Mode mode) {
        return product -> product.isOwnedBy(account) && product.status() == Status.ACTIVE && product.mode() == mode;
    }

    /** The configuration short code of a product's default configuration, registered at start. */
    static String defaultCode(SandboxProduct product) {
        return REGISTRY.codeFor(Configuration.defaultOf(product));
    }

    static JsonObject json(ApiAnswer answer) {
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }

    /** The body of a 200, checking the status first. */
    static JsonObject ok(ApiAnswer answer) {
        assertEquals(200, answer.status(), answer.body());
        return json(answer);
    }

    /** Checks a Mimeeq error body and answers its payload's fields, in order. */
    static List<String> error(ApiAnswer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        JsonObject body = json(answer);
        assertEquals(code, body.getString("code"), answer.body());
        assertEquals(false, body.getString("message").isBlank());
        return body.getJsonArray("payload").getValuesAs(JsonObject.class).stream()
                .map(field -> {
                    assertEquals(false, field.getString("message").isBlank());
                    return field.getString("field");
                })
                .toList();
    }
}
