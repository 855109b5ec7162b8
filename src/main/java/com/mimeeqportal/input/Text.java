package com.mimeeqportal.input;

/** The checks every typed text goes through before it becomes a value object. */
public final class Text {

    private Text() {
    }

    /**
     * Trims {@code raw} and checks it is one line of {@code min}..{@code max} characters with no control
     * characters. Oversized input is refused, never truncated.
     */
    public static String singleLine(String raw, String field, int min, int max) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        if (raw.length() > max * 4) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        String value = raw.strip();
        if (value.codePoints().anyMatch(Text::isControl)) {
            throw new InvalidInputException(field, "validation.controlCharacters");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        if (length < min) {
            throw new InvalidInputException(field, "validation.tooShort", min);
        }
        return value;
    }

    /** Control characters, including the Unicode line and paragraph separators and bidi overrides. */
    public static boolean isControl(int codePoint) {
        return Character.isISOControl(codePoint)
                || codePoint == 0x2028 || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
