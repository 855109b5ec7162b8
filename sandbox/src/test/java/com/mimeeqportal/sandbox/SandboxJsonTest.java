package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Privacy;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import com.mimeeqportal.sandbox.SandboxProduct.Type;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue.ValueType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SandboxJsonTest {

    private static final URI SANDBOX = URI.create("http://localhost:8080/sandbox/");
    private static final SandboxAccount OWNER = new SandboxAccount("demo-furniture", "Demo Furniture");
    private static final SandboxAccount PARTNER = new SandboxAccount("nordic-living", "Nordic Living");
    private static final String PRODUCT_ID = "PROD-e6e35a89-159c-413e-98b6-8260367c554a";

    /** docs/mimeeq-api.md, "Product list": every field of a listed product and its JSON type (both booleans are true below). */
    private static final Map<String, ValueType> DOCUMENTED_FIELDS = Map.ofEntries(
            Map.entry("productId", ValueType.STRING),
            Map.entry("variantCode", ValueType.STRING),
            Map.entry("name", ValueType.OBJECT),
            Map.entry("displayName", ValueType.OBJECT),
            Map.entry("status", ValueType.STRING),
            Map.entry("mode", ValueType.STRING),
            Map.entry("type", ValueType.STRING),
            Map.entry("visibility", ValueType.TRUE),
            Map.entry("privacy", ValueType.STRING),
            Map.entry("defaultConfigurationCode", ValueType.STRING),
            Map.entry("manufacturer", ValueType.STRING),
            Map.entry("designer", ValueType.STRING),
            Map.entry("collection", ValueType.STRING),
            Map.entry("previewImage", ValueType.STRING),
            Map.entry("isOwn", ValueType.TRUE),
            Map.entry("createdAt", ValueType.STRING),
            Map.entry("modifiedAt", ValueType.STRING),
            Map.entry("embedShortCode", ValueType.STRING));

    @Test
    void productGeneralInfoHasExactlyTheDocumentedFieldsAndTypes() {
        JsonObject json = SandboxJson.productGeneralInfo(product(Optional.of("John Doe")), OWNER, SANDBOX);

        assertEquals(DOCUMENTED_FIELDS.keySet(), json.keySet());
        Map<String, ValueType> types = json.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, field -> field.getValue().getValueType()));
        assertEquals(DOCUMENTED_FIELDS, types);
    }

    @Test
    void productGeneralInfoCarriesTheProductsValuesInMimeeqsSpelling() {
        JsonObject json = SandboxJson.productGeneralInfo(product(Optional.of("John Doe")), OWNER, SANDBOX);

        assertEquals(PRODUCT_ID, json.getString("productId"));
        assertEquals("DF-LCH-001", json.getString("variantCode"));
        assertEquals(Map.of("en", "Oslo Lounge Chair", "de", "Oslo Loungesessel"), strings(json.getJsonObject("name")));
        assertEquals(Map.of("en", "Oslo Lounge Chair Compact", "de", "Oslo Loungesessel Kompakt"),
                strings(json.getJsonObject("displayName")));
        assertEquals("ACTIVE", json.getString("status"));
        assertEquals("VARIANT", json.getString("mode"));
        assertEquals("3D", json.getString("type"));
        assertEquals("RESTRICTED_TO", json.getString("privacy"));
        assertEquals("Fabric-a7&Colour-a1", json.getString("defaultConfigurationCode"));
        assertEquals("AB furniture", json.getString("manufacturer"));
        assertEquals("John Doe", json.getString("designer"));
        assertEquals("Office", json.getString("collection"));
        assertEquals("http://localhost:8080/sandbox/images/" + PRODUCT_ID + ".svg", json.getString("previewImage"));
        assertEquals("2022-04-19T00:41:33.000Z", json.getString("createdAt"));
        assertEquals("2022-04-22T21:18:25.321Z", json.getString("modifiedAt"));
        assertEquals("77NOCJ", json.getString("embedShortCode"));
    }

    @Test
    void isOwnDependsOnWhoAsks() {
        SandboxProduct product = product(Optional.empty());

        assertTrue(SandboxJson.productGeneralInfo(product, OWNER, SANDBOX).getBoolean("isOwn"));
        assertFalse(SandboxJson.productGeneralInfo(product, PARTNER, SANDBOX).getBoolean("isOwn"));
    }

    @Test
    void aProductWithoutDesignerHasNoDesignerField() {
        JsonObject json = SandboxJson.productGeneralInfo(product(Optional.empty()), OWNER, SANDBOX);

        assertFalse(json.containsKey("designer"));
    }

    @Test
    void theProductListIsABareArrayWithOneEntryPerProduct() {
        List<SandboxProduct> products = new SandboxCatalog(SandboxAccounts.BUILT_IN).availableTo(OWNER);

        JsonArray json = SandboxJson.productsGeneralInfo(products, OWNER, SANDBOX);

        assertEquals(products.size(), json.size());
        assertEquals(products.getFirst().productId(), json.getJsonObject(0).getString("productId"));
    }

    @Test
    void anInvalidKeyGetsTheBodyFromMimeeqsAuthorizationGuide() {
        assertEquals("{\"status\":401,\"message\":\"Invalid API Key\"}", SandboxJson.invalidApiKey().toString());
    }

    @Test
    void otherErrorsHaveMessageCodeAndAnEmptyPayload() {
        assertEquals("{\"message\":\"No sandbox account 'x'\",\"code\":\"NOT_FOUND\",\"payload\":[]}",
                SandboxJson.error("No sandbox account 'x'", "NOT_FOUND").toString());
    }

    @Test
    void validationErrorsNameEachFieldInThePayload() {
        ApiError error = ApiError.validation(List.of(new ApiError.FieldError("shortCode", "shortCode is required"),
                new ApiError.FieldError("quantity", "quantity is required")));

        assertEquals("{\"message\":\"shortCode is required; quantity is required\",\"code\":\"VALIDATION_ERROR\","
                + "\"payload\":[{\"field\":\"shortCode\",\"message\":\"shortCode is required\"},"
                + "{\"field\":\"quantity\",\"message\":\"quantity is required\"}]}", SandboxJson.error(error).toString());
    }

    @Test
    void aGeneratedShortCodeIsAnObjectWithOneField() {
        assertEquals("{\"shortCode\":\"77NOCJ\"}", SandboxJson.shortCode("77NOCJ").toString());
    }

    private static Map<String, String> strings(JsonObject object) {
        return object.keySet().stream().collect(Collectors.toMap(key -> key, object::getString));
    }

    /** The example of docs/mimeeq-api.md, "Product list", owned by OWNER and shared with PARTNER. */
    private static SandboxProduct product(Optional<String> designer) {
        SandboxOption charcoal = new SandboxOption("a7", new LocalizedText("Charcoal Grey", "Anthrazit"));
        SandboxOption black = new SandboxOption("a1", new LocalizedText("Black", "Schwarz"));
        SandboxOption white = new SandboxOption("a2", new LocalizedText("White", "Weiß"));
        LocalizedText name = new LocalizedText("Oslo Lounge Chair", "Oslo Loungesessel");
        return new SandboxProduct(
                PRODUCT_ID,
                OWNER.id(),
                Set.of(PARTNER.id()),
                "DF-LCH-001",
                name,
                name.append(new LocalizedText("Compact", "Kompakt")),
                Status.ACTIVE,
                Mode.VARIANT,
                Type.THREE_D,
                true,
                Privacy.RESTRICTED_TO,
                List.of(new SandboxBlock("Fabric", new LocalizedText("Fabric", "Stoff"), List.of(charcoal), charcoal),
                        new SandboxBlock("Colour", new LocalizedText("Colour", "Farbe"), List.of(black, white), black)),
                "AB furniture",
                designer,
                "Office",
                Instant.parse("2022-04-19T00:41:33Z"),
                Instant.parse("2022-04-22T21:18:25.321Z"),
                "77NOCJ");
    }
}
