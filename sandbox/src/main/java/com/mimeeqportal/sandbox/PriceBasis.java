package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * Where a price comes from, once the request's parameters are read: the price lists to compare (the cheapest wins),
 * whether prices include VAT, and the currency to answer in should none of the lists be usable.
 *
 * @param parameter the query parameter that chose this source, e.g. {@code companyId}
 */
record PriceBasis(String parameter, List<PriceList> priceLists, VatType vatType, Market market) {

    PriceBasis {
        Objects.requireNonNull(parameter, "parameter");
        priceLists = List.copyOf(priceLists);
        Objects.requireNonNull(vatType, "vatType");
        Objects.requireNonNull(market, "market");
    }

    static PriceBasis of(String parameter, PriceListGroup group) {
        return new PriceBasis(parameter, group.priceLists(), group.vatType(), group.market());
    }

    /** Lists named directly or through a company are trade prices: without VAT, in the first list's currency. */
    static PriceBasis of(String parameter, List<PriceList> lists) {
        return new PriceBasis(parameter, lists, VatType.VAT_EXCL, lists.getFirst().market());
    }
}
