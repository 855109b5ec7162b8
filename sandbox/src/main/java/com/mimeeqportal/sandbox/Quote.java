package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The price of one configuration from one price list at one quantity: all its levels and the one the quantity
 * falls in.
 */
record Quote(Configuration configuration, PriceList priceList, VatType vatType, List<PriceLevel> levels,
             PriceLevel activeLevel, OrderQuantity quantity, BigDecimal oneTimePrice) {

    Quote {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(priceList, "priceList");
        Objects.requireNonNull(vatType, "vatType");
        levels = List.copyOf(levels);
        if (!levels.contains(activeLevel) || !activeLevel.contains(quantity)) {
            throw new IllegalArgumentException("The active level is the level the quantity falls in");
        }
        Objects.requireNonNull(oneTimePrice, "oneTimePrice");
    }

    Market market() {
        return priceList.market();
    }

    BigDecimal unitPrice() {
        return activeLevel.price();
    }

    /** Unit price times quantity plus the level's price part, which is not multiplied. */
    BigDecimal lineTotal() {
        return Money.cents(unitPrice().multiply(BigDecimal.valueOf(quantity.value())).add(activeLevel.pricePart()));
    }

    /** The line total plus the one-time price, also not multiplied: Mimeeq's {@code price}. */
    BigDecimal total() {
        return lineTotal().add(oneTimePrice);
    }
}
