package com.mimeeqportal.mimeeq;

import com.mimeeqportal.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A configuration code: {@code Block-option} pairs joined by {@code &}, e.g. {@code Fabric-a7&Colour-a1}
 * (docs/mimeeq-api.md, "Short codes and identifiers"). Mimeeq wants it Base64-encoded when generating a short code.
 */
public record ConfigurationCode(String value) {

    static final int MAX_LENGTH = 2000;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_.]+-[A-Za-z0-9_.]+(&[A-Za-z0-9_.]+-[A-Za-z0-9_.]+)*");

    public ConfigurationCode {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("configurationCode", "validation.required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("configurationCode", "validation.tooLong", MAX_LENGTH);
        }
        value = value.strip();
        if (!FORM.matcher(value).matches()) {
            throw new InvalidInputException("configurationCode", "validation.configurationCode");
        }
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value;
    }
}
