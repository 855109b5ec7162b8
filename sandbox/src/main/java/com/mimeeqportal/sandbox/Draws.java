package com.mimeeqportal.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Numbers that look random but follow from a subject string, for the catalog's derived data (prices, delivery
 * times, dimensions): the same subject always gives the same number, with no table to keep.
 */
final class Draws {

    private Draws() {
    }

    /** A whole number from {@code min} to {@code max}, both included, fixed by {@code subject}. */
    static int between(String subject, int min, int max) {
        long hash = UUID.nameUUIDFromBytes(subject.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return min + (int) Math.floorMod(hash, (long) max - min + 1);
    }
}
