package org.polisi.site.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites every table of a converted page: widths without per cent signs, a header row where the
 * first row is bold, a header column where the first column labels the rows, and {@code a|} cells wherever a cell holds a list (otherwise
 * Asciidoctor prints the list markers as text). Word's typed bullets ({@code •}) become list items.
 * Merged cells are kept ({@code 2+|}, {@code .2+|}), or, where they cannot be, the table is reported
 * at its line (docs/adr/0108).
 */
final class TableCleanup {
    static final Pattern TYPED_BULLET = Pattern.compile("^(\\s*)[•·▪\uF0B7]\\s+");
    private static final Pattern TICK = Pattern.compile("tick:\\[]|[✓✔☑✅]");
    private static final Pattern BOLD = Pattern.compile("^\\*[^*].*\\*$");

    private TableCleanup() {
    }

    static List<String> apply(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals("|===")) {
                out.add(lines.get(i));
                continue;
            }
            String attributes = "";
            if (!out.isEmpty() && out.get(out.size() - 1).startsWith("[")) {
                attributes = out.remove(out.size() - 1);
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals("|===")) {
                end++;
            }
            AsciidocTable table = AsciidocTable.parse(attributes, lines.subList(i + 1, Math.min(end, lines.size())));
            table.headerRow = table.headerRow || boldFirstRow(table);
            for (AsciidocTable.Cell cell : table.cells) {
                if (cell.holdsList()) {
                    cell.asciidoc = true;
                    cell.text = cell.text.lines().map(l -> TYPED_BULLET.matcher(l).replaceFirst("$1* "))
                            .reduce((a, b) -> a + "\n" + b).orElse("");
                }
            }
            if (table.mergesLost) {
                // Said at the table's line by ImportCleanup's report, as every conversion loss is.
                out.add(ImportCleanup.NOT_CONVERTED_BLOCK + "(table): its merged cells could not be kept, so each is"
                        + " now a cell and empty cells beside or below it; check the table against the document");
            }
            out.addAll(table.render(hasHeaderColumn(table)));
            i = end;
        }
        return out;
    }

    /**
     * Word marks a header row with "Repeat as header row", which pandoc reads; many schools only
     * make the first row bold. A first row of bold labels above at least one more row is a header row.
     */
    static boolean boldFirstRow(AsciidocTable table) {
        if (table.rows() < 2) {
            return false;
        }
        for (int column = 0; column < table.columns(); column++) {
            AsciidocTable.Cell cell = table.cell(0, column);
            if (!cell.blank() && !BOLD.matcher(cell.text).matches()) {
                return false;
            }
        }
        return !table.cell(0, 0).blank() || table.columns() > 1 && !table.cell(0, 1).blank();
    }

    /**
     * The first column labels the rows when every body row starts with text and either all those
     * labels are bold, or the other columns hold ticks (a grid of who may do what).
     */
    static boolean hasHeaderColumn(AsciidocTable table) {
        List<List<AsciidocTable.Cell>> body = table.bodyRows();
        if (table.columns() < 2 || body.size() < 2) {
            return false;
        }
        // A place covered by the merged label above it (Word's vMerge) is labelled by that cell.
        boolean labelled = body.stream().allMatch(row -> row.get(0).covered || !row.get(0).blank() && !TICK.matcher(row.get(0).text).find()
                && !row.get(0).asciidoc);
        if (!labelled) {
            return false;
        }
        boolean bold = body.stream().allMatch(row -> row.get(0).covered || BOLD.matcher(row.get(0).text).matches());
        boolean ticks = body.stream().anyMatch(row -> row.subList(1, row.size()).stream()
                .anyMatch(cell -> TICK.matcher(cell.text).find()));
        return bold || ticks;
    }
}
