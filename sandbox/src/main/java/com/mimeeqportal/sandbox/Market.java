package com.mimeeqportal.sandbox;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The sandbox's markets, one per currency as in Mimeeq: each has an exchange rate from the base currency (EUR) and
 * the VAT rate that {@code VAT_INCL} prices include. The rates are fixed, so prices do not drift between runs.
 */
enum Market {
    EUR("1.00", "0.19"),
    GBP("0.86", "0.20"),
    USD("1.08", "0.00"),
    PLN("4.30", "0.23");

    private final BigDecimal perEuro;
    private final BigDecimal vatRate;

    Market(String perEuro, String vatRate) {
        this.perEuro = new BigDecimal(perEuro);
        this.vatRate = new BigDecimal(vatRate);
    }

    /** The ISO 4217 code, which Mimeeq's examples send as {@code currency}. */
    String currency() {
        return name();
    }

    BigDecimal fromEuro(BigDecimal euros) {
        return euros.multiply(perEuro);
    }

    BigDecimal toEuro(BigDecimal amount) {
        return amount.divide(perEuro, MathContext.DECIMAL64);
    }

    BigDecimal withVat(BigDecimal amount, VatType vatType) {
        return vatType == VatType.VAT_INCL ? amount.multiply(BigDecimal.ONE.add(vatRate)) : amount;
    }
}
