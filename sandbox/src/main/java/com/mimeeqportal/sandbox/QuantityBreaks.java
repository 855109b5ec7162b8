package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A price list's quantity thresholds and the discount from each on. Mimeeq derives its price levels from such
 * thresholds: 1, 5, 15 give the levels 1–4, 5–14 and 15 and more.
 */
record QuantityBreaks(List<Break> breaks) {

    /** From {@code quantityMin} units on, the unit price is reduced by {@code discount} (0.2 = 20 %). */
    record Break(int quantityMin, BigDecimal discount) {
        Break {
            Objects.requireNonNull(discount, "discount");
            if (discount.signum() < 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("A discount is from 0 to below 1, not " + discount);
            }
        }
    }

    static final QuantityBreaks STANDARD = of(1, "0", 5, "0.05", 15, "0.12");
    static final QuantityBreaks TRADE = of(1, "0", 10, "0.2", 50, "0.27");
    static final QuantityBreaks PROJECT = of(1, "0", 25, "0.1", 100, "0.18");

    QuantityBreaks {
        breaks = List.copyOf(breaks);
        if (breaks.isEmpty() || breaks.getFirst().quantityMin() != 1) {
            throw new IllegalArgumentException("The first level starts at quantity 1");
        }
        for (int i = 1; i < breaks.size(); i++) {
            if (breaks.get(i).quantityMin() <= breaks.get(i - 1).quantityMin()) {
                throw new IllegalArgumentException("Thresholds must rise");
            }
        }
    }

    private static QuantityBreaks of(Object... thresholdsAndDiscounts) {
        List<Break> breaks = new ArrayList<>();
        for (int i = 0; i < thresholdsAndDiscounts.length; i += 2) {
            breaks.add(new Break((Integer) thresholdsAndDiscounts[i],
                    new BigDecimal((String) thresholdsAndDiscounts[i + 1])));
        }
        return new QuantityBreaks(breaks);
    }
}
