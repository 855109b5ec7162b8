package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationCodesTest {

    /** A product with two blocks and at least two options in each (every generated block has two or more). */
    private final SandboxProduct product = SandboxFixture.product(
            SandboxFixture.ownActive(SandboxFixture.DEMO, Mode.VARIANT).and(p -> p.blocks().size() >= 2));

    @Test
    void decodesStandardBase64WithOrWithoutPaddingAndUrlSafeBase64() {
        String code = "Fabric-a7&Colour-a1";
        byte[] bytes = code.getBytes(StandardCharsets.UTF_8);
        for (String encoded : List.of(Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes))) {
            FieldErrors errors = new FieldErrors();
            assertEquals(Optional.of(code), ConfigurationCodes.decode(encoded, errors), encoded);
            errors.throwIfAny();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "RmFi cmlj", "A", "////"})
    void textThatIsNotBase64OfUtf8IsAValidationError(String encoded) {
        FieldErrors errors = new FieldErrors();

        assertEquals(Optional.empty(), ConfigurationCodes.decode(encoded, errors));
        ApiError error = assertThrows(ApiError.ApiException.class, errors::throwIfAny).error();
        assertEquals(ApiError.VALIDATION_ERROR, error.code());
        assertEquals("configurationCode", error.fieldErrors().getFirst().field());
    }

    @Test
    void aMissingCodeIsAValidationError() {
        FieldErrors errors = new FieldErrors();
        ConfigurationCodes.decode(null, errors);
        ConfigurationCodes.decode("", errors);
        assertEquals(2, assertThrows(ApiError.ApiException.class, errors::throwIfAny).error().fieldErrors().size());
    }

    @Test
    void aCodeIsNormalisedToEveryBlockInTheProductsOrder() {
        SandboxBlock first = product.blocks().get(0);
        SandboxBlock second = product.blocks().get(1);
        String forward = part(first, 1) + "&" + part(second, 1);
        String backward = part(second, 1) + "&" + part(first, 1);

        Configuration configuration = ConfigurationCodes.parse(product, backward);

        assertTrue(configuration.code().startsWith(forward), configuration.code());
        assertEquals(ConfigurationCodes.parse(product, forward), configuration);
    }

    @Test
    void blocksLeftOutKeepTheirDefaultOption() {
        SandboxBlock first = product.blocks().getFirst();

        Configuration configuration = ConfigurationCodes.parse(product, part(first, 1));

        assertEquals(first.options().get(1), configuration.selections().getFirst().option());
        for (int i = 1; i < product.blocks().size(); i++) {
            assertEquals(product.blocks().get(i).defaultOption(), configuration.selections().get(i).option());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nonsense-a1", "Fabric-z9&Colour-z9", "Fabric", "Fabric-", "-a1", "Fabric-a1&", "",
            "Fabric_a1", "fabric-A1"})
    void partsNamingNoBlockOrOptionOfTheProductAreValidationErrors(String code) {
        ApiError error = assertThrows(ApiError.ApiException.class, () -> ConfigurationCodes.parse(product, code))
                .error();

        assertEquals(400, error.status().getStatusCode());
        assertEquals("configurationCode", error.fieldErrors().getFirst().field());
    }

    @Test
    void aBlockChosenTwiceIsAValidationError() {
        SandboxBlock first = product.blocks().getFirst();

        assertThrows(ApiError.ApiException.class,
                () -> ConfigurationCodes.parse(product, part(first, 0) + "&" + part(first, 1)));
    }

    private static String part(SandboxBlock block, int option) {
        return block.configurationPart(block.options().get(option));
    }
}
