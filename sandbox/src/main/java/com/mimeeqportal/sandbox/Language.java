package com.mimeeqportal.sandbox;

import java.util.Locale;

/**
 * The languages sandbox texts exist in. An unknown or missing {@code lang} on the product info endpoint falls back
 * to English, the sandbox customers' default language, as Mimeeq falls back to the customer's default.
 */
enum Language {
    EN, DE;

    static Language orDefault(String lang) {
        return lang != null && lang.trim().equalsIgnoreCase("de") ? DE : EN;
    }

    String of(LocalizedText text) {
        return this == DE ? text.de() : text.en();
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
