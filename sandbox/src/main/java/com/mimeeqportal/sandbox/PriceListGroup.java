package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;

/**
 * A public price list group: price lists gathered under a slug, which fixes the currency and whether prices
 * include VAT. Callers name it in {@code priceListGroup}; embed templates and languages point at one.
 */
record PriceListGroup(String slug, String name, Market market, VatType vatType, List<PriceList> priceLists) {

    PriceListGroup {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(vatType, "vatType");
        priceLists = List.copyOf(priceLists);
        for (PriceList list : priceLists) {
            if (list.market() != market) {
                throw new IllegalArgumentException("Group " + slug + " is in " + market + ", list " + list.id()
                        + " in " + list.market());
            }
        }
    }
}
