package com.mimeeqportal.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Mimeeq customer account in the sandbox. Its API key is not part of it: keys change, accounts don't.
 *
 * @param id   lower-case words joined by {@code -}, e.g. {@code nordic-living}
 * @param name what the account is called in Mimeeq's admin panel, e.g. "Nordic Living"
 */
public record SandboxAccount(String id, String name) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public SandboxAccount {
        if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("Account id must be lower-case words joined by '-', not '" + id + "'");
        }
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("Account " + id + " needs a name");
        }
    }

    /** The initials of the account's name ("NL"), which prefix the variant codes of the products it owns. */
    public String initials() {
        return Arrays.stream(name.trim().split("\\s+"))
                .map(word -> word.substring(0, 1))
                .collect(Collectors.joining())
                .toUpperCase(Locale.ROOT);
    }
}
