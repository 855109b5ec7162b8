package com.mimeeqportal.mimeeq;

import jakarta.json.JsonObject;
import java.util.List;
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
                JsonReading.objects(json, "components").stream().map(ProductInfoTranslation::component).toList());
    }

    private static ProductInfo.Component component(JsonObject json) {
        return new ProductInfo.Component(text(json, "productId"), name(json), text(json, "code"), sku(json),
                JsonReading.decimal(json, "quantity").map(q -> q.intValue()).orElse(1),
                text(json, "shortCode"),
                JsonReading.text(json, "image").or(() -> JsonReading.text(json, "defaultImage")).orElse(null),
                blocks(json));
    }

    private static List<ProductInfo.Block> blocks(JsonObject json) {
        return JsonReading.objects(json, "configuration").stream().map(block -> new ProductInfo.Block(
                text(block, "blockId"),
                JsonReading.text(block, "blockName").orElse(text(block, "blockId")),
                JsonReading.texts(block, "options"),
                JsonReading.objects(block, "optionsData").stream()
                        .flatMap(option -> JsonReading.text(option, "image").stream()).toList()))
                .toList();
    }

    /** The name is a plain string here; be lenient and take a translation map as the list endpoint sends. */
    private static String name(JsonObject json) {
        var names = JsonReading.translations(json, "name");
        return names.getOrDefault("en", names.values().stream().findFirst().orElse(text(json, "code")));
    }

    /** Mimeeq spells it {@code SKU}; accept {@code sku} too. */
    private static String sku(JsonObject json) {
        return JsonReading.text(json, "SKU").or(() -> JsonReading.text(json, "sku")).orElse(null);
    }

    private static String text(JsonObject json, String name) {
        return JsonReading.text(json, name).orElse(null);
    }
}
