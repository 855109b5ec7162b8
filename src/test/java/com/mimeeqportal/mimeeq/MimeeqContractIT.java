package com.mimeeqportal.mimeeq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.apikey.ApiKey;
import com.mimeeqportal.it.Fixtures;
import com.mimeeqportal.it.SandboxAdmin;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's Mimeeq client against the sandbox, over real HTTP: every endpoint and every behaviour of
 * docs/mimeeq-api.md the portal relies on. The client here is the portal's own {@link MimeeqHttpClient} and
 * translations, run in the test JVM (without Fault Tolerance's interceptors, which ResilienceIT covers).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MimeeqContractIT {

    private static final String ACCOUNT = "nordic-living";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Fixtures.portalWar();
    }

    @ArquillianResource
    URL url;

    SandboxAdmin sandbox;
    URI api;
    ApiKey key;
    MimeeqHttpClient client;

    @BeforeEach
    void connect() {
        sandbox = new SandboxAdmin(Fixtures.uri(url));
        api = sandbox.api();
        key = new ApiKey(sandbox.key(ACCOUNT));
        client = new MimeeqHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @AfterEach
    void clear() {
        sandbox.clearFaults(ACCOUNT);
    }

    @Test
    void theProductListHasBothModesOwnedAndSharedProductsInTwoLanguages() {
        List<ProductSummary> products = products(key);
        assertTrue(products.size() >= 200, "size " + products.size());
        assertEquals(Set.of("VARIANT", "MODULAR", "STANDARD"),
                products.stream().map(ProductSummary::mode).collect(Collectors.toSet()));
        assertTrue(products.stream().anyMatch(ProductSummary::own));
        assertTrue(products.stream().anyMatch(p -> !p.own()));
        assertTrue(products.stream().anyMatch(p -> !p.active()));
        assertTrue(products.stream().allMatch(p -> p.names().containsKey("en") && p.names().containsKey("de")));
    }

    @Test
    void aWrongKeyGetsMimeeqsOwn401() {
        MimeeqFailure failure = failure(get("get-products-general-info", Map.of(), new ApiKey("not-the-key-0000"),
                ProductListTranslation::translate));
        assertEquals(MimeeqFailure.Kind.INVALID_KEY, failure.kind());
        assertEquals(401, failure.httpStatus());
        assertEquals("Invalid API Key", failure.upstreamMessage());
    }

    @Test
    void aRegeneratedKeyReplacesTheOldOne() {
        ApiKey old = new ApiKey(sandbox.key("acme-office"));
        ApiKey fresh = new ApiKey(sandbox.regenerateKey("acme-office"));
        assertNotEquals(old, fresh);
        assertEquals(MimeeqFailure.Kind.INVALID_KEY, failure(get("get-products-general-info", Map.of(), old,
                ProductListTranslation::translate)).kind());
        assertFalse(products(fresh).isEmpty());
    }

    @Test
    void shortCodesAreStableAndCheckTheirInput() {
        ProductSummary chair = active("VARIANT");
        ShortCode code = generate(chair, new ConfigurationCode(chair.defaultConfigurationCode()));
        assertEquals(code, generate(chair, new ConfigurationCode(chair.defaultConfigurationCode())),
                "the same product and configuration give the same code");

        MimeeqFailure badOption = failure(post(chair.productId(), new ConfigurationCode("Nonsense-zz9")));
        assertEquals(MimeeqFailure.Kind.BAD_REQUEST, badOption.kind());
        assertNotNull(badOption.upstreamMessage());

        Set<String> mine = products(key).stream().map(ProductSummary::productId).collect(Collectors.toSet());
        ProductSummary foreign = products(new ApiKey(sandbox.key("demo-furniture"))).stream()
                .filter(p -> !mine.contains(p.productId()) && p.defaultConfigurationCode() != null)
                .findFirst().orElseThrow();
        assertEquals(MimeeqFailure.Kind.FORBIDDEN, failure(post(foreign.productId(),
                new ConfigurationCode(foreign.defaultConfigurationCode()))).kind());
    }

    @Test
    void productInfoDescribesStandardProductsAndModularScenes() {
        ProductSummary chair = active("VARIANT");
        ProductInfo info = ok(get("get-product-info", Map.of("shortCode", generate(chair).value(), "quantity", "1"),
                key, ProductInfoTranslation::translate));
        assertEquals(chair.name(), info.name());
        assertFalse(info.configuration().isEmpty());
        assertNotNull(info.sku());

        ProductSummary scene = active("MODULAR");
        ProductInfo modular = ok(get("get-product-info", Map.of("shortCode", generate(scene).value()), key,
                ProductInfoTranslation::translate));
        assertTrue(modular.modular());
        assertFalse(modular.components().isEmpty());
        String componentCode = modular.components().get(0).shortCode();
        assertEquals(modular.components().get(0).name(), ok(get("get-product-info", Map.of("shortCode", componentCode),
                key, ProductInfoTranslation::translate)).name(), "a component's own short code resolves");

        assertEquals(MimeeqFailure.Kind.NOT_FOUND, failure(get("get-product-info", Map.of("shortCode", "ZZZZZ9"), key,
                ProductInfoTranslation::translate)).kind());
        assertEquals(MimeeqFailure.Kind.BAD_REQUEST, failure(get("get-product-info", Map.of("shortCode", "abc"), key,
                ProductInfoTranslation::translate)).kind());
    }

    @Test
    void pricesFollowTheSourceTheirPriorityAndTheQuantityBreaks() {
        String code = generate(active("VARIANT")).value();
        PriceQuote group = price(code, 1, Map.of("priceListGroup", "retail-eur"));
        assertEquals("EUR", group.currency());
        assertFalse(group.levels().isEmpty());
        assertTrue(group.levels().get(group.levels().size() - 1).openEnded());
        assertEquals(group.price(), price(code, 1, Map.of("templateId", "Basket")).price(),
                "the Basket template prices with the retail-eur group");

        PriceQuote retail = price(code, 1, Map.of("priceListIds", "PL-NL-RETAIL-EUR"));
        PriceQuote trade = price(code, 1, Map.of("priceListIds", "PL-NL-TRADE-EUR"));
        PriceQuote both = price(code, 1, Map.of("priceListIds", "PL-NL-RETAIL-EUR,PL-NL-TRADE-EUR"));
        assertEquals(retail.price().min(trade.price()), both.price(), "several lists: the cheapest wins");

        String company = companyId("Hotel Aurora");
        PriceQuote forCompany = price(code, 1, Map.of("companyId", company));
        Map<String, String> several = new LinkedHashMap<>();
        several.put("companyId", company);
        several.put("priceListGroup", "retail-usd");
        assertEquals(forCompany.price(), price(code, 1, several).price(), "companyId has the highest priority");

        BigDecimal unitAt4 = price(code, 4, Map.of("priceListGroup", "retail-eur")).activeLevel(new Quantity(4))
                .orElseThrow().price();
        BigDecimal unitAt5 = price(code, 5, Map.of("priceListGroup", "retail-eur")).activeLevel(new Quantity(5))
                .orElseThrow().price();
        assertTrue(unitAt5.compareTo(unitAt4) < 0, "the second level is cheaper per piece");
    }

    @Test
    void pricingFailuresAreFailures() {
        String code = generate(active("VARIANT")).value();
        MimeeqFailure noSource = failure(priceCall(Map.of("shortCode", code, "quantity", "1")));
        assertEquals(MimeeqFailure.Kind.PRICING_REJECTED, noSource.kind(), "200 with errors is no price");
        assertEquals(MimeeqFailure.Kind.BAD_REQUEST, failure(priceCall(
                Map.of("shortCode", code, "quantity", "1", "companyId", "COMP-unknown"))).kind());
        assertEquals(MimeeqFailure.Kind.BAD_REQUEST, failure(priceCall(
                Map.of("shortCode", code, "quantity", "0", "priceListGroup", "retail-eur"))).kind());
    }

    @Test
    void modularScenesArePricedPerComponent() {
        PriceQuote scene = price(generate(active("MODULAR")).value(), 1, Map.of("priceListGroup", "retail-eur"));
        assertFalse(scene.components().isEmpty());
        assertTrue(scene.levels().isEmpty());
    }

    @Test
    void injectedFaultsLookLikeMimeeqMisbehaving() {
        sandbox.faults(ACCOUNT, "{\"failNext\":[429],\"retryAfterSeconds\":2}");
        MimeeqFailure limited = failure(get("get-products-general-info", Map.of(), key, ProductListTranslation::translate));
        assertEquals(MimeeqFailure.Kind.RATE_LIMITED, limited.kind());
        assertEquals(Duration.ofSeconds(2), limited.retryAfter());

        sandbox.faults(ACCOUNT, "{\"malformedNext\":1}");
        assertEquals(MimeeqFailure.Kind.MALFORMED_RESPONSE,
                failure(get("get-products-general-info", Map.of(), key, ProductListTranslation::translate)).kind());

        sandbox.faults(ACCOUNT, "{\"failNext\":[500]}");
        MimeeqTransportException serverError = assertThrows(MimeeqTransportException.class,
                () -> client.get(api, "get-products-general-info", Map.of(), key, "contract"));
        assertEquals(500, serverError.reply().status());

        sandbox.faults(ACCOUNT, "{\"latencyMs\":3000}");
        MimeeqTransportException slow = assertThrows(MimeeqTransportException.class,
                () -> client.get(api, "get-products-general-info", Map.of(), key, "contract"));
        assertEquals(MimeeqTransportException.Kind.TIMEOUT, slow.kind());
    }

    // --- helpers -----------------------------------------------------------------------------------

    private List<ProductSummary> products(ApiKey apiKey) {
        return ok(get("get-products-general-info", Map.of(), apiKey, ProductListTranslation::translate));
    }

    private ProductSummary active(String mode) {
        return products(key).stream().filter(p -> p.own() && p.active() && mode.equals(p.mode())
                && p.defaultConfigurationCode() != null).findFirst().orElseThrow();
    }

    private ShortCode generate(ProductSummary product) {
        return generate(product, new ConfigurationCode(product.defaultConfigurationCode()));
    }

    private ShortCode generate(ProductSummary product, ConfigurationCode configuration) {
        return ok(post(product.productId(), configuration));
    }

    private MimeeqResult<ShortCode> post(String productId, ConfigurationCode configuration) {
        MimeeqHttpClient.HttpReply reply = client.post(api, MimeeqGateway.GENERATE_SHORT_CODE,
                Map.of("productId", productId, "configurationCode", configuration.base64()), key, "contract");
        return MimeeqReplyTranslation.translate(reply, body -> JsonReading.parse(body)
                .flatMap(json -> JsonReading.text(json.asJsonObject(), "shortCode"))
                .<MimeeqResult<ShortCode>>map(text -> MimeeqResult.ok(new ShortCode(text)))
                .orElseGet(() -> MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.MALFORMED_RESPONSE))));
    }

    private PriceQuote price(String code, int quantity, Map<String, String> source) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("shortCode", code, "quantity", Integer.toString(quantity)));
        query.putAll(source);
        return ok(priceCall(query));
    }

    private <T> MimeeqResult<T> get(String endpoint, Map<String, String> query, ApiKey apiKey,
                                    Function<String, java.util.Optional<T>> translation) {
        MimeeqHttpClient.HttpReply reply = client.get(api, endpoint, query, apiKey, "contract");
        return MimeeqReplyTranslation.translate(reply, MimeeqReplyTranslation.orMalformed(translation));
    }

    private MimeeqResult<PriceQuote> priceCall(Map<String, String> query) {
        return MimeeqReplyTranslation.translate(client.get(api, MimeeqGateway.PRICE, query, key, "contract"),
                PriceTranslation::translate);
    }

    private static String companyId(String name) {
        return "COMP-" + UUID.nameUUIDFromBytes((ACCOUNT + "/company/" + name).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static <T> T ok(MimeeqResult<T> result) {
        return (T) assertInstanceOf(MimeeqResult.Ok.class, result, () -> "failed: " + result).value();
    }

    private static MimeeqFailure failure(MimeeqResult<?> result) {
        return assertInstanceOf(MimeeqResult.Failed.class, result, () -> "succeeded: " + result).failure();
    }
}
