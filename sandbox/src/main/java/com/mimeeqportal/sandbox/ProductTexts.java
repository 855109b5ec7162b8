package com.mimeeqportal.sandbox;

import java.util.Locale;
import java.util.stream.Collectors;

/** The texts the product info endpoint adds to a product: description, SKU and delivery information. */
final class ProductTexts {

    private static final int DAYS_PER_WEEK = 7;

    private ProductTexts() {
    }

    /** E.g. "Oslo Lounge Chair by Nordform, designed by Aiko Tanaka. Part of the Living collection." */
    static String description(SandboxProduct product, Language language) {
        String name = language.of(product.name());
        return switch (language) {
            case EN -> name + " by " + product.manufacturer()
                    + product.designer().map(designer -> ", designed by " + designer).orElse("")
                    + ". Part of the " + product.collection() + " collection.";
            case DE -> name + " von " + product.manufacturer()
                    + product.designer().map(designer -> ", entworfen von " + designer).orElse("")
                    + ". Aus der Kollektion " + product.collection() + ".";
        };
    }

    /** The variant code followed by the chosen option codes, e.g. {@code DF-LCH-001-A7-B2}. */
    static String sku(Configuration configuration) {
        return configuration.product().variantCode() + "-" + configuration.selections().stream()
                .map(selection -> selection.option().code().toUpperCase(Locale.ROOT))
                .collect(Collectors.joining("-"));
    }

    /** When the configuration can be delivered, in whole weeks: the same days the price endpoint reports. */
    static String deliveryInfo(int days, Language language) {
        int weeks = Math.max(1, (days + DAYS_PER_WEEK - 1) / DAYS_PER_WEEK);
        return switch (language) {
            case EN -> "Ships within " + weeks + (weeks == 1 ? " week" : " weeks");
            case DE -> "Lieferbar innerhalb von " + weeks + (weeks == 1 ? " Woche" : " Wochen");
        };
    }
}
