package com.mimeeqportal.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Placeholder preview images: a tile in a colour picked by the product id, showing the product's initials, so
 * that product lists look like a catalog without shipping any pictures.
 */
final class PreviewImages {

    private static final List<String> PALETTE = List.of(
            "#5b7f95", "#8c6e54", "#6f8f72", "#a45d5d", "#7a6c9b", "#c08a3e", "#4f7c7a", "#9b6b8e", "#6b7b8c",
            "#b5774f");
    private static final int MAX_INITIALS = 3;

    private PreviewImages() {
    }

    static String svg(SandboxProduct product) {
        String colour = PALETTE.get(Math.floorMod(product.productId().hashCode(), PALETTE.size()));
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
                  <rect width="400" height="300" fill="%s"/>
                  <text x="200" y="150" text-anchor="middle" dominant-baseline="central" font-family="sans-serif" \
                font-size="110" fill="#ffffff">%s</text>
                </svg>
                """.formatted(colour, initials(product.name().en()));
    }

    /**
     * The first letters of the name's first words, "Oslo Lounge Chair" → "OLC". Only letters are kept, so the
     * result needs no escaping inside the SVG.
     */
    static String initials(String name) {
        return Arrays.stream(name.split("\\s+"))
                .filter(word -> !word.isEmpty() && Character.isLetter(word.codePointAt(0)))
                .limit(MAX_INITIALS)
                .map(word -> Character.toString(word.codePointAt(0)))
                .collect(Collectors.joining());
    }
}
