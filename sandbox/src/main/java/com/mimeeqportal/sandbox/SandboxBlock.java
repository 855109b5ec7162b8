package com.mimeeqportal.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A configurable part of a product (fabric, legs, size…) with the options it offers and the one chosen by default.
 *
 * @param code the block's part of a configuration code: its English name without spaces, as Mimeeq writes
 *             {@code CastorsandGlides-a4}; letters only, because {@code -} and {@code &} are the code's separators
 */
public record SandboxBlock(String code, LocalizedText name, List<SandboxOption> options, SandboxOption defaultOption) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z]+");

    public SandboxBlock {
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException("Block code must be letters only, not '" + code + "'");
        }
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
        if (!options.contains(defaultOption)) {
            throw new IllegalArgumentException("Block " + code + ": the default option must be one of its options");
        }
    }

    /** This block's {@code Block-optionCode} pair, the unit that configuration codes are made of. */
    public String configurationPart(SandboxOption option) {
        if (!options.contains(option)) {
            throw new IllegalArgumentException("Block " + code + " does not offer option " + option.code());
        }
        return code + "-" + option.code();
    }
}
