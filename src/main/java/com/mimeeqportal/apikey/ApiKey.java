package com.mimeeqportal.apikey;

import com.mimeeqportal.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * A Mimeeq REST API key in plaintext. Deliberately not a record: {@link #toString()} never shows the
 * key, so it cannot slip into a log line, an exception message or a template by accident. The only
 * way to the characters is {@link #reveal()}, called where the key is sent to Mimeeq or encrypted.
 */
public final class ApiKey {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;
    /** Letters, digits and the punctuation of Base64 and URL-safe tokens: no markup, no spaces. */
    private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9._~+/=-]*");

    private final String value;

    public ApiKey(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("apiKey", "validation.required");
        }
        if (raw.length() > MAX_LENGTH * 4) {
            throw new InvalidInputException("apiKey", "validation.tooLong", MAX_LENGTH);
        }
        String trimmed = raw.strip();
        if (!ALPHABET.matcher(trimmed).matches()) {
            throw new InvalidInputException("apiKey", "validation.apiKey.characters");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException("apiKey", "validation.tooLong", MAX_LENGTH);
        }
        if (trimmed.length() < MIN_LENGTH) {
            throw new InvalidInputException("apiKey", "validation.tooShort", MIN_LENGTH);
        }
        this.value = trimmed;
    }

    public String reveal() {
        return value;
    }

    /** The last four characters, which the admin page shows so people can tell keys apart. */
    public String last4() {
        return value.substring(value.length() - 4);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), key.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
