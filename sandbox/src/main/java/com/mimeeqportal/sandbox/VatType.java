package com.mimeeqportal.sandbox;

/** Whether prices include VAT, spelt as in Mimeeq's price response. */
enum VatType {
    VAT_INCL,
    VAT_EXCL
}
