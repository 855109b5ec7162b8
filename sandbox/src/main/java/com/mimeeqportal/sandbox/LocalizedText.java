package com.mimeeqportal.sandbox;

import java.util.Objects;

/** A text in the two languages the sandbox serves; Mimeeq sends such texts as an object keyed by language code. */
public record LocalizedText(String en, String de) {

    public LocalizedText {
        requireText(en, "en");
        requireText(de, "de");
    }

    /** Appends {@code suffix} in each language, e.g. a name plus its edition. */
    public LocalizedText append(LocalizedText suffix) {
        return new LocalizedText(en + " " + suffix.en, de + " " + suffix.de);
    }

    private static void requireText(String text, String language) {
        if (Objects.requireNonNull(text, language).isBlank()) {
            throw new IllegalArgumentException("Text in '" + language + "' must not be blank");
        }
    }
}
