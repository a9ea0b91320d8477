package org.polisi.site.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables that a phone can read and a strict Content-Security-Policy ({@code style-src 'self'})
 * allows (docs/adr/0044-tables-for-phones.md).
 *
 * <ul>
 *   <li>Asciidoctor's inline width hints ({@code <col style="width: 33.3333%;">}, a table's
 *       {@code style="width: 50%;"}) become classes {@code col-w30}, {@code table-w50}: the width
 *       rounded down to a multiple of 5 % (at least 5), which the theme's stylesheet defines. No {@code style}
 *       attribute is left, so the browser blocks nothing.</li>
 *   <li>A table with a header row ({@code thead}) and at least {@value #STACK_FROM_COLUMNS}
 *       columns is marked {@code table--stack}: each body cell gets {@code data-label}, the text
 *       of the header cell(s) above it joined by " — " (found on the table's grid, so row and column spans are
 *       followed as HTML's table model does; several header rows, docs/adr/0108), and an empty cell the class {@code cell--empty}.
 *       Below 40rem the theme shows each row as a labelled list from this same HTML. No ARIA
 *       table roles are added: the HTML standard forbids them on the rows and cells of a table
 *       (the Nu checker's error). Where a browser drops table semantics for the changed
 *       {@code display}, each cell still reads with its label ("Refer to Headteacher: Yes").</li>
 * </ul>
 * In: the HTML Asciidoctor converted; out: the same HTML with only its tables rewritten. Applied to
 * each converted page by {@link AsciidocConverter#postprocessed}, after {@link AccessibleAdmonitions}
 * (docs/adr/0086).
 */
public final class ResponsiveTables {
    /** Tables narrower than this fit a 320 px screen with words unbroken, and stay tables. */
    static final int STACK_FROM_COLUMNS = 3;
    private static final Pattern WIDTH = Pattern.compile("^\\s*width:\\s*([0-9.]+)%;?\\s*$");

    private ResponsiveTables() {
    }

    /**
     * {@code html} with each outermost table rewritten as the class comment says; anything else
     * untouched. Rewriting a rewritten table changes nothing (PageHistory applies it to earlier
     * versions converted and cached before this class existed).
     */
    public static String rewrite(String html) {
        if (!html.contains("<table")) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 1024);
        int from = 0;
        int start;
        while ((start = html.indexOf("<table", from)) >= 0) {
            int end = endOfTable(html, start);
            if (end < 0) {
                break;
            }
            out.append(html, from, start).append(table(html.substring(start, end)));
            from = end;
        }
        return out.append(html, from, html.length()).toString();
    }

    /** The index just after the {@code </table>} that closes the table opened at {@code start}, or -1. */
    private static int endOfTable(String html, int start) {
        int depth = 0;
        int at = start;
        while (at >= 0 && at < html.length()) {
            int open = html.indexOf("<table", at);
            int close = html.indexOf("</table>", at);
            if (close < 0) {
                return -1;
            }
            if (open >= 0 && open < close) {
                depth++;
                at = open + 6;
            } else {
                depth--;
                at = close + 8;
                if (depth == 0) {
                    return at;
                }
            }
        }
        return -1;
    }

    /**
     * Tables already rewritten, by their HTML, most recently used last: the schools of a cluster
     * share most of their tables, character for character, and {@link #table} is a function of
     * the table's HTML alone, so each is parsed once (docs/adr/0086). Bounded, as a build server
     * lives for many builds.
     */
    private static final int REMEMBERED = 512;
    private static final Map<String, String> REWRITTEN = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(REMEMBERED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED;
                }
            });

    private static String table(String tableHtml) {
        String known = REWRITTEN.get(tableHtml);
        if (known == null) {
            known = rewriteTable(tableHtml);
            REWRITTEN.put(tableHtml, known);
        }
        return known;
    }

    private static String rewriteTable(String tableHtml) {
        Element body = Jsoup.parseBodyFragment(tableHtml).body();
        body.ownerDocument().outputSettings().prettyPrint(false);
        Element table = body.selectFirst("table");
        if (table == null || !table.hasClass("tableblock")) {
            return tableHtml;
        }
        for (Element element : table.select("table, col")) {
            widthAsClass(element);
        }
        headerRowsIntoThead(table);
        List<Element> rows = table.select("> thead > tr, > tbody > tr, > tfoot > tr");
        Grid grid = new Grid(rows);
        Element thead = table.selectFirst("> thead");
        if (thead != null && grid.columns >= STACK_FROM_COLUMNS) {
            stack(table, grid);
        }
        table.select("th").forEach(ResponsiveTables::breakAfterSlashes);
        return table.outerHtml();
    }

    /**
     * Asciidoctor writes one header row ({@code thead}); a table with a merged heading over the
     * headings of its columns has more (docs/adr/0108). Leading body rows that are header rows join
     * the {@code thead}, their cells as {@code th}: rows made only of header cells ({@code h|}) when the
     * table has no {@code thead}, and rows a {@code thead} cell reaches with its {@code rowspan} (which
     * the HTML table model would otherwise cut at the end of the {@code thead}). At least one body row
     * stays. Applying this twice changes nothing.
     */
    private static void headerRowsIntoThead(Element table) {
        Element tbody = table.selectFirst("> tbody");
        if (tbody == null) {
            return;
        }
        Element thead = table.selectFirst("> thead");
        List<Element> bodyRows = tbody.select("> tr");
        int move = 0;
        if (thead != null) {
            List<Element> headRows = thead.select("> tr");
            for (int r = 0; r < headRows.size(); r++) {
                for (Element cell : headRows.get(r).select("> th, > td")) {
                    move = Math.max(move, r + Grid.span(cell, "rowspan") - headRows.size());
                }
            }
        } else {
            boolean merged = false;
            while (move < bodyRows.size() && !bodyRows.get(move).select("> th").isEmpty()
                    && bodyRows.get(move).select("> td").isEmpty()) {
                for (Element cell : bodyRows.get(move).select("> th")) {
                    merged |= Grid.span(cell, "rowspan") > 1 || Grid.span(cell, "colspan") > 1;
                }
                move++;
            }
            // Only a merged heading's rows: a table whose every cell is a header cell stays as it is.
            move = merged && move < bodyRows.size() ? move : 0;
        }
        move = Math.min(move, bodyRows.size() - 1);
        if (move <= 0) {
            return;
        }
        if (thead == null) {
            thead = new Element("thead");
            tbody.before(thead);
        }
        for (Element row : bodyRows.subList(0, move)) {
            for (Element cell : row.select("> td")) {
                cell.tagName("th");
            }
            thead.appendChild(row);
        }
    }

    /**
     * A header's "detention/exclusion" or "Llywodraethu/is-bwyllgor" may break after its slash
     * ({@code <wbr>}), as it may after a hyphen: otherwise the pair is one word as wide as both,
     * and a ten-column table no longer fits. Nothing is added to the text itself.
     */
    private static void breakAfterSlashes(Element header) {
        for (org.jsoup.nodes.TextNode text : header.textNodes()) {
            breakAfterSlashes(text);
        }
        for (Element child : header.children()) {
            if (!child.hasClass("visually-hidden")) {
                breakAfterSlashes(child);
            }
        }
    }

    private static void breakAfterSlashes(org.jsoup.nodes.TextNode text) {
        String whole = text.getWholeText();
        int slash = whole.indexOf('/');
        if (slash < 0 || slash == whole.length() - 1) {
            return;
        }
        org.jsoup.nodes.TextNode rest = text.splitText(slash + 1);
        rest.before(new Element("wbr"));
        breakAfterSlashes(rest);
    }

    private static void widthAsClass(Element element) {
        Matcher width = WIDTH.matcher(element.attr("style"));
        if (!element.hasAttr("style") || !width.matches()) {
            return;
        }
        // Down to a multiple of 5 %: rounding up made ten 7.7 % columns ask for 120 % of the width.
        long rounded = Math.max(5, Math.min(100, (long) Math.floor(Double.parseDouble(width.group(1)) / 5) * 5));
        element.removeAttr("style");
        element.addClass(element.tagName().toLowerCase(Locale.ROOT) + "-w" + rounded);
    }

    private static void stack(Element table, Grid grid) {
        table.addClass("table--stack");
        for (Element row : grid.rows) {
            for (Element cell : row.children()) {
                if (cell.tagName().equals("td")) {
                    String label = grid.headerText(cell);
                    if (!label.isEmpty()) {
                        cell.attr("data-label", label);
                    }
                    if (cell.text().isBlank() && cell.select("img").isEmpty()) {
                        cell.addClass("cell--empty");
                    }
                }
            }
        }
    }

    /** The table's cells placed on its grid, as the HTML table model places them (spans followed). */
    private static final class Grid {
        final List<Element> rows;
        final Map<Element, Integer> firstColumn = new HashMap<>();
        final List<List<Element>> headerColumns = new ArrayList<>();   // per column: its thead cells
        int columns;

        Grid(List<Element> rows) {
            this.rows = rows;
            Map<Integer, Map<Integer, Boolean>> taken = new HashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                Element row = rows.get(r);
                boolean header = row.parent() != null && row.parent().tagName().equals("thead");
                int column = 0;
                for (Element cell : row.children()) {
                    if (!cell.tagName().equals("td") && !cell.tagName().equals("th")) {
                        continue;
                    }
                    while (taken.getOrDefault(r, Map.of()).containsKey(column)) {
                        column++;
                    }
                    int colspan = span(cell, "colspan");
                    int rowspan = span(cell, "rowspan");
                    firstColumn.put(cell, column);
                    for (int dr = 0; dr < rowspan; dr++) {
                        for (int dc = 0; dc < colspan; dc++) {
                            taken.computeIfAbsent(r + dr, k -> new HashMap<>()).put(column + dc, true);
                        }
                    }
                    if (header) {
                        for (int dc = 0; dc < colspan; dc++) {
                            while (headerColumns.size() <= column + dc) {
                                headerColumns.add(new ArrayList<>());
                            }
                            headerColumns.get(column + dc).add(cell);
                        }
                    }
                    column += colspan;
                    columns = Math.max(columns, column);
                }
            }
        }

        /**
         * The text of the header row cells above {@code cell}'s first column, top first, joined by
         * " — " ("Pupils — Not allowed"): a merged heading and the heading under it both name the column.
         */
        String headerText(Element cell) {
            Integer column = firstColumn.get(cell);
            if (column == null || column >= headerColumns.size()) {
                return "";
            }
            return String.join(" \u2014 ", headerColumns.get(column).stream().map(Element::text).map(String::strip)
                    .filter(text -> !text.isEmpty()).distinct().toList());
        }

        static int span(Element cell, String attribute) {
            try {
                return Math.max(1, Integer.parseInt(cell.attr(attribute).isBlank() ? "1" : cell.attr(attribute).strip()));
            } catch (NumberFormatException notANumber) {
                return 1;
            }
        }
    }
}
