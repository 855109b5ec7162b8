package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.Configuration.Selection;
import com.mimeeqportal.sandbox.ShortCodeTarget.ConfiguredProduct;
import com.mimeeqportal.sandbox.ShortCodeTarget.SavedScene;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.net.URI;

/**
 * The body of {@code GET /get-product-info}, Mimeeq's {@code ProductInfoResponse}: names in the requested language,
 * the chosen options per block, and for a scene one entry per component instead of a SKU.
 */
final class ProductInfoJson {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ProductInfoJson() {
    }

    /** @param sandboxBase the sandbox's base URI, ending in {@code /}; images are served under it */
    static JsonObject productInfo(ShortCodeTarget target, Language language, URI sandboxBase) {
        return switch (target) {
            case ConfiguredProduct configured -> standard(configured.configuration(), language, sandboxBase);
            case SavedScene saved -> scene(saved.scene(), language, sandboxBase);
            case ShortCodeTarget.Embed embed -> throw new IllegalArgumentException("Embed codes have no product info");
        };
    }

    private static JsonObject standard(Configuration configuration, Language language, URI sandboxBase) {
        return product(configuration, language, sandboxBase)
                .add("SKU", ProductTexts.sku(configuration))
                .add("configuration", configuration(configuration, language))
                .add("status", configuration.product().status().name())
                .add("mode", configuration.product().mode().name())
                .add("deliveryInfo",
                        ProductTexts.deliveryInfo(ItemMaster.deliveryDays(configuration), language))
                .build();
    }

    /** A scene has no SKU of its own (Mimeeq: "not available for MODULAR products"); its components each have one. */
    private static JsonObject scene(Scene scene, Language language, URI sandboxBase) {
        JsonArrayBuilder components = JSON.createArrayBuilder();
        int deliveryDays = 0;
        for (Scene.Component component : scene.components()) {
            components.add(product(component.configuration(), language, sandboxBase)
                    .add("SKU", ProductTexts.sku(component.configuration()))
                    .add("configuration", configuration(component.configuration(), language))
                    .add("quantity", component.quantity())
                    .add("productId", component.product().productId())
                    .add("shortCode", component.shortCode()));
            deliveryDays = Math.max(deliveryDays, ItemMaster.deliveryDays(component.configuration()));
        }
        return product(scene.modular(), language, sandboxBase)
                .add("configuration", configuration(scene.modular(), language))
                .add("status", scene.product().status().name())
                .add("mode", scene.product().mode().name())
                .add("deliveryInfo", ProductTexts.deliveryInfo(deliveryDays, language))
                .add("components", components)
                .build();
    }

    /** The fields of Mimeeq's {@code MimeeqProduct} every entry starts with. */
    private static JsonObjectBuilder product(Configuration configuration, Language language, URI sandboxBase) {
        SandboxProduct product = configuration.product();
        return JSON.createObjectBuilder()
                .add("name", language.of(product.name()))
                .add("code", product.variantCode())
                .add("description", ProductTexts.description(product, language))
                .add("defaultImage", SandboxImageResource.previewImageUri(sandboxBase, product).toString());
    }

    /** One entry per block; {@code optionsData} has no {@code image}, which Mimeeq marks optional. */
    private static JsonArrayBuilder configuration(Configuration configuration, Language language) {
        JsonArrayBuilder blocks = JSON.createArrayBuilder();
        for (Selection selection : configuration.selections()) {
            String optionName = language.of(selection.option().name());
            blocks.add(JSON.createObjectBuilder()
                    .add("blockId", selection.block().code())
                    .add("blockName", language.of(selection.block().name()))
                    .add("options", JSON.createArrayBuilder().add(optionName))
                    .add("optionsData", JSON.createArrayBuilder()
                            .add(JSON.createObjectBuilder().add("optionName", optionName))));
        }
        return blocks;
    }
}
