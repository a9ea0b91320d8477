package org.polisi.site.content;

import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an AsciiDoc file into its document header (title and {@code :name: value} entries) and
 * its body. We read headers ourselves, without Asciidoctor, because resolving forks and pairing
 * translations happen before rendering and must know each line's origin.
 */
public final class AsciidocSource {
    private static final Pattern ATTRIBUTE = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*):\\s*(.*)$");

    private AsciidocSource() {
    }

    /**
     * Reads a page through {@link SourceText} (a byte order mark dropped); a file that is not UTF-8
     * is a {@code not-utf8} error in {@code problems} at its first bad byte, and its text is read on
     * with U+FFFD in place of each bad sequence, so that nothing else is reported about it.
     */
    public static SourcePage read(Path file, String key, String language, Problems problems) {
        try {
            SourcePage page = parse(file, key, language, SourceText.read(file, problems).replace("\r\n", "\n"));
            // an instruction nothing reads would change nothing without a word (tester 7's finding 6)
            MisspeltInstructions.check(file, page.rawText(), page.header().containsKey("adapts-template"), problems);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a page for a command that only looks at it (importing, stamping translations).
     *
     * @throws org.polisi.site.problem.ContentException when it is not UTF-8
     */
    public static SourcePage read(Path file, String key, String language) {
        return parse(file, key, language, SourceText.readStrictly(file).replace("\r\n", "\n"));
    }

    public static SourcePage parse(Path file, String key, String language, String text) {
        String[] lines = text.split("\n", -1);
        int index = 0;
        while (index < lines.length && (lines[index].isBlank() || lines[index].startsWith("//"))) {
            index++;
        }
        String title = "";
        int titleLine = 0;
        Map<String, String> header = new LinkedHashMap<>();
        if (index < lines.length && lines[index].startsWith("= ")) {
            title = lines[index].substring(2).trim();
            titleLine = index + 1;
            index++;
            while (index < lines.length && !lines[index].isBlank()) {
                Matcher attribute = ATTRIBUTE.matcher(lines[index]);
                if (attribute.matches()) {
                    header.put(attribute.group(1), attribute.group(2).trim());
                } else if (!lines[index].startsWith("//")) {
                    break;
                }
                index++;
            }
        } else {
            index = 0;
        }
        List<SourceLine> body = new ArrayList<>();
        for (int i = index; i < lines.length; i++) {
            body.add(new SourceLine(lines[i], file, i + 1));
        }
        while (!body.isEmpty() && body.get(body.size() - 1).text().isBlank()) {
            body.remove(body.size() - 1);
        }
        return new SourcePage(key, language, file, title, titleLine, Map.copyOf(header), List.copyOf(body), text);
    }

    /** Whether {@code text[from, to)} holds only spaces and tabs (a line's indentation). */
    static boolean blank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
