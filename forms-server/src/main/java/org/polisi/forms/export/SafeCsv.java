package org.polisi.forms.export;

/**
 * Neutralises cells a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -},
 * {@code @}, tab, carriage return at the start): a leading apostrophe makes them text. Free text
 * typed by anyone on the internet ends up in the school office's spreadsheet; it must not be able
 * to run there.
 */
public final class SafeCsv {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SafeCsv() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
