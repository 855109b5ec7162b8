package com.mimeeqportal.identity;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/** A sign-in name: an e-mail address, or a plain name such as {@code operator}; case-insensitive. */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._%+@-]+");

    public Username {
        value = Text.singleLine(value, "username", 3, 254).toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidInputException("username", "validation.username.invalid");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
