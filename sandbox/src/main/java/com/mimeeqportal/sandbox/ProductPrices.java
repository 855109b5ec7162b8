package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.Configuration.Selection;
import java.math.BigDecimal;

/**
 * The catalog's prices before any price list: a base price per product and a surcharge per chosen option, in EUR.
 * Derived from the product id and option codes rather than stored, so they are the same after every restart.
 */
final class ProductPrices {

    private static final BigDecimal FIVE_PERCENT = new BigDecimal("0.05");
    private static final BigDecimal ONE_TIME_PRICE = new BigDecimal("49");

    private ProductPrices() {
    }

    /** The product's base price, 150 to 1,600 EUR in steps of 25. */
    static BigDecimal basePriceEuro(SandboxProduct product) {
        return BigDecimal.valueOf(25L * Draws.between("price:" + product.productId(), 6, 64));
    }

    /** Base price plus 0, 5, 10 or 15 % of it per chosen option, by the option's number. */
    static BigDecimal listPriceEuro(Configuration configuration) {
        BigDecimal base = basePriceEuro(configuration.product());
        BigDecimal price = base;
        for (Selection selection : configuration.selections()) {
            int number = Integer.parseInt(selection.option().code().substring(1));
            price = price.add(Money.whole(base.multiply(FIVE_PERCENT).multiply(BigDecimal.valueOf((number - 1) % 4))));
        }
        return price;
    }

    /** A one-off amount (e.g. a set-up fee) that about one product in five carries; zero for the rest. */
    static BigDecimal oneTimePriceEuro(SandboxProduct product) {
        return Draws.between("one-time:" + product.productId(), 0, 4) == 0 ? ONE_TIME_PRICE : BigDecimal.ZERO;
    }
}
