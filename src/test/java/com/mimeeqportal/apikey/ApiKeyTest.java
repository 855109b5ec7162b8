package com.mimeeqportal.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mimeeqportal.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiKeyTest {

    @Test
    void neverShowsItselfInToString() {
        ApiKey key = new ApiKey("  secret-key-value-1234  ");
        assertFalse(key.toString().contains("secret"));
        assertEquals("secret-key-value-1234", key.reveal());
        assertEquals("1234", key.last4());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|validation.required",
            "'   '|validation.required",
            "short|validation.tooShort",
            "<script>alert(1)</script>|validation.apiKey.characters",
            "key with spaces inside|validation.apiKey.characters",
            "key\u0000with\u0007control|validation.apiKey.characters"})
    void refusesBadInputWithAMessageKey(String raw, String expectedKey) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ApiKey(raw));
        assertEquals("apiKey", e.field());
        assertEquals(expectedKey, e.messageKey());
        if (!raw.isBlank()) {
            assertFalse(e.getMessage().contains(raw), "the message never echoes the input");
        }
    }

    @Test
    void refusesTenThousandCharacters() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ApiKey("a".repeat(10_000)));
        assertEquals("validation.tooLong", e.messageKey());
    }
}
