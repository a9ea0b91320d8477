package org.polisi.site.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the document's own words into pandoc's AsciiDoc so that Asciidoctor shows them as typed.
 * The import filter ({@code polisi-import.lua}) hands every run of text over between the private-use
 * marks {@link #OPEN} and {@link #CLOSE}; everything outside the marks is structure pandoc wrote
 * (headings, lists, tables, bold, links). A run that Asciidoctor would read as markup, a comment,
 * an attribute, a macro, a replacement or a block delimiter is put in an inline passthrough with
 * special characters only ({@code pass:c[...]}); a bar in a table cell becomes {@code \|}. The rules
 * follow the Asciidoctor language documentation (https://docs.asciidoctor.org/asciidoc/latest/,
 * "Text formatting", "Attribute references", "Replacements", "Macros", "Block delimiters",
 * "Tables: escape the cell separator", "Passthroughs: inline pass macro"). See docs/adr/0103.
 */
final class AsciidocText {
    /** Starts a run of the document's text (U+E000, private use: never in a document pandoc reads). */
    static final char OPEN = '\uE000';
    /** Ends a run of the document's text (U+E001). */
    static final char CLOSE = '\uE001';

    /**
     * Anywhere on a line: formatting marks, passthroughs, attribute references, cross references,
     * index terms, replacements (…, —, ©, ®, ™, arrows), character references, macros and URLs
     * ({@code name:target}), description-list terms ({@code ::}, {@code ;;}), hard line breaks.
     */
    private static final Pattern RISKY = Pattern.compile(
            "[*_`#^~+\\[\\]{}<>\\\\]|\\(\\(|\\)\\)|--|\\.\\.\\.|\\((?:C|R|TM)\\)|&#?[A-Za-z0-9]+;|::|;;|\\p{L}[\\p{L}\\p{N}+.-]*:\\S");
    /**
     * At the start of a line (or of a table cell): block markers and delimiters ({@code //}, {@code :name:},
     * {@code ....}, {@code ----}, {@code .Title}, {@code * item}, {@code - item}, {@code = Heading},
     * {@code [attributes]}, {@code |===}, {@code > quote}, {@code '''}, {@code <<<}), ordered-list
     * markers ({@code 1.}, {@code a.}, {@code iv)}) and admonition labels ({@code NOTE:}).
     */
    private static final Pattern RISKY_AT_START = Pattern.compile(
            "^(?:[!#'*+\\-./:;<=>\\[\\\\\\]^_`{|}~]|(?:\\p{N}+|\\p{L}|[ivxlcdmIVXLCDM]+)[.)]$|(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):$)");
    private static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}]");

    private AsciidocText() {
    }

    /**
     * Escapes every marked run of {@code lines} (pandoc's AsciiDoc with the filter's marks) and
     * removes the marks. Runs inside a table ({@code |===}) also have their bars escaped.
     *
     * @return the lines with no mark left, to be read by Asciidoctor exactly as the document was written
     */
    static List<String> escape(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean inTable = false;
        for (String raw : lines) {
            String line = raw.replace(String.valueOf(CLOSE) + OPEN, "");   // one word split over two runs of Word's
            if (line.equals("|===")) {
                inTable = !inTable;
            }
            out.add(line.indexOf(OPEN) < 0 ? line : escapeLine(unconstrainedWhereIntraword(line), inTable));
        }
        return out;
    }

    /** Escapes one run of text for where it stands: {@code atStart} when it begins a line or a cell. */
    static String run(String text, boolean atStart, boolean inTable) {
        boolean wrap = RISKY.matcher(text).find() || atStart && RISKY_AT_START.matcher(text).find();
        String written = wrap ? passthrough(text) : text;
        return inTable ? written.replace("|", "\\|") : written;
    }

    /**
     * {@code pass:c[text]}: Asciidoctor takes it out before any other substitution and shows it with
     * only {@code < > &} escaped. A {@code ]} is written {@code \]}. A backslash is written
     * {@code {backslash}} between passthroughs: the macro cannot end with one, and {@code \{} is the
     * escape the clean-up reads as a reference the author meant ({@link ImportCleanup}). A tick stays
     * outside too: the clean-up makes it {@code tick:[]}.
     */
    static String passthrough(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean tick = ImportCleanup.TICK.matcher(String.valueOf(c)).matches();
            if (c != '\\' && !tick) {
                part.append(c);
                continue;
            }
            if (!part.isEmpty()) {
                out.append("pass:c[").append(part.toString().replace("]", "\\]")).append(']');
                part.setLength(0);
            }
            out.append(tick ? String.valueOf(c) : "{backslash}");   // a tick stays out, for the clean-up to make tick:[]
        }
        if (!part.isEmpty()) {
            out.append("pass:c[").append(part.toString().replace("]", "\\]")).append(']');
        }
        return out.toString();
    }

    private static String escapeLine(String line, boolean inTable) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < line.length()) {
            int open = line.indexOf(OPEN, at);
            if (open < 0) {
                out.append(line, at, line.length());
                break;
            }
            int close = line.indexOf(CLOSE, open);
            if (close < 0) {
                close = line.length();
            }
            out.append(line, at, open);
            boolean atStart = out.isEmpty() || inTable && startsCell(out);
            out.append(run(line.substring(open + 1, close), atStart, inTable));
            at = close + 1;
        }
        return out.toString().replace(String.valueOf(CLOSE), "").replace(String.valueOf(OPEN), "");
    }

    /** The filter's mark of a merged table's cell (docs/adr/0108), between the cell's bar and its text. */
    private static final java.util.regex.Pattern SPAN_MARK = java.util.regex.Pattern.compile("\u27E6polisi-span \\d+ \\d+ [hb]\u27E7$");

    private static boolean startsCell(CharSequence before) {
        java.util.regex.Matcher mark = SPAN_MARK.matcher(before);
        if (mark.find()) {
            before = before.subSequence(0, mark.start());
        }
        int end = before.length();
        return end > 0 && before.charAt(end - 1) == '|' && (end == 1 || before.charAt(end - 2) == ' '
                || before.charAt(end - 2) == 'a' && (end == 2 || before.charAt(end - 3) == ' '));
    }

    /**
     * Pandoc chooses between {@code *bold*} and {@code **bold**} by looking at the text beside it; beside
     * a marked run it always chooses the single mark, which Asciidoctor ignores inside a word
     * ({@code x*y*z}). A pair of single {@code *} or {@code _} marks that touches a letter or digit of the
     * text on its outer side is doubled, as pandoc itself writes it.
     */
    static String unconstrainedWhereIntraword(String line) {
        StringBuilder out = new StringBuilder(line);
        for (char mark : new char[]{'*', '_'}) {
            List<Integer> marks = new ArrayList<>();
            boolean inside = false;
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c == OPEN) {
                    inside = true;
                } else if (c == CLOSE) {
                    inside = false;
                } else if (!inside && c == mark && single(out, i, mark) && touchesText(out, i)) {
                    marks.add(i);
                }
            }
            for (int pair = marks.size() / 2 * 2 - 2; pair >= 0; pair -= 2) {
                int opening = marks.get(pair);
                int closing = marks.get(pair + 1);
                boolean intraword = opening > 1 && out.charAt(opening - 1) == CLOSE && WORD_CHAR.matcher(String.valueOf(out.charAt(opening - 2))).matches()
                        || closing + 2 < out.length() && out.charAt(closing + 1) == OPEN && WORD_CHAR.matcher(String.valueOf(out.charAt(closing + 2))).matches();
                if (intraword) {
                    out.insert(closing, mark);
                    out.insert(opening, mark);
                }
            }
        }
        return out.toString();
    }

    private static boolean single(CharSequence line, int i, char mark) {
        return (i == 0 || line.charAt(i - 1) != mark) && (i + 1 >= line.length() || line.charAt(i + 1) != mark);
    }

    private static boolean touchesText(CharSequence line, int i) {
        return i > 0 && line.charAt(i - 1) == CLOSE || i + 1 < line.length() && line.charAt(i + 1) == OPEN;
    }
}
