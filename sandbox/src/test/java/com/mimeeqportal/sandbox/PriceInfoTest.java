package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /get-product-price-info}, through the resource, for the Demo Furniture account ("DF"). */
class PriceInfoTest {

    private static final SandboxAccount DEMO = SandboxFixture.DEMO;
    /** A product dear enough (list price 600 EUR or more) that the project list wins at large quantities. */
    private static final SandboxProduct VARIANT = SandboxFixture.product(SandboxFixture.ownActive(DEMO, Mode.VARIANT)
            .and(p -> ProductPrices.listPriceEuro(Configuration.defaultOf(p)).compareTo(BigDecimal.valueOf(600)) >= 0));
    private static final SandboxProduct MODULAR = SandboxFixture.product(SandboxFixture.ownActive(DEMO, Mode.MODULAR));
    private static final String CODE = SandboxFixture.defaultCode(VARIANT);
    private static final String RETAIL_EUR = "PL-DF-RETAIL-EUR";
    private static final String TRADE_EUR = "PL-DF-TRADE-EUR";
    private static final String PROJECT_EUR = "PL-DF-PROJECT-EUR";
    private static final String HOTEL_AURORA = Companies.id(DEMO, "Hotel Aurora");
    private static final String BUERO_SCHMIDT = Companies.id(DEMO, "Büro Schmidt GmbH");

    @TempDir
    Path dataDir;
    private SandboxFixture sandbox;
    private String key;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxFixture(dataDir);
        key = sandbox.key(DEMO);
    }

    @Test
    void aStandardPriceHasTotalUnitPriceLevelsItemMastersCurrencyAndVatType() {
        JsonObject price = price(request(CODE, "1").priceListGroup("retail-eur"));

        assertEquals(Set.of("price", "unitPrice", "oneTimePrice", "levels", "currency", "deliveryTime",
                "itemMasters", "vatType"), price.keySet());
        assertEquals("EUR", price.getString("currency"));
        assertEquals("VAT_INCL", price.getString("vatType"));
        JsonObject item = price.getJsonArray("itemMasters").getJsonObject(0);
        assertEquals(Set.of("code", "deliveryTime", "dimensions", "m3"), item.keySet());
        assertEquals(Set.of("width", "depth", "height", "weight"), item.getJsonObject("dimensions").keySet());
        int slowest = price.getJsonArray("itemMasters").getValuesAs(JsonObject.class).stream()
                .mapToInt(master -> master.getInt("deliveryTime")).max().orElseThrow();
        assertEquals(slowest, price.getInt("deliveryTime"));
    }

    @Test
    void levelsFollowTheThresholdsAndTheLastIsOpenEnded() {
        List<JsonObject> levels = price(request(CODE, "1").priceListIds(RETAIL_EUR))
                .getJsonArray("levels").getValuesAs(JsonObject.class);

        assertEquals(3, levels.size());
        // The retail lists write quantityMin as text, as some of Mimeeq's examples do.
        assertEquals(List.of("1", "5", "15"), levels.stream().map(level -> level.getString("quantityMin")).toList());
        assertEquals(4, levels.get(0).getInt("quantityMax"));
        assertEquals(14, levels.get(1).getInt("quantityMax"));
        assertFalse(levels.get(2).containsKey("quantityMax"));
        assertEquals(Set.of("quantityMin", "quantityMax", "price", "pricePart", "discount"), levels.get(0).keySet());
        assertEquals(new BigDecimal("0.05"), levels.get(1).getJsonNumber("discount").bigDecimalValue());
    }

    @Test
    void tradeListsWriteQuantitiesAsNumbers() {
        JsonObject level = price(request(CODE, "1").priceListIds(TRADE_EUR)).getJsonArray("levels").getJsonObject(1);

        assertEquals(JsonValue.ValueType.NUMBER, level.get("quantityMin").getValueType());
        assertEquals(10, level.getInt("quantityMin"));
        assertEquals(49, level.getInt("quantityMax"));
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "4, 0", "5, 1", "14, 1", "15, 2", "1000000, 2"})
    void theQuantityChoosesItsLevelAtTheBoundaries(int quantity, int level) {
        JsonObject price = price(request(CODE, String.valueOf(quantity)).priceListIds(RETAIL_EUR));

        BigDecimal levelPrice = amount(price.getJsonArray("levels").getJsonObject(level), "price");
        assertEquals(levelPrice, amount(price, "unitPrice"));
        assertEquals(levelPrice.multiply(BigDecimal.valueOf(quantity))
                        .add(amount(price.getJsonArray("levels").getJsonObject(level), "pricePart"))
                        .add(amount(price, "oneTimePrice")).stripTrailingZeros(),
                amount(price, "price").stripTrailingZeros());
    }

    @Test
    void thePricePartIsAddedOnceNotPerUnit() {
        JsonObject price = price(request(CODE, "30").priceListIds(PROJECT_EUR));

        JsonObject level = price.getJsonArray("levels").getJsonObject(1);
        assertEquals(new BigDecimal("250"), amount(level, "pricePart"));
        assertEquals(amount(level, "price").multiply(BigDecimal.valueOf(30)).add(new BigDecimal("250"))
                .add(amount(price, "oneTimePrice")).stripTrailingZeros(), amount(price, "price").stripTrailingZeros());
    }

    @Test
    void groupsWithVatIncludeItInEveryAmount() {
        BigDecimal net = amount(price(request(CODE, "1").priceListIds(RETAIL_EUR)), "unitPrice");
        JsonObject gross = price(request(CODE, "1").priceListGroup("retail-eur"));

        assertEquals(Money.cents(net.multiply(new BigDecimal("1.19"))).stripTrailingZeros(),
                amount(gross, "unitPrice").stripTrailingZeros());
        assertEquals("VAT_EXCL", price(request(CODE, "1").priceListIds(RETAIL_EUR)).getString("vatType"));
    }

    @Test
    void severalPriceListIdsGiveTheCheapestInEitherSpelling() {
        JsonObject trade = price(request(CODE, "1").priceListIds(TRADE_EUR));

        assertEquals(trade, price(request(CODE, "1").priceListIds(RETAIL_EUR + "," + TRADE_EUR)));
        assertEquals(trade, price(request(CODE, "1").priceListIds(TRADE_EUR + " , " + RETAIL_EUR)));
        assertEquals(trade, price(request(CODE, "1").priceListIds(RETAIL_EUR, TRADE_EUR)));
    }

    @Test
    void listsInDifferentCurrenciesAreComparedInEuro() {
        // Retail GBP is the base price converted; retail USD adds 5 % before converting.
        JsonObject price = price(request(CODE, "1").priceListIds("PL-DF-RETAIL-USD,PL-DF-RETAIL-GBP"));

        assertEquals("GBP", price.getString("currency"));
    }

    @Test
    void aCompanyIsPricedFromTheCheapestOfItsListsWhichDependsOnTheQuantity() {
        assertEquals(price(request(CODE, "1").priceListIds(TRADE_EUR)),
                price(request(CODE, "1").companyId(HOTEL_AURORA)));
        assertEquals(price(request(CODE, "200").priceListIds(PROJECT_EUR)),
                price(request(CODE, "200").companyId(HOTEL_AURORA)));
        assertEquals(price(request(CODE, "200").priceListIds(TRADE_EUR, PROJECT_EUR)),
                price(request(CODE, "200").companyId(HOTEL_AURORA)));
    }

    @Test
    void expiredAndInactiveListsAreIgnoredThoughTheyWouldBeCheaper() {
        assertEquals(price(request(CODE, "1").priceListIds(RETAIL_EUR)),
                price(request(CODE, "1").companyId(BUERO_SCHMIDT)));
        assertEquals(price(request(CODE, "1").priceListIds(TRADE_EUR)),
                price(request(CODE, "1").priceListGroup("trade-eur")));
        assertEquals(price(request(CODE, "1").priceListIds(RETAIL_EUR, "PL-DF-SPRING-PROMO", "PL-DF-LEGACY-2023")),
                price(request(CODE, "1").priceListIds(RETAIL_EUR)));
    }

    @Test
    void onlyUnusableListsGive200WithZeroPriceAndAnError() {
        JsonObject price = price(request(CODE, "1").priceListIds("PL-DF-SPRING-PROMO,PL-DF-LEGACY-2023"));

        assertEquals(0, price.getInt("price"));
        assertEquals("NO_ACTIVE_PRICE_LIST", price.getJsonArray("errors").getJsonObject(0).getString("code"));
    }

    @Test
    void embedTemplatesAndLanguagesPriceFromTheirGroups() {
        assertEquals(price(request(CODE, "3").priceListGroup("retail-eur")),
                price(request(CODE, "3").templateId("Basket")));
        assertEquals(price(request(CODE, "3").priceListGroup("retail-gbp")),
                price(request(CODE, "3").templateId("Showroom")));
        assertEquals(price(request(CODE, "3").priceListGroup("retail-eur")), price(request(CODE, "3").lang("de")));
        assertEquals(price(request(CODE, "3").priceListGroup("retail-gbp")), price(request(CODE, "3").lang("en")));
        assertEquals("GBP", price(request(CODE, "3").templateId("Showroom")).getString("currency"));
    }

    @Test
    void withSeveralSourcesTheDocumentedPriorityDecides() {
        assertEquals(price(request(CODE, "1").companyId(HOTEL_AURORA)), price(request(CODE, "1")
                .companyId(HOTEL_AURORA).priceListIds(RETAIL_EUR).priceListGroup("retail-gbp").templateId("Trade")
                .lang("en")));
        assertEquals(price(request(CODE, "1").priceListIds(RETAIL_EUR)), price(request(CODE, "1")
                .priceListIds(RETAIL_EUR).priceListGroup("retail-gbp").templateId("Trade").lang("en")));
        assertEquals(price(request(CODE, "1").priceListGroup("retail-gbp")), price(request(CODE, "1")
                .priceListGroup("retail-gbp").templateId("Trade").lang("de")));
        assertEquals(price(request(CODE, "1").templateId("Trade")), price(request(CODE, "1")
                .templateId("Trade").lang("en")));
    }

    @Test
    void lowerPrioritySourcesAreIgnoredEvenWhenUnknown() {
        assertEquals(200, answer(request(CODE, "1").companyId(HOTEL_AURORA).priceListGroup("nope")).status());
    }

    @ParameterizedTest
    @CsvSource({"companyId, COMP-00000000-0000-0000-0000-000000000000", "priceListIds, PL-NL-RETAIL-EUR",
            "priceListGroup, nope", "templateId, basket", "lang, fr"})
    void anUnknownSourceIsAValidationErrorNamingIt(String field, String value) {
        PriceRequestBuilder request = request(CODE, "1");
        switch (field) {
            case "companyId" -> request.companyId(value);
            case "priceListIds" -> request.priceListIds(RETAIL_EUR + "," + value);
            case "priceListGroup" -> request.priceListGroup(value);
            case "templateId" -> request.templateId(value);
            default -> request.lang(value);
        }
        assertEquals(List.of(field), SandboxFixture.error(answer(request), 400, "VALIDATION_ERROR"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "0", "-1", "1e9", "1000000000", "1000001", "1.5", "ten", "+3", " 3"})
    void aQuantityThatIsNotAWholeNumberFrom1To1000000IsAValidationError(String quantity) {
        assertEquals(List.of("quantity"), SandboxFixture.error(answer(request(CODE, quantity)
                .priceListIds(RETAIL_EUR)), 400, "VALIDATION_ERROR"));
    }

    @Test
    void missingShortCodeAndQuantityAreNamedTogether() {
        assertEquals(List.of("shortCode", "quantity"),
                SandboxFixture.error(answer(request(null, null).priceListIds(RETAIL_EUR)), 400, "VALIDATION_ERROR"));
    }

    @Test
    void withoutAPricingSourceTheAnswerIs200WithZeroPricesAndAnError() {
        JsonObject price = price(request(CODE, "2"));

        assertEquals(0, price.getInt("price"));
        assertEquals(0, price.getInt("unitPrice"));
        assertEquals(0, price.getInt("oneTimePrice"));
        assertEquals(0, price.getJsonArray("levels").size());
        assertEquals("EUR", price.getString("currency"));
        JsonObject error = price.getJsonArray("errors").getJsonObject(0);
        assertEquals("PRICING_SOURCE_REQUIRED", error.getString("code"));
        assertFalse(error.getString("message").isBlank());
    }

    @Test
    void aScenePricesEachComponentAndTotalsThemWithoutLevels() {
        Scene scene = ((ShortCodeTarget.SavedScene) SandboxFixture.REGISTRY
                .resolve(SandboxFixture.defaultCode(MODULAR)).orElseThrow()).scene();

        JsonObject price = price(request(SandboxFixture.defaultCode(MODULAR), "2").priceListIds(TRADE_EUR));

        assertEquals(Set.of("price", "currency", "deliveryTime", "components", "vatType"), price.keySet());
        List<JsonObject> components = price.getJsonArray("components").getValuesAs(JsonObject.class);
        assertEquals(scene.components().size(), components.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < components.size(); i++) {
            JsonObject component = components.get(i);
            assertEquals(Set.of("unitPrice", "totalPrice", "quantity", "shortCode"), component.keySet());
            assertEquals(scene.components().get(i).shortCode(), component.getString("shortCode"));
            assertEquals(2 * scene.components().get(i).quantity(), component.getInt("quantity"));
            assertEquals(amount(component, "unitPrice").multiply(BigDecimal.valueOf(component.getInt("quantity")))
                    .stripTrailingZeros(), amount(component, "totalPrice").stripTrailingZeros());
            sum = sum.add(amount(component, "totalPrice"));
        }
        assertEquals(sum.stripTrailingZeros(), amount(price, "price").stripTrailingZeros());
    }

    @Test
    void aSceneWithoutAPricingSourceListsItsComponentsAtZero() {
        JsonObject price = price(request(SandboxFixture.defaultCode(MODULAR), "1"));

        assertEquals(0, price.getInt("price"));
        price.getJsonArray("components").getValuesAs(JsonObject.class)
                .forEach(component -> assertEquals(0, component.getInt("totalPrice")));
        assertEquals("PRICING_SOURCE_REQUIRED", price.getJsonArray("errors").getJsonObject(0).getString("code"));
    }

    @Test
    void shortCodeErrorsAreTheSameAsOnProductInfo() {
        SandboxProduct foreign = SandboxFixture.product(product -> !product.isAvailableTo(DEMO)
                && product.status() == Status.ACTIVE);
        SandboxProduct inactive = SandboxFixture.product(product -> product.isOwnedBy(DEMO)
                && product.status() == Status.INACTIVE);

        SandboxFixture.error(answer(request(SandboxFixture.defaultCode(foreign), "1").priceListIds(RETAIL_EUR)),
                403, "FORBIDDEN");
        SandboxFixture.error(answer(request(SandboxFixture.defaultCode(inactive), "1").priceListIds(RETAIL_EUR)),
                404, "NOT_FOUND");
        SandboxFixture.error(answer(request("ZZZZZZ", "1").priceListIds(RETAIL_EUR)), 404, "NOT_FOUND");
        assertTrue(answer(request("ZZZZZZ", "1")).status() == 404, "the code is checked before the source");
    }

    private JsonObject price(PriceRequestBuilder request) {
        return SandboxFixture.ok(answer(request));
    }

    private ApiAnswer answer(PriceRequestBuilder request) {
        return sandbox.api.priceInfo(key, request.build());
    }

    private static BigDecimal amount(JsonObject json, String field) {
        return json.getJsonNumber(field).bigDecimalValue();
    }

    private static PriceRequestBuilder request(String shortCode, String quantity) {
        return new PriceRequestBuilder(shortCode, quantity);
    }

    /** Test helper: the query parameters of one price request. */
    private static final class PriceRequestBuilder {
        private final String shortCode;
        private final String quantity;
        private String companyId;
        private List<String> priceListIds = List.of();
        private String priceListGroup;
        private String templateId;
        private String lang;

        PriceRequestBuilder(String shortCode, String quantity) {
            this.shortCode = shortCode;
            this.quantity = quantity;
        }

        PriceRequestBuilder companyId(String value) {
            companyId = value;
            return this;
        }

        /** One value per repetition of the parameter. */
        PriceRequestBuilder priceListIds(String... values) {
            priceListIds = List.of(values);
            return this;
        }

        PriceRequestBuilder priceListGroup(String value) {
            priceListGroup = value;
            return this;
        }

        PriceRequestBuilder templateId(String value) {
            templateId = value;
            return this;
        }

        PriceRequestBuilder lang(String value) {
            lang = value;
            return this;
        }

        PriceRequest build() {
            return new PriceRequest(shortCode, quantity, companyId, priceListIds, priceListGroup, templateId, lang);
        }
    }
}
