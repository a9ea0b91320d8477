package org.polisi.forms.intake;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Turns whatever was typed into plain text: markup removed by Jsoup's cleaner (so no HTML is ever
 * stored), entities turned back into characters, Unicode normalised (so "ŵ" typed two ways is
 * one value), control characters dropped. Output is always escaped again when shown.
 */
public final class TextCleaner {

    private static final Document.OutputSettings KEEP_WHITESPACE = new Document.OutputSettings().prettyPrint(false);

    private TextCleaner() {
    }

    /** One line of text: runs of whitespace become one space. */
    public static String line(String raw) {
        return plain(raw).replaceAll("\\s+", " ").strip();
    }

    /** Several lines (a textarea): line breaks kept, other whitespace runs kept as typed. */
    public static String lines(String raw) {
        return plain(raw).replaceAll("[ \\t]+\\n", "\n").strip();
    }

    private static String plain(String raw) {
        if (raw == null) {
            return "";
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replaceAll("[\\p{Cc}&&[^\\n\\t]]", "");
        return withoutMarkup(normalised).replace('\u00A0', ' ');
    }

    /**
     * Text with neither a tag nor an entity in it comes out of Jsoup as it went in, so it skips the
     * parse: most answers are names and dates, and the parse was a tenth of a submission's CPU.
     * TextCleanerTest holds the two ways to the same answer.
     */
    static String withoutMarkup(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        return cleanedByJsoup(text);
    }

    static String cleanedByJsoup(String text) {
        return Parser.unescapeEntities(Jsoup.clean(text, "", Safelist.none(), KEEP_WHITESPACE), false);
    }
}
