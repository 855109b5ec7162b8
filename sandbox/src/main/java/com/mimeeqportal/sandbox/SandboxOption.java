package com.mimeeqportal.sandbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One choice within a block, e.g. option {@code a7} "Charcoal Grey" of block {@code Fabric}.
 *
 * @param code the option's part of a configuration code: a letter and a number, as in Mimeeq's {@code Fabric-a7}
 */
public record SandboxOption(String code, LocalizedText name) {

    private static final Pattern CODE = Pattern.compile("[a-z][0-9]+");

    public SandboxOption {
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException("Option code must be a letter and a number, not '" + code + "'");
        }
        Objects.requireNonNull(name, "name");
    }
}
