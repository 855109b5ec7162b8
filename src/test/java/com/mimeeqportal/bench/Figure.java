package com.mimeeqportal.bench;

import java.util.List;
import java.util.Locale;

/** One line of the result table: what was measured, the measurement as shown, its target and whether it is met. */
record Figure(String name, String measured, Target target, Boolean met) {

    /** A measured value, judged against {@code target}; {@code shown} is how it reads in the table. */
    static Figure of(String name, double value, String shown, Target target) {
        return new Figure(name, Double.isNaN(value) ? "not measured: " + shown : shown, target, target.met(value));
    }

    /** A figure for reference, with no target. */
    static Figure note(String name, String shown) {
        return new Figure(name, shown, Target.NONE, null);
    }

    /** A figure that could not be measured (the part failed): counts as not met when it has a target. */
    static Figure failed(String name, String why, Target target) {
        return new Figure(name, "FAILED: " + why, target, target.kind() == Target.Kind.NONE ? null : false);
    }

    /** About three significant digits, no decimals past 100: 0.458, 1.13, 21.3, 652, 12,345. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f"
                : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** The Markdown table of {@code figures}, then the lines of {@code notes} (machine, flags) as a list. */
    static String table(List<Figure> figures, List<String> notes) {
        StringBuilder out = new StringBuilder("| figure | measured | target | met? |\n|---|---|---|---|\n");
        for (Figure figure : figures) {
            out.append("| ").append(cell(figure.name())).append(" | ").append(cell(figure.measured())).append(" | ")
                    .append(cell(figure.target().text())).append(" | ")
                    .append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** A table cell: pipes escaped, line breaks flattened, so a message can't break the table. */
    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
