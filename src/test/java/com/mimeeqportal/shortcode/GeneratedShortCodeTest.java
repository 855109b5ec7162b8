package com.mimeeqportal.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A product name from Mimeeq longer than the history's column is kept shortened, never failing the insert. */
class GeneratedShortCodeTest {

    @Test
    void aLongProductNameIsShortenedToTheColumn() {
        String name = "N".repeat(5000);
        GeneratedShortCode code = new GeneratedShortCode("ABC123", "prod-1", name, "e30=", "u", "sales@demo.example",
                Instant.now());
        assertEquals(GeneratedShortCode.PRODUCT_NAME_LENGTH, code.productName().length());
        assertTrue(code.productName().endsWith("\u2026"));
        assertEquals("Chair", GeneratedShortCode.displayName("Chair"));
        assertEquals(null, GeneratedShortCode.displayName(null));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String name = "x".repeat(298) + "\uD83E\uDE91".repeat(10);
        String shown = GeneratedShortCode.displayName(name);
        assertTrue(shown.length() <= GeneratedShortCode.PRODUCT_NAME_LENGTH);
        assertFalse(Character.isHighSurrogate(shown.charAt(shown.length() - 2)), shown);
    }
}
