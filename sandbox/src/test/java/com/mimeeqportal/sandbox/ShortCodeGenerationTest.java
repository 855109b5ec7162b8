package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /generate-product-short-code}, through the resource as an HTTP call would reach it. */
class ShortCodeGenerationTest {

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
    void theSameProductAndConfigurationAlwaysGetTheSameSixCharacterCode() {
        String configuration = otherConfiguration(VARIANT);

        String first = generate(VARIANT.productId(), ConfigurationCodes.encode(configuration));
        String second = generate(VARIANT.productId(), ConfigurationCodes.encode(configuration));

        assertTrue(first.matches("[A-Z0-9]{6}"), first);
        assertEquals(first, second);
        assertEquals(SandboxShortCodes.derive("config:" + VARIANT.productId() + "|" + configuration), first);
    }

    @Test
    void differentConfigurationsGetDifferentCodes() {
        assertNotEquals(generate(VARIANT.productId(), ConfigurationCodes.encode(VARIANT.defaultConfigurationCode())),
                generate(VARIANT.productId(), ConfigurationCodes.encode(otherConfiguration(VARIANT))));
    }

    @Test
    void aGeneratedCodeResolvesToItsConfigurationAndDefaultCodesResolveAfterARestart() {
        String configuration = otherConfiguration(VARIANT);
        String code = generate(VARIANT.productId(), ConfigurationCodes.encode(configuration));

        ShortCodeTarget target = SandboxFixture.REGISTRY.resolve(code).orElseThrow();
        assertEquals(configuration, assertInstanceOf(ShortCodeTarget.ConfiguredProduct.class, target)
                .configuration().code());

        ShortCodeRegistry afterRestart = new ShortCodeRegistry(SandboxFixture.CATALOG);
        String defaultCode = generate(VARIANT.productId(), ConfigurationCodes.encode(VARIANT.defaultConfigurationCode()));
        assertEquals(VARIANT.defaultConfigurationCode(), assertInstanceOf(ShortCodeTarget.ConfiguredProduct.class,
                afterRestart.resolve(defaultCode).orElseThrow()).configuration().code());
    }

    @Test
    void productsSharedWithTheAccountGetCodesToo() {
        SandboxProduct shared = SandboxFixture.product(product -> product.sharedWith().contains(SandboxFixture.DEMO.id())
                && product.status() == Status.ACTIVE);

        assertTrue(generate(shared.productId(), ConfigurationCodes.encode(shared.defaultConfigurationCode()))
                .matches("[A-Z0-9]{6}"));
    }

    @Test
    void aModularProductGetsASceneCodeWhoseComponentsHaveTheirOwnCodes() {
        String code = generate(MODULAR.productId(), ConfigurationCodes.encode(MODULAR.defaultConfigurationCode()));

        Scene scene = assertInstanceOf(ShortCodeTarget.SavedScene.class,
                SandboxFixture.REGISTRY.resolve(code).orElseThrow()).scene();
        assertEquals(MODULAR, scene.product());
        assertTrue(scene.components().size() >= 2 && scene.components().size() <= 4);
        for (Scene.Component component : scene.components()) {
            assertEquals(component.configuration(), assertInstanceOf(ShortCodeTarget.ConfiguredProduct.class,
                    SandboxFixture.REGISTRY.resolve(component.shortCode()).orElseThrow()).configuration());
        }
        assertEquals(code, generate(MODULAR.productId(), ConfigurationCodes.encode(MODULAR.defaultConfigurationCode())));
    }

    @Test
    void aProductNeitherOwnedNorSharedIsForbidden() {
        SandboxProduct foreign = SandboxFixture.product(product -> !product.isAvailableTo(SandboxFixture.DEMO));

        ApiAnswer answer = sandbox.api.shortCode(key, foreign.productId(),
                ConfigurationCodes.encode(foreign.defaultConfigurationCode()));

        assertEquals(List.of(), SandboxFixture.error(answer, 403, "FORBIDDEN"));
        assertEquals("[]", SandboxFixture.json(answer).getJsonArray("payload").toString());
    }

    @Test
    void inactiveAndUnknownProductsAreNotFound() {
        SandboxProduct inactive = SandboxFixture.product(product -> product.isOwnedBy(SandboxFixture.DEMO)
                && product.status() == Status.INACTIVE);

        SandboxFixture.error(sandbox.api.shortCode(key, inactive.productId(),
                ConfigurationCodes.encode(inactive.defaultConfigurationCode())), 404, "NOT_FOUND");
        SandboxFixture.error(sandbox.api.shortCode(key, "PROD-00000000-0000-0000-0000-000000000000",
                ConfigurationCodes.encode("Fabric-a1")), 404, "NOT_FOUND");
    }

    @Test
    void missingParametersAreNamedTogether() {
        assertEquals(List.of("productId", "configurationCode"),
                SandboxFixture.error(sandbox.api.shortCode(key, null, null), 400, "VALIDATION_ERROR"));
        assertEquals(List.of("productId"), SandboxFixture.error(sandbox.api.shortCode(key, "CODE-1",
                ConfigurationCodes.encode("Fabric-a1")), 400, "VALIDATION_ERROR"));
    }

    @Test
    void aConfigurationCodeThatIsNotBase64OrNamesUnknownOptionsIsAValidationError() {
        assertEquals(List.of("configurationCode"), SandboxFixture.error(sandbox.api.shortCode(key,
                VARIANT.productId(), VARIANT.defaultConfigurationCode()), 400, "VALIDATION_ERROR"));
        assertEquals(List.of("configurationCode"), SandboxFixture.error(sandbox.api.shortCode(key,
                VARIANT.productId(), ConfigurationCodes.encode("Nonsense-a1")), 400, "VALIDATION_ERROR"));
    }

    @Test
    void anUnknownKeyGetsTheAuthorizationGuides401() {
        ApiAnswer answer = sandbox.api.shortCode("wrong", VARIANT.productId(),
                ConfigurationCodes.encode(VARIANT.defaultConfigurationCode()));

        assertEquals(401, answer.status());
        assertEquals("{\"status\":401,\"message\":\"Invalid API Key\"}", answer.body());
    }

    private String generate(String productId, String configurationCode) {
        return SandboxFixture.ok(sandbox.api.shortCode(key, productId, configurationCode)).getString("shortCode");
    }

    /** The product's configuration with the first block's second option instead of its default. */
    private static String otherConfiguration(SandboxProduct product) {
        SandboxBlock block = product.blocks().getFirst();
        SandboxOption other = block.options().stream().filter(option -> !option.equals(block.defaultOption()))
                .findFirst().orElseThrow();
        return ConfigurationCodes.parse(product, block.configurationPart(other)).code();
    }
}
