package com.mimeeqportal.sandbox;

import com.mimeeqportal.sandbox.QuantityBreaks.Break;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Prices a configuration from a price list: the list price (see {@link ProductPrices}) times the list's factor,
 * converted into the list's currency and rounded to whole units, then one level per quantity break with its
 * discount; VAT is added last when the source asks for {@code VAT_INCL}.
 */
final class PriceCalculator {

    private PriceCalculator() {
    }

    static Quote quote(Configuration configuration, PriceList list, VatType vatType, OrderQuantity quantity) {
        Market market = list.market();
        BigDecimal unitPrice = Money.whole(market.fromEuro(
                ProductPrices.listPriceEuro(configuration).multiply(list.factor())));
        BigDecimal pricePart = Money.cents(market.withVat(list.pricePart(), vatType));
        List<Break> breaks = list.breaks().breaks();
        List<PriceLevel> levels = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            Break level = breaks.get(i);
            BigDecimal discounted = Money.cents(unitPrice.multiply(BigDecimal.ONE.subtract(level.discount())));
            OptionalInt quantityMax = i + 1 < breaks.size()
                    ? OptionalInt.of(breaks.get(i + 1).quantityMin() - 1)
                    : OptionalInt.empty();
            levels.add(new PriceLevel(level.quantityMin(), quantityMax,
                    Money.cents(market.withVat(discounted, vatType)), pricePart, level.discount()));
        }
        PriceLevel active = levels.stream().filter(level -> level.contains(quantity)).findFirst().orElseThrow();
        BigDecimal oneTimePrice = Money.cents(market.withVat(
                Money.whole(market.fromEuro(ProductPrices.oneTimePriceEuro(configuration.product()))), vatType));
        return new Quote(configuration, list, vatType, levels, active, quantity, oneTimePrice);
    }
}
