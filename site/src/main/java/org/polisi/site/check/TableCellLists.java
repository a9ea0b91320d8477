package org.polisi.site.check;

import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds list markers in table cells that are not AsciiDoc ({@code a|}) cells. Asciidoctor prints
 * such a cell's {@code * item} as the text "* item", silently
 * (https://docs.asciidoctor.org/asciidoc/latest/tables/format-cell-content/): each one is a
 * content warning at the cell's first list line, with the fix (one per cell).
 */
public final class TableCellLists {
    private static final Pattern DELIMITER = Pattern.compile("^\\|===+\\s*$");
    private static final Pattern COLS = Pattern.compile("cols=\"([^\"]*)\"");
    /** A cell specifier and its bar: span ({@code 2+}), duplication ({@code 3*}), alignment, then style. */
    private static final Pattern CELL = Pattern.compile("(?:^|(?<=\\s))((?:\\d+(?:\\.\\d+)?[+*])?[<^>]?(?:\\.[<^>])?([adehlmsv])?)(?<!\\\\)\\|");
    private static final Pattern MARKER = Pattern.compile("^\\s*(?:[*]{1,5}|-|[.]{1,5}|\\d+\\.)\\s+\\S");

    private TableCellLists() {
    }

    public static void check(List<ResolvedSite> sites, Problems problems) {
        for (ResolvedSite site : sites) {
            for (ResolvedPage page : site.allPages()) {
                checkLines(page.body(), problems);
            }
        }
    }

    static void checkLines(List<SourceLine> body, Problems problems) {
        boolean inTable = false;
        List<Character> columnStyles = new ArrayList<>();
        int cellIndex = 0;
        char style = 'd';
        String attributes = "";
        boolean warnedThisCell = false;
        for (SourceLine line : body) {
            String text = line.text();
            if (DELIMITER.matcher(text).matches()) {
                inTable = !inTable;
                columnStyles = inTable ? columnStyles(attributes) : new ArrayList<>();
                cellIndex = 0;
                style = 'd';
                continue;
            }
            if (!inTable) {
                attributes = text.startsWith("[") ? text : text.isBlank() ? attributes : "";
                continue;
            }
            Matcher cell = CELL.matcher(text);
            int contentFrom = 0;
            boolean markerOnLine = false;
            List<int[]> starts = new ArrayList<>();
            while (cell.find()) {
                starts.add(new int[]{cell.start(), cell.end()});
                char own = cell.group(2) == null ? 0 : cell.group(2).charAt(0);
                char column = columnStyles.isEmpty() ? 'd' : columnStyles.get(cellIndex % columnStyles.size());
                style = own != 0 ? own : column;
                cellIndex++;
                warnedThisCell = false;
                contentFrom = cell.end();
                int next = text.indexOf('|', contentFrom);
                String content = next < 0 ? text.substring(contentFrom) : text.substring(contentFrom, next);
                if (style != 'a' && MARKER.matcher(content).find()) {
                    markerOnLine = true;
                }
            }
            if (starts.isEmpty() && style != 'a' && MARKER.matcher(text).find()) {
                markerOnLine = true;
            }
            if (markerOnLine && !warnedThisCell) {
                warnedThisCell = true;
                problems.warning("list-in-table-cell", line.file(), line.number(),
                        "list markers in a table cell that is not an AsciiDoc cell are printed as text: "
                                + "start the cell with a| instead of | (for example a|* first item), or mark the column with a in cols");
            }
        }
    }

    /** The style letter of each column in {@code cols="1,3a,2h"} (or {@code cols="2*a"}); none when there is no cols. */
    private static List<Character> columnStyles(String attributes) {
        List<Character> styles = new ArrayList<>();
        Matcher cols = COLS.matcher(attributes);
        if (!cols.find()) {
            return styles;
        }
        String spec = cols.group(1).trim();
        if (spec.matches("\\d+")) {
            for (int i = 0; i < Integer.parseInt(spec); i++) {
                styles.add('d');
            }
            return styles;
        }
        for (String column : spec.split("[,;]")) {
            Matcher repeat = Pattern.compile("^\\s*(\\d+)\\*(.*)$").matcher(column);
            int times = repeat.matches() ? Integer.parseInt(repeat.group(1)) : 1;
            String rest = repeat.matches() ? repeat.group(2) : column;
            Matcher letter = Pattern.compile("([adehlmsv])\\s*$").matcher(rest.trim());
            char style = letter.find() ? letter.group(1).charAt(0) : 'd';
            for (int i = 0; i < times; i++) {
                styles.add(style);
            }
        }
        return styles;
    }
}
