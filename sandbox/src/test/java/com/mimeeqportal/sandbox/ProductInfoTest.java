package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /get-product-info}, through the resource. */
class ProductInfoTest {

    private static final SandboxProduct VARIANT =
            SandboxFixture.product(SandboxFixture.ownActive(SandboxFixture.DEMO, Mode.VARIANT));
    private static final SandboxProduct MODULAR =
            SandboxFixture.product(SandboxFixture.ownActive(SandboxFixture.DEMO, Mode.MODULAR));

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
    void aVariantHasExactlyTheFieldsOfProductInfoResponse() {
        JsonObject info = info(SandboxFixture.defaultCode(VARIANT), "1", null);

        assertEquals(Set.of("name", "code", "description", "defaultImage", "SKU", "configuration", "status", "mode",
                "deliveryInfo"), info.keySet());
        assertEquals(VARIANT.name().en(), info.getString("name"));
        assertEquals(VARIANT.variantCode(), info.getString("code"));
        assertEquals("http://localhost:8080/sandbox/images/" + VARIANT.productId() + ".svg",
                info.getString("defaultImage"));
        assertTrue(info.getString("SKU").startsWith(VARIANT.variantCode() + "-"), info.getString("SKU"));
        assertEquals("ACTIVE", info.getString("status"));
        assertEquals("VARIANT", info.getString("mode"));
        assertTrue(info.getString("deliveryInfo").startsWith("Ships within "), info.getString("deliveryInfo"));
    }

    @Test
    void theConfigurationListsTheChosenOptionPerBlock() {
        List<JsonObject> blocks = info(SandboxFixture.defaultCode(VARIANT), null, null)
                .getJsonArray("configuration").getValuesAs(JsonObject.class);

        assertEquals(VARIANT.blocks().size(), blocks.size());
        SandboxBlock first = VARIANT.blocks().getFirst();
        JsonObject block = blocks.getFirst();
        assertEquals(first.code(), block.getString("blockId"));
        assertEquals(first.name().en(), block.getString("blockName"));
        assertEquals(List.of(first.defaultOption().name().en()), block.getJsonArray("options").getValuesAs(
                JsonString::getString));
        assertEquals(first.defaultOption().name().en(),
                block.getJsonArray("optionsData").getJsonObject(0).getString("optionName"));
    }

    @Test
    void langDeTranslatesNamesAndTexts() {
        JsonObject info = info(SandboxFixture.defaultCode(VARIANT), null, "de");

        assertEquals(VARIANT.name().de(), info.getString("name"));
        assertEquals(VARIANT.blocks().getFirst().name().de(),
                info.getJsonArray("configuration").getJsonObject(0).getString("blockName"));
        assertTrue(info.getString("deliveryInfo").startsWith("Lieferbar"), info.getString("deliveryInfo"));
        assertEquals(VARIANT.name().en(), info(SandboxFixture.defaultCode(VARIANT), null, "fr").getString("name"));
    }

    @Test
    void aSceneListsItsComponentsWithTheirOwnShortCodesAndHasNoSku() {
        Scene scene = ((ShortCodeTarget.SavedScene) SandboxFixture.REGISTRY
                .resolve(SandboxFixture.defaultCode(MODULAR)).orElseThrow()).scene();

        JsonObject info = info(SandboxFixture.defaultCode(MODULAR), null, null);

        assertEquals("MODULAR", info.getString("mode"));
        assertFalse(info.containsKey("SKU"));
        List<JsonObject> components = info.getJsonArray("components").getValuesAs(JsonObject.class);
        assertEquals(scene.components().size(), components.size());
        for (int i = 0; i < components.size(); i++) {
            Scene.Component expected = scene.components().get(i);
            JsonObject component = components.get(i);
            assertEquals(Set.of("name", "code", "description", "defaultImage", "SKU", "configuration", "quantity",
                    "productId", "shortCode"), component.keySet());
            assertEquals(expected.product().productId(), component.getString("productId"));
            assertEquals(expected.quantity(), component.getInt("quantity"));
            assertEquals(expected.shortCode(), component.getString("shortCode"));
            assertEquals(expected.product().blocks().size(), component.getJsonArray("configuration").size());
            assertEquals(expected.product().variantCode(), info(expected.shortCode(), null, null).getString("code"));
        }
    }

    @Test
    void anUnknownShortCodeIsNotFound() {
        assertEquals(List.of(), SandboxFixture.error(answer("ZZZZZZ", null), 404, "NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc123", "ABC12", "ABC1234", "ABC-12", " "})
    void aMalformedShortCodeIsAValidationErrorOnShortCode(String code) {
        assertEquals(List.of("shortCode"), SandboxFixture.error(answer(code, null), 400, "VALIDATION_ERROR"));
    }

    @Test
    void aMissingShortCodeIsAValidationErrorOnShortCode() {
        assertEquals(List.of("shortCode"), SandboxFixture.error(answer(null, null), 400, "VALIDATION_ERROR"));
    }

    @Test
    void quantityIsOptionalButCheckedWhenSent() {
        assertEquals(200, answer(SandboxFixture.defaultCode(VARIANT), null).status());
        assertEquals(List.of("quantity"), SandboxFixture.error(answer(SandboxFixture.defaultCode(VARIANT), "0"),
                400, "VALIDATION_ERROR"));
    }

    @Test
    void aProductNeitherOwnedNorSharedIsForbidden() {
        SandboxProduct foreign = SandboxFixture.product(product -> !product.isAvailableTo(SandboxFixture.DEMO)
                && product.status() == Status.ACTIVE);

        SandboxFixture.error(answer(SandboxFixture.defaultCode(foreign), null), 403, "FORBIDDEN");
    }

    @Test
    void inactiveProductsAndEmbedCodesAreNotFound() {
        SandboxProduct inactive = SandboxFixture.product(product -> product.isOwnedBy(SandboxFixture.DEMO)
                && product.status() == Status.INACTIVE);

        SandboxFixture.error(answer(SandboxFixture.defaultCode(inactive), null), 404, "NOT_FOUND");
        SandboxFixture.error(answer(VARIANT.embedShortCode(), null), 404, "NOT_FOUND");
    }

    private JsonObject info(String shortCode, String quantity, String lang) {
        return SandboxFixture.ok(sandbox.api.productInfo(key, shortCode, quantity, lang, SandboxFixture.BASE));
    }

    private ApiAnswer answer(String shortCode, String quantity) {
        return sandbox.api.productInfo(key, shortCode, quantity, null, SandboxFixture.BASE);
    }
}
