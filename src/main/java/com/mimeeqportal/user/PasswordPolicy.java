package com.mimeeqportal.user;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password a person chooses must be (issue 4): 12 to 128 characters, not one of the commonly
 * used passwords shipped in {@code common-passwords.txt}, and not the username. Length is what makes a
 * password hard to guess; the list catches the long ones everybody still picks.
 */
public final class PasswordPolicy {

    public static final int MIN = 12;
    public static final int MAX = 128;
    private static final String LIST = "/com/mimeeqportal/user/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy(Set<String> common) {
        this.common = common.stream().map(PasswordPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** The policy with the shipped list. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + LIST);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new PasswordPolicy(reader.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A password's length as the policy and sign-in count it: in code points, so that a character outside the
     * Basic Multilingual Plane (an emoji, say) counts once, and a password the policy accepted is never "too
     * long" at sign-in.
     */
    public static int length(String password) {
        return password.codePointCount(0, password.length());
    }

    /**
     * Refuses a password the policy does not allow, naming {@code field} and the reason; never the
     * password itself.
     */
    public void check(String field, String password, Username username) {
        int length = length(password);
        if (length < MIN) {
            throw new InvalidInputException(field, "validation.password.tooShort", MIN);
        }
        if (length > MAX) {
            throw new InvalidInputException(field, "validation.password.tooLong", MAX);
        }
        String normalised = normalise(password);
        if (common.contains(normalised)) {
            throw new InvalidInputException(field, "validation.password.common");
        }
        if (normalised.equals(normalise(username.value()))) {
            throw new InvalidInputException(field, "validation.password.isUsername");
        }
    }

    /** Case and surrounding spaces do not make a listed password any harder to guess. */
    private static String normalise(String password) {
        return password.strip().toLowerCase(Locale.ROOT);
    }
}
