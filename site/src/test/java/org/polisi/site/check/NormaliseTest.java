package org.polisi.site.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The untranslated-paragraph check compares paragraphs without their web addresses, digits and
 * extra white space ({@link HtmlChecks#normalise}). It is one pass over the text now (docs/adr/0095):
 * it must give exactly what the three regular expressions gave, on chosen paragraphs and on many
 * random ones made of the characters that matter (addresses cut short, digits inside addresses and
 * words, every kind of white space the expressions knew and a no-break space they did not).
 */
class NormaliseTest {
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static String byRegex(String text) {
        return SPACES.matcher(DIGITS.matcher(WEB_ADDRESS.matcher(text).replaceAll("")).replaceAll("")).replaceAll(" ").trim().toLowerCase();
    }

    @Test
    void chosenParagraphs() {
        for (String text : List.of("", " ", "Call 01234 567890 or see https://example.org/a?b=1 today.",
                "See http:// nothing", "https://", "http://x", "xhttps://y z", "A  B\t\nC\u000B\fD\rE", "Rhif 2\u00a0a 3",
                "Ysgol Gynradd Llanfair: polisi diogelu 2024", "  lead  ", "https://a https://b", "httphttps://x y",
                "1 2 3", "a1b", "\u0001a\u0001", "ŴŶ Âe")) {
            assertEquals(byRegex(text), HtmlChecks.normalise(text), text);
        }
        assertEquals("call or see today.", HtmlChecks.normalise("Call 01234 567890 or see https://example.org/a?b=1 today."));
    }

    @Test
    void randomParagraphs() {
        Random random = new Random(95);
        String[] parts = {"http", "https", "://", ":", "/", "s", "a", "B", "7", " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00a0", "ŵ", "h", "."};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(parts[random.nextInt(parts.length)]);
            }
            assertEquals(byRegex(text.toString()), HtmlChecks.normalise(text.toString()), text.toString());
        }
    }
}
