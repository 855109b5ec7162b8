package com.mimeeqportal.audit;

/**
 * Text cells of the CSV export made harmless for spreadsheets (OWASP "CSV injection"): a cell that
 * starts with {@code = + - @}, a tab or a carriage return could be read as a formula, so it gets a
 * leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
