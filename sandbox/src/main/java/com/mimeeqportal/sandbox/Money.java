package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts as Mimeeq sends them: plain JSON numbers in the currency's major unit ({@code 338}, {@code 270.4}), not
 * minor units, with no trailing zeros.
 */
final class Money {

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal whole(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.HALF_UP);
    }

    /** The number to write: {@code 340} rather than {@code 340.00} or {@code 3.4E+2}. */
    static BigDecimal json(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
