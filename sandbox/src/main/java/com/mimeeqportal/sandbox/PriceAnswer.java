package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@code GET /get-product-price-info} answers with 200: a standard price, a scene's price or no price. */
sealed interface PriceAnswer {

    /** A configuration short code, priced from the cheapest usable list. */
    record Standard(Quote quote) implements PriceAnswer {
        public Standard {
            Objects.requireNonNull(quote, "quote");
        }
    }

    /** A scene short code: one quote per component, in the scene's order, all from the same (cheapest) list. */
    record ForScene(Scene scene, List<Quote> componentQuotes) implements PriceAnswer {
        public ForScene {
            Objects.requireNonNull(scene, "scene");
            componentQuotes = List.copyOf(componentQuotes);
            if (componentQuotes.size() != scene.components().size()) {
                throw new IllegalArgumentException("One quote per component");
            }
        }

        BigDecimal total() {
            return componentQuotes.stream().map(Quote::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        Market market() {
            return componentQuotes.getFirst().market();
        }
    }

    /**
     * Mimeeq's 200 with zeroed prices and an {@code errors} entry, sent when the pricing source is missing (or, in
     * the sandbox, when none of its lists is usable).
     *
     * @param vatType empty when no source said
     */
    record Unpriced(ShortCodeTarget target, OrderQuantity quantity, Market market, Optional<VatType> vatType,
                    String errorCode, String message) implements PriceAnswer {
        public static final String PRICING_SOURCE_REQUIRED = "PRICING_SOURCE_REQUIRED";
        public static final String NO_ACTIVE_PRICE_LIST = "NO_ACTIVE_PRICE_LIST";

        public Unpriced {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(vatType, "vatType");
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
        }
    }
}
