package org.outward.console;

/**
 * A text cell of a CSV file that a spreadsheet will not run: a value that begins like a formula ({@code =},
 * {@code +}, {@code -}, {@code @}, their full-width forms, or a tab or line break that some spreadsheets skip before
 * one) gets a leading apostrophe, so that Excel, LibreOffice and Google Sheets show it as text. Sender addresses
 * come from whoever sends mail, so a DPO's download must not carry one that calls out when opened.
 */
final class SpreadsheetCell {

    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";

    private SpreadsheetCell() {
    }

    static String text(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
