package com.mimeeqportal.mimeeq;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A price from {@code /get-product-price-info}: the total for the quantity, the quantity-break levels
 * (standard products), the components (modular scenes), currency and VAT as Mimeeq sent them.
 */
public record PriceQuote(BigDecimal price, BigDecimal unitPrice, String currency, String vatType,
                         BigDecimal oneTimePrice, BigDecimal deliveryTime, List<Level> levels,
                         List<ComponentPrice> components) {

    public PriceQuote {
        levels = List.copyOf(levels);
        components = List.copyOf(components);
    }

    /** The level whose range holds {@code quantity}, which the pricing page highlights. */
    public Optional<Level> activeLevel(Quantity quantity) {
        return levels.stream().filter(level -> level.contains(quantity)).findFirst();
    }

    /** A quantity-break level; the last one may be open-ended ({@code quantityMax} absent). */
    public record Level(BigDecimal quantityMin, BigDecimal quantityMax, BigDecimal price, BigDecimal pricePart,
                        BigDecimal discount) {

        public boolean contains(Quantity quantity) {
            BigDecimal q = BigDecimal.valueOf(quantity.value());
            return q.compareTo(quantityMin) >= 0 && (quantityMax == null || q.compareTo(quantityMax) <= 0);
        }

        public boolean openEnded() {
            return quantityMax == null;
        }
    }

    /** The price of one component of a modular scene. */
    public record ComponentPrice(BigDecimal unitPrice, BigDecimal totalPrice, BigDecimal quantity, String shortCode) {
    }
}
