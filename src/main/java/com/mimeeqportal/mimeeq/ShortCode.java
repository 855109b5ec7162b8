package com.mimeeqportal.mimeeq;

import com.mimeeqportal.input.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A configuration or scene short code: six characters A–Z and 0–9 (docs/mimeeq-api.md, "Short codes and identifiers"); typed case-insensitively. */
public record ShortCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{6}");

    public ShortCode {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("shortCode", "validation.required");
        }
        if (value.length() > 64) {
            throw new InvalidInputException("shortCode", "validation.shortCode.format");
        }
        value = value.strip().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(value).matches()) {
            throw new InvalidInputException("shortCode", "validation.shortCode.format");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
