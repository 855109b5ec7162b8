package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.PriceAnswer.ForScene;
import com.mimeeqportal.sandbox.PriceAnswer.Standard;
import com.mimeeqportal.sandbox.PriceAnswer.Unpriced;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code GET /get-product-price-info}: Mimeeq's standard price response (total, unit price, levels,
 * one-time price, item masters) or its modular one (total and one entry per component, no levels).
 */
final class PriceInfoJson {

    /** One provider for every document: {@code Json.create…} looks the provider up (a ServiceLoader scan) on each call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private PriceInfoJson() {
    }

    static JsonObject priceInfo(PriceAnswer answer) {
        return switch (answer) {
            case Standard standard -> standard(standard.quote());
            case ForScene scene -> scene(scene);
            case Unpriced unpriced -> unpriced(unpriced);
        };
    }

    private static JsonObject standard(Quote quote) {
        List<ItemMaster> itemMasters = ItemMaster.of(quote.configuration());
        JsonArrayBuilder levels = JSON.createArrayBuilder();
        quote.levels().forEach(level -> levels.add(level(level, quote.priceList().quantityAsText())));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        itemMasters.forEach(item -> items.add(itemMaster(item)));
        return JSON.createObjectBuilder()
                .add("price", Money.json(quote.total()))
                .add("unitPrice", Money.json(quote.unitPrice()))
                .add("oneTimePrice", Money.json(quote.oneTimePrice()))
                .add("levels", levels)
                .add("currency", quote.market().currency())
                .add("deliveryTime", ItemMaster.deliveryDays(quote.configuration()))
                .add("itemMasters", items)
                .add("vatType", quote.vatType().name())
                .build();
    }

    private static JsonObject scene(ForScene answer) {
        JsonArrayBuilder components = JSON.createArrayBuilder();
        int deliveryDays = 0;
        for (int i = 0; i < answer.componentQuotes().size(); i++) {
            Quote quote = answer.componentQuotes().get(i);
            components.add(component(quote.unitPrice(), quote.lineTotal(), quote.quantity(),
                    answer.scene().components().get(i).shortCode()));
            deliveryDays = Math.max(deliveryDays, ItemMaster.deliveryDays(quote.configuration()));
        }
        return JSON.createObjectBuilder()
                .add("price", Money.json(answer.total()))
                .add("currency", answer.market().currency())
                .add("deliveryTime", deliveryDays)
                .add("components", components)
                .add("vatType", answer.componentQuotes().getFirst().vatType().name())
                .build();
    }

    /** The same shape with every amount zero, plus {@code errors}, so a careless client shows 0 rather than fails. */
    private static JsonObject unpriced(Unpriced answer) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("price", 0);
        if (answer.target() instanceof ShortCodeTarget.SavedScene saved) {
            JsonArrayBuilder components = JSON.createArrayBuilder();
            saved.scene().components().forEach(component -> components.add(component(BigDecimal.ZERO,
                    BigDecimal.ZERO, answer.quantity().times(component.quantity()), component.shortCode())));
            json.add("currency", answer.market().currency()).add("components", components);
        } else {
            json.add("unitPrice", 0).add("oneTimePrice", 0).add("levels", JSON.createArrayBuilder())
                    .add("currency", answer.market().currency());
        }
        answer.vatType().ifPresent(vatType -> json.add("vatType", vatType.name()));
        return json.add("errors", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("code", answer.errorCode())
                        .add("message", answer.message())))
                .build();
    }

    /** The last level has no {@code quantityMax}: it is open-ended. */
    private static JsonObject level(PriceLevel level, boolean quantityAsText) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (quantityAsText) {
            json.add("quantityMin", String.valueOf(level.quantityMin()));
        } else {
            json.add("quantityMin", level.quantityMin());
        }
        level.quantityMax().ifPresent(max -> json.add("quantityMax", max));
        return json
                .add("price", Money.json(level.price()))
                .add("pricePart", Money.json(level.pricePart()))
                .add("discount", Money.json(level.discount()))
                .build();
    }

    private static JsonObject component(BigDecimal unitPrice, BigDecimal totalPrice, OrderQuantity quantity,
                                        String shortCode) {
        return JSON.createObjectBuilder()
                .add("unitPrice", Money.json(unitPrice))
                .add("totalPrice", Money.json(totalPrice))
                .add("quantity", quantity.value())
                .add("shortCode", shortCode)
                .build();
    }

    private static JsonObject itemMaster(ItemMaster item) {
        ItemMaster.Dimensions dimensions = item.dimensions();
        return JSON.createObjectBuilder()
                .add("code", item.code())
                .add("deliveryTime", item.deliveryTime())
                .add("dimensions", JSON.createObjectBuilder()
                        .add("width", dimensions.width())
                        .add("depth", dimensions.depth())
                        .add("height", dimensions.height())
                        .add("weight", dimensions.weight()))
                .add("m3", item.m3())
                .build();
    }
}
