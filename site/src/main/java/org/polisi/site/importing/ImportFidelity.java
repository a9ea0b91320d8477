package org.polisi.site.importing;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.polisi.site.render.HtmlFragments;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The importer's proof that the page says what the document says: the page as written is converted
 * by the build's Asciidoctor (SAFE mode, our extensions, as the build converts a page) and its words are compared
 * with the document's words as pandoc reads them ({@code pandoc -t html}); every word lost, added or
 * changed, and every table whose rows or cells differ, is a finding at its line of the page.
 * Words are compared after Unicode NFC and whitespace normalisation, with the importer's own
 * deliberate changes taken out first: headings' typed numbers, Word's contents list, typed bullets,
 * the ticks that become {@code tick:[]}, and the typographic apostrophe Asciidoctor writes for
 * {@code '} (docs/adr/0103).
 */
final class ImportFidelity {
    private static final Pattern TICKS = Pattern.compile("[✓✔☑✅\uF0FC]");
    private static final Pattern TYPED_BULLET = Pattern.compile("[•·▪\uF0B7]");
    private static final Pattern CONTENTS = Pattern.compile("(?i)(?:table of contents|contents|cynnwys|tabl cynnwys)");
    private static final int SHOWN_WORDS = 12;
    /** A reference as the build's HTML checks find one in a page's text (check.HtmlChecks). */
    private static final Pattern BRACED = Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_-]*}");

    private ImportFidelity() {
    }

    /**
     * Compares the page with the document.
     *
     * @param documentHtml       the document as pandoc writes it to HTML ({@code --standalone}, no filter)
     * @param page               the page's whole AsciiDoc text, as written to {@code content/}
     * @param removedContents    whether the importer left out Word's contents list
     * @return findings (kind {@code check}) with their line of the page, in page order; empty when every word matches
     */
    static List<ImportFinding> check(String documentHtml, String page, boolean removedContents) {
        Element document = Jsoup.parse(documentHtml).body();
        prepareDocument(document, removedContents);
        Rendered rendered = render(page);
        Element html = Jsoup.parse(rendered.html()).body();
        preparePage(html);

        List<String> lines = Arrays.asList(page.split("\n", -1));
        List<ImportFinding> findings = new ArrayList<>();
        List<String> expected = new ArrayList<>(words(document));
        List<String> title = words(Jsoup.parse(rendered.titleHtml()).body());
        int titleAt = indexOf(expected, title, 12);
        if (titleAt > 0) {
            expected.subList(0, titleAt).clear();   // an appendix label taken into :appendix-label:
        }
        List<String> shown = new ArrayList<>(titleAt < 0 ? List.of() : title);
        shown.addAll(words(html));
        compareWords(expected, shown, lines, findings);
        braces(shown, lines, findings);
        compareTables(document, html, lines, findings);
        return findings.stream().map(f -> new ImportFinding(f.kind(), f.line(), placeOf(lines, f.line()), f.message()))
                .sorted(java.util.Comparator.comparingInt(ImportFinding::line)).toList();
    }

    /** The words of an HTML fragment's text, split at spaces and at block boundaries, each normalised. */
    static List<String> words(Element root) {
        StringBuilder text = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                } else if (node instanceof Element e && (e.isBlock() || e.normalName().equals("br"))) {
                    text.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    text.append(' ');
                }
            }
        });
        String normal = Normalizer.normalize(text.toString(), Normalizer.Form.NFC);
        List<String> words = new ArrayList<>();
        for (String word : normal.split("[\\s\\u00A0\\u200B]+")) {
            String w = TICKS.matcher(word).replaceAll("✓").replace('\u2019', '\'');
            if (!w.isEmpty() && !TYPED_BULLET.matcher(w).matches()) {
                words.add(w);
            }
        }
        return words;
    }

    private static void prepareDocument(Element document, boolean removedContents) {
        document.select("a.footnote-ref, a.footnote-back, img").remove();
        // The document's properties: only the title reaches the page (author, date and the like stay in Word),
        // and a first heading that repeats it is the title, not a section (PageImporter.documentTitle).
        document.select("#title-block-header > :not(h1.title)").remove();
        Element title = document.selectFirst("#title-block-header h1.title");
        Element first = document.selectFirst("h1:not(.title), h2, h3, h4, h5, h6");
        if (title != null && first != null && Headings.withoutNumber(first.text()).equalsIgnoreCase(title.text().strip())
                && first.previousElementSibling() == title.parent()) {
            first.remove();
        }
        document.select("a[href^=#_Toc]").forEach(link -> {
            Element block = link.closest("p, li");
            (block == null ? link : block).remove();
        });
        for (Element heading : document.select("h1, h2, h3, h4, h5, h6")) {
            if (removedContents && CONTENTS.matcher(heading.text().strip()).matches()) {
                heading.remove();
            } else {
                heading.text(Headings.withoutNumber(heading.text()));
            }
        }
    }

    private static void preparePage(Element page) {
        page.select(".visually-hidden, sup.footnote, img").remove();
        for (Element note : page.select("div.footnote")) {
            Element number = note.selectFirst("a");
            if (number != null) {
                Node next = number.nextSibling();
                number.remove();
                if (next instanceof TextNode text) {
                    text.text(text.getWholeText().replaceFirst("^\\.\\s*", ""));
                }
            }
        }
    }

    /**
     * The page's body and its title, each converted by the build's own Asciidoctor (render.HtmlFragments:
     * one instance per process, SAFE mode, our extensions and HTML post-processing), so the import's
     * build that follows starts no second one.
     */
    private static Rendered render(String page) {
        String titleLine = page.lines().findFirst().orElse("");
        String title = titleLine.startsWith("= ") ? titleLine.substring(2) : "";
        return new Rendered(title.isBlank() ? "" : HtmlFragments.convert(title), HtmlFragments.convert(page));
    }

    private record Rendered(String titleHtml, String html) {
    }

    private static void compareWords(List<String> expected, List<String> shown, List<String> lines, List<ImportFinding> findings) {
        // one word a line: JGit compares texts line by line, and no word holds a line break
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, wordLines(expected), wordLines(shown));
        int cursor = bodyStart(lines);
        for (Edit edit : edits) {
            List<String> lost = expected.subList(edit.getBeginA(), edit.getEndA());
            List<String> added = shown.subList(edit.getBeginB(), edit.getEndB());
            List<String> keys = new ArrayList<>(lost);
            if (edit.getBeginA() > 0) {
                keys.add(expected.get(edit.getBeginA() - 1));
            }
            keys.addAll(added);
            int line = find(lines, keys, cursor);
            cursor = Math.max(cursor, line - 1);
            String message = switch (edit.getType()) {
                case DELETE -> "the document's words \"" + shown(lost) + "\" are not on the page: compare this line with the document;"
                        + " words Asciidoctor reads as markup show as typed inside pass:c[...] (docs/authoring.md)";
                case INSERT -> "the page shows \"" + shown(added) + "\", which the document does not have;"
                        + " check what this line makes of the document's text";
                default -> "the document has \"" + shown(lost) + "\" where the page shows \"" + shown(added) + "\";"
                        + " write the document's words so they show as typed";
            };
            findings.add(new ImportFinding(ImportFinding.Kind.CHECK, line + 1, "", message));
        }
    }

    /**
     * A name in braces shown as text is what the build reports as a setting without a value
     * ({@code unresolved-attribute}): the author decides whether it stands for a school setting.
     */
    private static void braces(List<String> shown, List<String> lines, List<ImportFinding> findings) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        int cursor = bodyStart(lines);
        for (String word : shown) {
            java.util.regex.Matcher name = BRACED.matcher(word);
            while (name.find()) {
                if (seen.add(name.group())) {
                    int line = find(lines, List.of(name.group()), cursor);
                    findings.add(new ImportFinding(ImportFinding.Kind.CHECK, line + 1, "", "the document has \"" + name.group()
                            + "\" in braces: the page shows it as typed, and the build reports it as a setting with no value"
                            + " (unresolved-attribute); if it stands for a school setting, write it without pass:c[ ] around it,"
                            + " else write it without braces"));
                }
            }
        }
    }

    /** The heading a 1-based line of the page stands under (empty above the first), as the clean-up's findings say it. */
    private static String placeOf(List<String> lines, int line) {
        for (int i = Math.min(line, lines.size()) - 1; i > 0; i--) {
            java.util.regex.Matcher heading = Headings.HEADING.matcher(lines.get(i));
            if (heading.matches() && heading.group(1).length() > 1) {
                return heading.group(2);
            }
        }
        return "";
    }

    private static RawText wordLines(List<String> words) {
        return new RawText(words.isEmpty() ? new byte[0] : (String.join("\n", words) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String shown(List<String> words) {
        return words.size() <= SHOWN_WORDS ? String.join(" ", words)
                : String.join(" ", words.subList(0, SHOWN_WORDS)) + " ... (" + words.size() + " words)";
    }

    /** The first line after the page's header (its first blank line), 0-based. */
    private static int bodyStart(List<String> lines) {
        int i = 0;
        while (i < lines.size() && !lines.get(i).isBlank()) {
            i++;
        }
        return Math.min(i, Math.max(0, lines.size() - 1));
    }

    /** The 0-based line at or after {@code from} (else anywhere in the body) holding the first of {@code keys} found. */
    private static int find(List<String> lines, List<String> keys, int from) {
        for (String key : keys) {
            for (int i = from; i < lines.size(); i++) {
                if (lines.get(i).contains(key)) {
                    return i;
                }
            }
        }
        return from;
    }

    private static int indexOf(List<String> words, List<String> part, int within) {
        if (part.isEmpty()) {
            return -1;
        }
        for (int i = 0; i <= Math.min(within, words.size() - part.size()); i++) {
            if (words.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return -1;
    }

    private static void compareTables(Element document, Element page, List<String> lines, List<ImportFinding> findings) {
        List<List<List<String>>> expected = document.select("table").stream().map(ImportFidelity::cells).toList();
        List<List<List<String>>> shown = page.select("table").stream().map(ImportFidelity::cells).toList();
        List<Integer> at = tableLines(lines);
        for (int i = 0; i < Math.max(expected.size(), shown.size()); i++) {
            int line = i < at.size() ? at.get(i) + 1 : 0;
            if (i >= shown.size()) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, line, "", "the document's table " + (i + 1)
                        + " (" + describe(expected.get(i)) + ") is not on the page as a table"));
            } else if (i >= expected.size()) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, line, "", "the page has a table " + (i + 1)
                        + " (" + describe(shown.get(i)) + ") that the document does not have"));
            } else if (!shape(expected.get(i)).equals(shape(shown.get(i)))) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, line, "", "this table has " + describe(shown.get(i))
                        + " on the page and " + describe(expected.get(i)) + " in the document: a cell was split or merged;"
                        + " check every row against the document"));
            } else {
                for (int row = 0; row < expected.get(i).size(); row++) {
                    if (!expected.get(i).get(row).equals(shown.get(i).get(row))) {
                        findings.add(new ImportFinding(ImportFinding.Kind.CHECK, line, "", "row " + (row + 1) + " of this table reads \""
                                + String.join(" | ", shown.get(i).get(row)) + "\" on the page and \"" + String.join(" | ", expected.get(i).get(row))
                                + "\" in the document: check the row against the document"));
                        break;
                    }
                }
            }
        }
    }

    /**
     * Each row of a table (not of tables inside it) as its cells' words, on the table's grid: the
     * places a cell spans into, across or down, count as empty cells (pandoc's AsciiDoc writer has
     * no spans: it writes those places empty).
     */
    private static List<List<String>> cells(Element table) {
        List<List<String>> rows = new ArrayList<>();
        java.util.Map<Integer, Integer> spannedFromAbove = new java.util.HashMap<>();
        for (Element row : table.select("tr")) {
            if (row.closest("table") != table) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                fillSpanned(cells, spannedFromAbove);
                String text = String.join(" ", words(cell));
                int columns = cell.hasAttr("colspan") ? Math.max(1, parse(cell.attr("colspan"))) : 1;
                int rowsDown = cell.hasAttr("rowspan") ? Math.max(1, parse(cell.attr("rowspan"))) : 1;
                for (int s = 0; s < columns; s++) {
                    if (rowsDown > 1) {
                        spannedFromAbove.put(cells.size(), rowsDown - 1);
                    }
                    cells.add(s == 0 ? text : "");
                }
            }
            fillSpanned(cells, spannedFromAbove);
            rows.add(cells);
        }
        return rows;
    }

    private static void fillSpanned(List<String> cells, java.util.Map<Integer, Integer> spannedFromAbove) {
        while (spannedFromAbove.getOrDefault(cells.size(), 0) > 0) {
            spannedFromAbove.merge(cells.size(), -1, Integer::sum);
            cells.add("");
        }
    }

    private static List<Integer> shape(List<List<String>> rows) {
        return rows.stream().map(List::size).toList();
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String describe(List<List<String>> table) {
        List<Integer> rows = shape(table);
        return rows.size() + (rows.size() == 1 ? " row" : " rows") + " of " + rows.stream().map(String::valueOf)
                .reduce((x, y) -> x + "/" + y).orElse("0") + " cells";
    }

    private static List<Integer> tableLines(List<String> lines) {
        List<Integer> at = new ArrayList<>();
        boolean[] delimited = Blocks.delimitedMask(lines);
        boolean open = false;
        for (int i = 0; i < lines.size(); i++) {
            if (!delimited[i] && lines.get(i).equals("|===")) {
                if (!open) {
                    at.add(i);
                }
                open = !open;
            }
        }
        return at;
    }
}
