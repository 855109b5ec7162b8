package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A price list of an account. Its prices follow from each product's base price: times {@code factor}, converted
 * into the market's currency, reduced by its quantity breaks.
 *
 * @param pricePart      a fixed amount per order line in the list's currency (e.g. project handling), added once
 * @param active         Mimeeq's active flag; inactive lists are silently left out of every calculation
 * @param validUntil     the last day the list is valid; expired lists are silently left out too
 * @param quantityAsText whether its levels write {@code quantityMin} as a string ({@code "1"}), as some of Mimeeq's
 *                       examples do; clients must accept both
 */
record PriceList(String id, String name, Market market, BigDecimal factor, QuantityBreaks breaks,
                 BigDecimal pricePart, boolean active, Optional<LocalDate> validUntil, boolean quantityAsText) {

    PriceList {
        if (!Objects.requireNonNull(id, "id").startsWith("PL-")) {
            throw new IllegalArgumentException("Price list ids start with PL-, not '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(pricePart, "pricePart");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** Whether the list takes part in calculations on {@code day}. */
    boolean usableOn(LocalDate day) {
        return active && validUntil.map(last -> !day.isAfter(last)).orElse(true);
    }
}
