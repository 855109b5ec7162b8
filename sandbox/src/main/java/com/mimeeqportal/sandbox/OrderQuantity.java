package com.mimeeqportal.sandbox;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A quantity as the API accepts it: a whole number from 1 to {@value #MAX}, written in plain digits. "1e9", "2.0"
 * and "+3" are refused rather than read generously, so that a client sending them finds out in the sandbox.
 */
record OrderQuantity(int value) {

    static final int MAX = 1_000_000;
    static final String FIELD = "quantity";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    OrderQuantity {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("Quantity must be from 1 to " + MAX + ", not " + value);
        }
    }

    /** The quantity a query parameter holds, or empty after adding why not to {@code errors}. */
    static Optional<OrderQuantity> parse(String text, FieldErrors errors) {
        if (FieldErrors.isBlank(text)) {
            errors.add(FIELD, "quantity is required");
            return Optional.empty();
        }
        long value = DIGITS.matcher(text).matches() ? Long.parseLong(text) : -1;
        if (value < 1 || value > MAX) {
            errors.add(FIELD, "quantity must be a whole number from 1 to " + MAX + ", not '" + text + "'");
            return Optional.empty();
        }
        return Optional.of(new OrderQuantity((int) value));
    }

    OrderQuantity times(int factor) {
        return new OrderQuantity(Math.min(MAX, value * factor));
    }
}
