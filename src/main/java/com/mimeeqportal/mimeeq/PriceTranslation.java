package com.mimeeqportal.mimeeq;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * Turns the body of {@code /get-product-price-info} into a {@link PriceQuote}. A 200 that carries
 * {@code errors} is a failure (docs/mimeeq-api.md, "Price"): its zeroed prices are never shown as a price.
 */
public final class PriceTranslation {

    private PriceTranslation() {
    }

    public static MimeeqResult<PriceQuote> translate(String body) {
        if (!(JsonReading.parse(body).orElse(null) instanceof JsonObject json) || !json.containsKey("price")) {
            return MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.MALFORMED_RESPONSE));
        }
        if (json.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
            String messages = errors.stream().map(PriceTranslation::errorText).collect(Collectors.joining("; "));
            return MimeeqResult.failed(new MimeeqFailure(MimeeqFailure.Kind.PRICING_REJECTED, 200, messages, null));
        }
        return JsonReading.decimal(json, "price")
                .map(price -> MimeeqResult.ok(quote(json, price)))
                .orElseGet(() -> MimeeqResult.failed(MimeeqFailure.of(MimeeqFailure.Kind.MALFORMED_RESPONSE)));
    }

    /** An error is {@code {code, message}} as far as anyone has seen; a bare string is taken as it is. */
    private static String errorText(JsonValue error) {
        if (error instanceof JsonObject object) {
            return JsonReading.text(object, "message").or(() -> JsonReading.text(object, "code")).orElse("error");
        }
        return error instanceof JsonString string ? string.getString() : "error";
    }

    private static PriceQuote quote(JsonObject json, BigDecimal price) {
        return new PriceQuote(price,
                JsonReading.decimal(json, "unitPrice").orElse(null),
                JsonReading.text(json, "currency").orElse(null),
                JsonReading.text(json, "vatType").orElse(null),
                JsonReading.decimal(json, "oneTimePrice").orElse(null),
                JsonReading.decimal(json, "deliveryTime").orElse(null),
                JsonReading.objects(json, "levels").stream()
                        .filter(level -> JsonReading.decimal(level, "quantityMin").isPresent())
                        .map(level -> new PriceQuote.Level(
                                JsonReading.decimal(level, "quantityMin").orElseThrow(),
                                JsonReading.decimal(level, "quantityMax").orElse(null),
                                JsonReading.decimal(level, "price").orElse(BigDecimal.ZERO),
                                JsonReading.decimal(level, "pricePart").orElse(BigDecimal.ZERO),
                                JsonReading.decimal(level, "discount").orElse(BigDecimal.ZERO)))
                        .toList(),
                JsonReading.objects(json, "components").stream()
                        .map(c -> new PriceQuote.ComponentPrice(
                                JsonReading.decimal(c, "unitPrice").orElse(null),
                                JsonReading.decimal(c, "totalPrice").orElse(null),
                                JsonReading.decimal(c, "quantity").orElse(BigDecimal.ONE),
                                JsonReading.text(c, "shortCode").orElse(null)))
                        .toList());
    }
}
