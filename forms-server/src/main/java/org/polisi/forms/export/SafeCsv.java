package org.polisi.forms.export;

import org.polisi.forms.text.BidiControls;

/**
 * Neutralises cells a spreadsheet would run as a formula (OWASP "CSV Injection"; ASVS 5.0 1.2.10):
 * a leading apostrophe makes them text. Free text typed by anyone on the internet ends up in the
 * school office's spreadsheet; it must not be able to run there.
 *
 * <p>A cell is guarded when it starts with tab, carriage return or NUL, or when its first
 * character after any leading blank (spaces, tabs, line breaks, no-break and other Unicode spaces,
 * zero-width and other invisible format characters) is a formula trigger: {@code = + - @} or their
 * full-width forms ({@code ＝ ＋ － ＠}). Spreadsheets that trim what they import (LibreOffice's
 * "trim spaces", Google Sheets) would otherwise run {@code " =HYPERLINK(…)"}. Only the CSV rendering
 * changes: the stored answer is never touched, and the cell's text after the apostrophe is exactly
 * the answer. Quoting (RFC 4180) is Commons CSV's.
 *
 * <p>A bidirectional formatting character (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
 * is written as its code point, {@code [U+202E]} ({@link BidiControls}): a spreadsheet honours
 * them, so an override in an answer would show the cell's text in another order than the data's
 * (docs/adr/0061). Every other character is the answer's.
 */
public final class SafeCsv {

    private static final String ALWAYS_GUARDED = "\t\r\0";
    private static final String FORMULA_TRIGGERS = "=+-@\uFF1D\uFF0B\uFF0D\uFF20";

    private SafeCsv() {
    }

    /**
     * The cell as written to a CSV file.
     *
     * @param value the text (null is an empty cell)
     * @return {@code value} with its bidirectional formatting characters made visible, behind an
     *     apostrophe when a spreadsheet could read it as a formula
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String shown = BidiControls.visible(value);
        return needsGuard(value) ? "'" + shown : shown;
    }

    /** True when a spreadsheet could take {@code value} (not empty) for a formula. */
    public static boolean needsGuard(String value) {
        if (ALWAYS_GUARDED.indexOf(value.charAt(0)) >= 0) {
            return true;
        }
        int index = 0;
        while (index < value.length()) {
            int codePoint = value.codePointAt(index);
            if (!blank(codePoint)) {
                return FORMULA_TRIGGERS.indexOf(codePoint) >= 0;
            }
            index += Character.charCount(codePoint);
        }
        return false;
    }

    /** Characters a spreadsheet may drop before reading a cell: white space, control and invisible format characters. */
    private static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }
}
