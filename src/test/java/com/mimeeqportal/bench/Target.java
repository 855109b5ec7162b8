package com.mimeeqportal.bench;

import java.util.Locale;

/** What a figure should reach: at most or at least a limit, or nothing (a figure shown for reference). */
record Target(String text, Kind kind, double limit) {

    enum Kind { AT_MOST, AT_LEAST, NONE }

    static final Target NONE = new Target("", Kind.NONE, Double.NaN);

    static Target atMost(double limit, String unit) {
        return new Target("≤ " + Figure.number(limit) + unit, Kind.AT_MOST, limit);
    }

    static Target atLeast(double limit, String unit) {
        return new Target("≥ " + Figure.number(limit) + unit, Kind.AT_LEAST, limit);
    }

    /** Whether {@code value} meets the target; null when there is none; false when the value is missing. */
    Boolean met(double value) {
        return switch (kind) {
            case NONE -> null;
            case AT_MOST -> !Double.isNaN(value) && value <= limit;
            case AT_LEAST -> !Double.isNaN(value) && value >= limit;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s", text);
    }
}
