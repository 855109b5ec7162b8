package com.mimeeqportal.mimeeq;

import com.mimeeqportal.input.InvalidInputException;

/** How many pieces to price: a whole number from 1 to 1,000,000. */
public record Quantity(int value) {

    public static final int MAX = 1_000_000;
    public static final Quantity ONE = new Quantity(1);

    public Quantity {
        if (value < 1 || value > MAX) {
            throw new InvalidInputException("quantity", "validation.quantity", MAX);
        }
    }

    /** Reads typed text; anything but digits (signs, exponents, decimals, words) is refused with one message. */
    public static Quantity parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("quantity", "validation.required");
        }
        String digits = raw.strip();
        if (digits.length() > 7 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidInputException("quantity", "validation.quantity", MAX);
        }
        return new Quantity(Integer.parseInt(digits));
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
