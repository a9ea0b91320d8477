package org.polisi.site.compose;

import org.polisi.site.content.SourceLine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A page's {@code <meta name="description">}: its {@code :description:} attribute, or else its first
 * paragraph of at least {@value #MIN_WORDS} words as plain text, shortened at a word to at most {@value #MAX_CHARACTERS} characters
 * (search engines show about that much). Attribute references ({@code {school-name}}) are
 * replaced first, so that the length is the length shown.
 */
public final class PageDescription {
    static final int MAX_CHARACTERS = 160;
    /** A shorter first paragraph (a motto, "Group:") describes nothing: the next one is taken. */
    static final int MIN_WORDS = 8;
    private static final Pattern NOT_A_PARAGRAPH = Pattern.compile(
            "^(=|\\[|:[A-Za-z0-9_-]+:|//|\\*|-|\\.|\\||\\+|_{4}|-{4}|={4}|[A-Za-z]+::|NOTE:|TIP:|IMPORTANT:|WARNING:|CAUTION:|\\d+\\.|<<<).*");
    private static final Pattern LABELLED_MACRO = Pattern.compile("\\b(?:xref|link|policy|mailto|https?|footnote|pass|image):[^\\[\\s]*\\[([^\\]]*)\\]");
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{([A-Za-z0-9_][A-Za-z0-9_-]*)\\}");
    private static final Pattern EMPTY_MACRO = Pattern.compile("\\b[a-z]+:\\[\\]");
    private static final Pattern CROSS_REFERENCE = Pattern.compile("<<[^,>]*,?([^>]*)>>");
    private static final Pattern FORMATTING = Pattern.compile("(?<![\\w])[*_`#]{1,2}([^*_`#]+?)[*_`#]{1,2}(?![\\w])");

    private PageDescription() {
    }

    /**
     * @param declared the page's {@code description} attribute ("" when it has none)
     * @param body     the page's body lines, as written
     * @return the description, or "" when the page has no paragraph
     */
    public static String of(String declared, List<SourceLine> body) {
        return of(declared, body, name -> null);
    }

    /**
     * @param attributes an attribute's value by name, or null when unknown (left as written, for Asciidoctor)
     */
    public static String of(String declared, List<SourceLine> body, java.util.function.Function<String, String> attributes) {
        return described(declared.isBlank() ? firstParagraph(body) : declared, attributes, PageDescription::plainAndShort);
    }

    /**
     * As {@link #of}, from the text that describes the page ({@code :description:} or
     * {@link #firstParagraph}) and a function making it plain and short: the compose stage gives one
     * that remembers its answers, since 100 schools' pages share their template's paragraphs.
     */
    static String described(String text, java.util.function.Function<String, String> attributes,
                            java.util.function.UnaryOperator<String> plainAndShort) {
        String resolved = text.indexOf('{') < 0 ? text : ATTRIBUTE_REFERENCE.matcher(text).replaceAll(match -> {
            String value = attributes.apply(match.group(1));
            return java.util.regex.Matcher.quoteReplacement(value == null ? match.group() : value);
        });
        return plainAndShort.apply(resolved);
    }

    /** The description of a text whose attribute references are resolved: plain text, shortened. */
    static String plainAndShort(String resolved) {
        return shorten(plain(resolved));
    }

    /** The first paragraph of at least {@value #MIN_WORDS} words, as written ("" when there is none). */
    static String firstParagraph(List<SourceLine> body) {
        StringBuilder paragraph = new StringBuilder();
        boolean inDelimitedBlock = false;
        for (SourceLine line : body) {
            String text = line.text().strip();
            if (text.matches("(-{4,}|={4,}|\\.{4,}|\\+{4,}|_{4,}|\\*{4,}|\\|===)")) {
                inDelimitedBlock = !inDelimitedBlock;
                if (paragraph.length() > 0 && paragraph.toString().split("\\s+").length >= MIN_WORDS) {
                    break;
                }
                paragraph.setLength(0);
                continue;
            }
            if (inDelimitedBlock) {
                continue;
            }
            if (text.isEmpty()) {
                if (paragraph.length() > 0 && paragraph.toString().split("\\s+").length >= MIN_WORDS) {
                    break;
                }
                paragraph.setLength(0);
                continue;
            }
            if (paragraph.length() == 0 && NOT_A_PARAGRAPH.matcher(text).matches()) {
                continue;
            }
            paragraph.append(paragraph.length() == 0 ? "" : " ").append(text.replaceFirst(" \\+$", ""));
        }
        return paragraph.toString();
    }

    private static String plain(String asciidoc) {
        String text = LABELLED_MACRO.matcher(asciidoc).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(
                match.group().startsWith("footnote:") ? "" : match.group(1)));
        text = EMPTY_MACRO.matcher(text).replaceAll("");
        text = CROSS_REFERENCE.matcher(text).replaceAll("$1");
        text = FORMATTING.matcher(text).replaceAll("$1");
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS - 1));
        int space = cut.lastIndexOf(' ');
        return (space > MAX_CHARACTERS / 2 ? cut.substring(0, space) : cut).replaceAll("[\\s,;:.–-]+$", "") + "…";
    }
}
