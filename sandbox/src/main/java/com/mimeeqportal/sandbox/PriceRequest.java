package com.mimeeqportal.sandbox;

import java.util.Arrays;
import java.util.List;

/**
 * The query parameters of {@code GET /get-product-price-info}, as received (unchecked text).
 *
 * @param priceListIds every value of the parameter: Mimeeq documents one comma-separated value, its 2022 spec a
 *                     repeated parameter; both are accepted
 */
record PriceRequest(String shortCode, String quantity, String companyId, List<String> priceListIds,
                    String priceListGroup, String templateId, String lang) {

    PriceRequest {
        priceListIds = priceListIds == null ? List.of() : List.copyOf(priceListIds);
    }

    /** The price list ids named, split at commas and trimmed; empty items are dropped. */
    List<String> priceListIdList() {
        return priceListIds.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
    }
}
