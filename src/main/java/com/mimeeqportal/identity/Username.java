package com.mimeeqportal.identity;

import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.input.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A sign-in name: an e-mail address, or a plain name such as {@code operator}; case-insensitive. The
 * constructor accepts every name the portal has ever stored (and what may be typed at sign-in);
 * {@link #forNewAccount} holds a name given to a new account to the documented form (docs/security.md).
 */
public record Username(String value) implements java.io.Serializable {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._%+@-]+");
    /** A login name: 3 to 64 of a-z 0-9 . _ -, starting and ending with a letter or digit. */
    private static final Pattern LOGIN_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]");
    /** An e-mail address: a local part of a-z 0-9 . _ + - and a domain of dot-separated labels. */
    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    public Username {
        value = Text.singleLine(value, "username", 3, 254).toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidInputException("username", "validation.username.invalid");
        }
    }

    /**
     * The name of an account about to be created: a login name or an e-mail address (no {@code %}, no name of
     * digits only, which could be mistaken for an id), at most 254 characters.
     */
    public static Username forNewAccount(String raw) {
        Username name = new Username(raw);
        String v = name.value();
        if (v.chars().allMatch(c -> c >= '0' && c <= '9') || !(LOGIN_NAME.matcher(v).matches() || EMAIL.matcher(v).matches())) {
            throw new InvalidInputException("username", "validation.username.form");
        }
        return name;
    }

    @Override
    public String toString() {
        return value;
    }
}
