package org.polisi.site.importing;

import org.jsoup.parser.Parser;
import org.polisi.site.check.SafeSchemes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document's links, as {@code polisi-import.lua} hands them over (each address and each word of
 * its text hex-encoded between markers, out of reach of pandoc's AsciiDoc writer), written as
 * AsciiDoc. Two faults of one kind each (tester 6, N4; docs/adr/0100):
 * <ul>
 *   <li>whether an address is kept as a link is decided by the build's own rule ({@link SafeSchemes}),
 *   applied to the address as the document holds it: pandoc's percent-encoding and HTML entities
 *   decoded, then read as a browser reads it. A link the build would refuse keeps its words as plain
 *   text and is listed as not converted ({@code  java&#9;script:} and {@code &#10;javascript:} as much
 *   as {@code javascript:});</li>
 *   <li>a link's words appear on the page exactly as the document has them: every character that
 *   AsciiDoc reads as markup in a link's text is written as an HTML character reference
 *   ({@code &#91;}), which Asciidoctor passes through every substitution untouched (its replacements
 *   keep references: https://docs.asciidoctor.org/asciidoc/latest/subs/replacements/) and a browser
 *   shows as the character: {@code [ ] * _ # ` ^ ~ + \ |}, {@code =} (with one, Asciidoctor reads the
 *   words as an attribute list and shows only its first item), an {@code &} that starts a reference,
 *   a <code>{</code> that starts no attribute reference, a {@code :} between a letter and what could
 *   be a macro's target ({@code image:map[]} would take everything up to the paragraph's next
 *   bracket; {@code //} aside, so that an address in the words stays one), and the first character
 *   of what Asciidoctor replaces ({@code <<}, {@code (C)}, {@code --}, {@code ...}, {@code ->},
 *   {@code <=}); an apostrophe made typographic excepted, as in the rest of the page. Formatting the
 *   document gave the words (bold, italic, code) stays, a tick stays the character (not the clean-up's
 *   {@code tick:[]}, whose bracket would end the link), and so does an attribute reference
 *   ({@code {school-name}}), which the author typed on purpose, as in the rest of the document's
 *   text ({@link ImportCleanup#ESCAPED_REFERENCE}).</li>
 * </ul>
 */
final class ImportLinks {
    private static final Pattern LINK = Pattern.compile("\u27E6polisi-link ([0-9a-f]*)\u27E7(.*?)\u27E6/polisi-link\u27E7", Pattern.DOTALL);
    private static final Pattern WORDS = Pattern.compile("\u27E6polisi-words ([0-9a-f]*)\u27E7");
    /** A refused link: its finding's message, hex-encoded; {@link ImportCleanup} lists it at its line. */
    static final Pattern REFUSED = Pattern.compile("\u27E6polisi-refused-link ([0-9a-f]*)\u27E7");
    /** What AsciiDoc reads as markup in a link's text: brackets end it or start a macro, the rest format or substitute. */
    private static final Pattern MARKUP = Pattern.compile("[\\[\\]*_#`^~+\\\\|=]|\\{(?![a-z][a-z0-9_-]*})|&(?=#?\\w+;)"
            + "|<(?=[<=-])|\\((?=(?:C|R|TM)\\))|-(?=[->])|\\.(?=\\.\\.)|(?<=\\p{L}):(?=[^\\s/])");
    /** A bare address Asciidoctor links by itself when a space or the line's start comes before it. */
    private static final Pattern BARE = Pattern.compile("(?i)^(https?://|mailto:)\\S+$");

    private ImportLinks() {
    }

    /** {@code text}, pandoc's output, with every link marker pair written as AsciiDoc (or as its words, when refused). */
    static String apply(String text) {
        Matcher link = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String target = decode(link.group(1));
            String inside = link.group(2);
            String written = WORDS.matcher(inside).replaceAll(words -> Matcher.quoteReplacement(escaped(decode(words.group(1)))));
            String plain = WORDS.matcher(inside).replaceAll(words -> Matcher.quoteReplacement(decode(words.group(1))));
            Optional<String> refused = SafeSchemes.refused(asWritten(target));
            String replacement;
            if (refused.isPresent()) {
                replacement = written + "\u27E6polisi-refused-link " + hex(message(plain, refused.get())) + "\u27E7";
            } else if (BARE.matcher(target).matches() && plain.equals(target) && boundaryBefore(text, link.start())) {
                replacement = target;           // an address written as its own words: Asciidoctor links it as it is
            } else {
                boolean bare = BARE.matcher(target).matches() && boundaryBefore(text, link.start());
                replacement = (bare ? "" : "link:") + target(target) + "[" + written + "]";
            }
            link.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        link.appendTail(out);
        return out.toString();
    }

    /**
     * {@code target} as the document holds it: pandoc percent-encodes what a URL may not hold (a space,
     * a tab, a newline), and an HTML character reference in it reaches the page's HTML (Asciidoctor
     * keeps references) where the browser decodes it. Both are decoded before the rule is applied.
     */
    static String asWritten(String target) {
        return Parser.unescapeEntities(percentDecoded(target), true);
    }

    /** {@code %XX} sequences as UTF-8 bytes (RFC 3986 §2.1); anything else, {@code +} included, as it is. */
    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The address in a link macro: what would end the macro or is no URL character (RFC 3986) percent-encoded. */
    private static String target(String target) {
        StringBuilder out = new StringBuilder();
        for (char c : target.toCharArray()) {
            if (c <= ' ' || "[]\"<>{}|\\^`".indexOf(c) >= 0) {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A word of a link's text, each character AsciiDoc would read as markup written as a character reference. */
    static String escaped(String words) {
        String marked = MARKUP.matcher(words).replaceAll(c -> "&#" + (int) c.group().charAt(0) + ";");
        // a tick in a link's words stays the character: the clean-up's tick:[] would end the link at its bracket
        return ImportCleanup.TICK.matcher(marked).replaceAll(c -> "&#" + (c.group().equals("\uF0FC") ? 0x2713 : c.group().codePointAt(0)) + ";");
    }

    /** Whether Asciidoctor would see a bare address starting at {@code at}: the line's start, a space or an opening bracket before it. */
    private static boolean boundaryBefore(String text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        return Character.isWhitespace(before) || before == '(';
    }

    private static String message(String words, String scheme) {
        return "the link \"" + words.strip().replaceAll("\\s+", " ") + "\" to a " + scheme.toLowerCase(Locale.ROOT)
                + ": address, which " + (scheme.equals("data") ? "puts a file in the page" : "runs code or opens something other than a page")
                + " (the build refuses it, however it is spelt): its words are kept as plain text; link them to a page if they should lead somewhere";
    }

    private static String decode(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The message of a {@link #REFUSED} marker. */
    static String message(Matcher refused) {
        return decode(refused.group(1));
    }
}
