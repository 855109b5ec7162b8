package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One quantity-break level of a price: the unit price for quantities from {@code quantityMin} to
 * {@code quantityMax}; the last level has no maximum.
 *
 * @param pricePart a fixed amount added once to the total, not multiplied by the quantity
 */
record PriceLevel(int quantityMin, OptionalInt quantityMax, BigDecimal price, BigDecimal pricePart,
                  BigDecimal discount) {

    PriceLevel {
        Objects.requireNonNull(quantityMax, "quantityMax");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(pricePart, "pricePart");
        Objects.requireNonNull(discount, "discount");
    }

    boolean contains(OrderQuantity quantity) {
        return quantity.value() >= quantityMin
                && (quantityMax.isEmpty() || quantity.value() <= quantityMax.getAsInt());
    }
}
