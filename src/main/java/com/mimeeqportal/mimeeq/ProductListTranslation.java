package com.mimeeqportal.mimeeq;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the body of {@code /get-products-general-info} into {@link ProductSummary}s. The answer must be
 * a JSON array; an element without a {@code productId} cannot be shown or linked, so it is skipped
 * rather than failing the whole catalog.
 */
public final class ProductListTranslation {

    private ProductListTranslation() {
    }

    /** The products, or empty when the body is not a JSON array. */
    public static Optional<List<ProductSummary>> translate(String body) {
        if (!(JsonReading.parse(body).orElse(null) instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<ProductSummary> products = new ArrayList<>(array.size());
        for (JsonValue element : array) {
            if (element instanceof JsonObject product) {
                product(product).ifPresent(products::add);
            }
        }
        return Optional.of(products);
    }

    private static Optional<ProductSummary> product(JsonObject json) {
        return JsonReading.text(json, "productId").map(id -> {
            var names = JsonReading.translations(json, "name");
            if (names.isEmpty()) {
                names = JsonReading.translations(json, "displayName");
            }
            return new ProductSummary(id,
                    JsonReading.text(json, "variantCode").orElse(null),
                    names,
                    JsonReading.text(json, "status").orElse("ACTIVE"),
                    JsonReading.text(json, "mode").orElse(null),
                    JsonReading.text(json, "type").orElse(null),
                    JsonReading.flag(json, "isOwn"),
                    JsonReading.text(json, "previewImage").orElse(null),
                    JsonReading.text(json, "collection").orElse(null),
                    JsonReading.text(json, "manufacturer").orElse(null),
                    JsonReading.text(json, "defaultConfigurationCode").orElse(null),
                    JsonReading.instant(json, "modifiedAt").or(() -> JsonReading.instant(json, "createdAt")).orElse(null));
        });
    }
}
