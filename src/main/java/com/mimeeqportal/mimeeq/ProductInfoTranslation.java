package com.mimeeqportal.mimeeq;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the body of {@code /get-product-info} into {@link ProductInfo}; empty when it is not an object. */
public final class ProductInfoTranslation {

    private ProductInfoTranslation() {
    }

    public static Optional<ProductInfo> translate(String body) {
        return JsonReading.parse(body).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .map(ProductInfoTranslation::product);
    }

    private static ProductInfo product(JsonObject json) {
        return new ProductInfo(
                name(json),
                text(json, "code"),
                text(json, "description"),
                JsonReading.text(json, "image").or(() -> JsonReading.text(json, "defaultImage")).orElse(null),
                sku(json),
                text(json, "status"),
                text(json, "mode"),
                text(json, "deliveryInfo"),
                blocks(json),
                components(json));
    }

    // Loops, not streams, here and below: this runs after every product lookup, and a stream pipeline's many small
    // classes cost more than the loop's work when the page comes after a wait (docs/performance.md, "Streams off
    // the request path").
    private static List<ProductInfo.Component> components(JsonObject json) {
        List<ProductInfo.Component> components = new ArrayList<>();
        for (JsonObject component : JsonReading.objects(json, "components")) {
            components.add(component(component));
        }
        return components;
    }

    private static ProductInfo.Component component(JsonObject json) {
        return new ProductInfo.Component(text(json, "productId"), name(json), text(json, "code"), sku(json),
                JsonReading.decimal(json, "quantity").map(q -> q.intValue()).orElse(1),
                text(json, "shortCode"),
                JsonReading.text(json, "image").or(() -> JsonReading.text(json, "defaultImage")).orElse(null),
                blocks(json));
    }

    private static List<ProductInfo.Block> blocks(JsonObject json) {
        List<ProductInfo.Block> blocks = new ArrayList<>();
        for (JsonObject block : JsonReading.objects(json, "configuration")) {
            List<String> optionImages = new ArrayList<>();
            for (JsonObject option : JsonReading.objects(block, "optionsData")) {
                JsonReading.text(option, "image").ifPresent(optionImages::add);
            }
            blocks.add(new ProductInfo.Block(text(block, "blockId"),
                    JsonReading.text(block, "blockName").orElse(text(block, "blockId")),
                    JsonReading.texts(block, "options"), optionImages));
        }
        return blocks;
    }

    /** The name is a plain string here; be lenient and take a translation map as the list endpoint sends. */
    private static String name(JsonObject json) {
        Map<String, String> names = JsonReading.translations(json, "name");
        String english = names.get("en");
        if (english != null) {
            return english;
        }
        return names.isEmpty() ? text(json, "code") : names.values().iterator().next();
    }

    /** Mimeeq spells it {@code SKU}; accept {@code sku} too. */
    private static String sku(JsonObject json) {
        return JsonReading.text(json, "SKU").or(() -> JsonReading.text(json, "sku")).orElse(null);
    }

    private static String text(JsonObject json, String name) {
        return JsonReading.text(json, name).orElse(null);
    }
}
