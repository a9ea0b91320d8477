package org.polisi.site.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headings of a converted page: typed numbers taken off ("2.1 Scope" becomes "Scope": the site
 * numbers nothing and a school renumbers by moving sections), the top level made {@code ==}, and an
 * explicit id above each, as CONTRIBUTING.md asks, so that links and template overrides keep working.
 */
final class Headings {
    static final Pattern HEADING = Pattern.compile("^(={1,6}) (.+)$");
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:\\d{1,2}\\.(?:\\d{1,2}\\.?)*|\\d{1,2}\\)|[A-Za-z][.)]|(?:[ivxlc]+|[IVXLC]+)[.)])\\s+(?=\\S)");
    /** Bookmarks: Word's ({@code [[_Toc123]]}) and the empty anchored spans other readers leave ({@code [#anchor]##}). */
    private static final Pattern WORD_ANCHOR = Pattern.compile("\\[\\[_[A-Za-z0-9_]+]]|\\[#[A-Za-z0-9_.:-]+](?:####|##)");
    private static final Pattern ANCHOR_LINE = Pattern.compile("^\\[\\[[^\\]]+]]$|^\\[#[^\\]]+]$");

    private Headings() {
    }

    /** A heading's text without its typed number ("1.2 Scope" → "Scope"); other text as it is. */
    static String withoutNumber(String text) {
        Matcher number = NUMBER.matcher(text.strip());
        return number.lookingAt() ? text.strip().substring(number.end()) : text.strip();
    }

    /** Bookmarks ({@code _Toc123}, {@code _GoBack}, OpenDocument's empty anchors) mean nothing on a web page. */
    static String withoutWordAnchors(String line) {
        return WORD_ANCHOR.matcher(line).replaceAll("");
    }

    /** An id from a heading: lower-case ASCII letters and digits joined by hyphens ("Rôl & Cyfrifoldebau" → "rol-and-cyfrifoldebau"). */
    static String slug(String title) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String words = folded.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^a-z0-9]+", "-");
        String slug = words.replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "section" : slug;
    }

    /** The lowest heading level used in the body (1 for {@code ==}), or 0 when it has none. */
    static int topLevel(List<String> lines) {
        int top = 0;
        for (String line : Blocks.outsideDelimited(lines)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches() && heading.group(1).length() > 1) {
                int level = heading.group(1).length() - 1;
                top = top == 0 ? level : Math.min(top, level);
            }
        }
        return top;
    }

    /**
     * Rewrites every heading: number off, top level {@code ==}, and {@code [[id]]} above it. Ids
     * come from {@code givenIds} in order while they last (a translation keeps the English ids),
     * then from the heading's own words.
     *
     * @return the rewritten lines; {@code ids} receives the ids used, in order
     */
    static List<String> apply(List<String> lines, List<String> givenIds, List<String> ids) {
        int shift = Math.max(0, topLevel(lines) - 1);
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>();
        boolean[] delimited = Blocks.delimitedMask(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher heading = HEADING.matcher(line);
            if (delimited[i] || !heading.matches() || heading.group(1).length() < 2) {
                out.add(line);
                continue;
            }
            while (!out.isEmpty() && ANCHOR_LINE.matcher(out.get(out.size() - 1)).matches()) {
                out.remove(out.size() - 1);
            }
            String title = withoutNumber(withoutWordAnchors(heading.group(2)).replaceAll("\\[\\[[^\\]]+]]", "").strip());
            String id = ids.size() < givenIds.size() ? givenIds.get(ids.size()) : slug(title);
            String unique = id;
            for (int n = 2; !used.add(unique); n++) {
                unique = id + "-" + n;
            }
            ids.add(unique);
            out.add("[[" + unique + "]]");
            out.add("=".repeat(heading.group(1).length() - shift) + " " + title);
        }
        return out;
    }
}
