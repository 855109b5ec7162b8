package com.mimeeqportal.mimeeq;

import com.mimeeqportal.input.InvalidInputException;
import java.util.regex.Pattern;

/** A Mimeeq product id such as {@code PROD-e6e35a89-159c-413e-98b6-8260367c554a}; safe in a URL path. */
public record ProductId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    public ProductId {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("productId", "validation.required");
        }
        value = value.strip();
        if (!FORM.matcher(value).matches()) {
            throw new InvalidInputException("productId", "validation.productId");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
