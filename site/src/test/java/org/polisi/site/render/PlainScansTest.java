package org.polisi.site.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The render stage's scans written without regular expressions or stream splits (docs/adr/0095)
 * give exactly what the expressions they replace gave: the attribute entry's name of a header line
 * ({@link AsciidocConverter#entryName}) and the body as JBake's crawler reads it
 * ({@link JBakeRenderer#bodyLines}), on chosen lines and on many random ones made of the characters
 * that matter.
 */
class PlainScansTest {
    private static final Pattern ENTRY = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*):");

    private static String byRegex(String line) {
        Matcher entry = ENTRY.matcher(line);
        return entry.find() ? entry.group(1) : null;
    }

    private static String byLines(String body) {
        return (body + "\n").lines().collect(Collectors.joining("\n", "", "\n"));
    }

    private static String random(Random random, String alphabet, int max) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(max); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void anEntrysNameIsWhatTheExpressionFound() {
        for (String line : List.of(":school-name: Ysgol Y Llan", ":a:", ":_x-1: v", ":-x: v", "::", ":x", ":x y: v", " :x: v",
                ":polisi-footnote-tooltip:", ":x:y:", ":ŵ: v", "", ":", ":9:", "text :x: v", ":x-:", ":X_Y-z9:")) {
            assertEquals(byRegex(line), AsciidocConverter.entryName(line), line);
        }
        assertEquals("school-name", AsciidocConverter.entryName(":school-name: Ysgol"));
        assertEquals(null, AsciidocConverter.entryName(":-x: v"));
        Random random = new Random(95);
        for (int i = 0; i < 20_000; i++) {
            String line = random(random, "::aZ9_- x!ŵ\t", 9);
            assertEquals(byRegex(line), AsciidocConverter.entryName(line), line);
        }
    }

    @Test
    void aBlankStretchIsWhatIsBlankSaid() {
        for (String text : List.of("", " ", "\t \u2003", "\u00a0", "a", " a ", "\uD83D\uDE00", "\u2028", "\r", "\u001C")) {
            assertEquals(text.isBlank(), AsciidocConverter.blank("x" + text + "y", 1, text.length() + 1), text);
        }
    }

    @Test
    void aBodysLinesAreWhatSplittingAndJoiningGave() {
        for (String body : List.of("", "a", "a\n", "a\n\n", "<p>x</p>\n<p>y</p>", "a\r", "a\r\n", "a\r\r\n", "\r", "\n\r", "a\rb\nc\r\nd")) {
            assertEquals(byLines(body), JBakeRenderer.bodyLines(body), body.replace("\r", "\\r").replace("\n", "\\n"));
        }
        Random random = new Random(95);
        for (int i = 0; i < 20_000; i++) {
            String body = random(random, "ab\r\n ", 12);
            assertEquals(byLines(body), JBakeRenderer.bodyLines(body), body.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }
}
