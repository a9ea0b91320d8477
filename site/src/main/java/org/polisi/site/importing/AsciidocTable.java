package org.polisi.site.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table as pandoc's AsciiDoc writer prints it: an attribute line ({@code [cols="34%,66%",options="header",]}),
 * {@code |===}, then cells, each introduced by {@code |} or {@code a|} at the start of a line or after
 * a space (pandoc escapes a literal bar as {@code \|}), and {@code |===}. Rows are as wide as
 * {@code cols} says. See https://docs.asciidoctor.org/asciidoc/latest/tables/build-a-basic-table/.
 */
final class AsciidocTable {
    private static final Pattern CELL_START = Pattern.compile("(?:^|(?<= ))(a?)(?<!\\\\)\\|");
    private static final Pattern COLS = Pattern.compile("cols=\"([^\"]*)\"");
    /** The mark polisi-import.lua puts at the start of each cell of a table with merged cells (docs/adr/0108). */
    private static final Pattern SPAN = Pattern.compile("\u27E6polisi-span (\\d+) (\\d+) ([hb])\u27E7");
    private static final Pattern TICK = Pattern.compile("tick:\\[]|[✓✔☑✅]");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[*\\-.]+|[•·▪\uF0B7]|\\d+\\.)\\s+\\S.*");

    /** One cell: whether it is an AsciiDoc ({@code a|}) cell, and its text with its line breaks. */
    static final class Cell {
        boolean asciidoc;
        String text;
        /** How many rows and columns the cell covers (Word's vMerge and gridSpan); 1 and 1 unless merged. */
        int rowSpan = 1;
        int colSpan = 1;
        /** A grid place that a merged cell above or to the left covers: not printed. */
        boolean covered;

        Cell(boolean asciidoc, String text) {
            this.asciidoc = asciidoc;
            this.text = text;
        }

        boolean blank() {
            return text.isBlank();
        }

        /** A line of the cell starts with a list marker: without {@code a|} it would print as literal text. */
        boolean holdsList() {
            return text.lines().anyMatch(line -> LIST_MARKER.matcher(line).matches());
        }
    }

    final List<String> widths;
    boolean headerRow;
    /**
     * How many rows at the top are header rows when more than one is (a merged heading over the
     * headings of its columns); 0 or 1 otherwise, and then {@link #headerRow} says.
     */
    int headerRows;
    /** The document's merged cells could not be placed on the grid pandoc printed: they are left unmerged. */
    boolean mergesLost;
    final List<Cell> cells;

    private AsciidocTable(List<String> widths, boolean headerRow, List<Cell> cells) {
        this.widths = widths;
        this.headerRow = headerRow;
        this.cells = cells;
    }

    /**
     * Parses a table from its attribute line (may be empty) and the lines between the two
     * {@code |===} delimiters. Without a {@code cols} attribute the first line's cells give the width.
     */
    static AsciidocTable parse(String attributeLine, List<String> inner) {
        List<Cell> cells = new ArrayList<>();
        StringBuilder current = null;
        boolean currentAsciidoc = false;
        int firstLineCells = -1;
        for (String line : inner) {
            Matcher start = CELL_START.matcher(line);
            int from = 0;
            int onThisLine = 0;
            while (start.find()) {
                if (current != null) {
                    current.append(line, from, start.start());
                    cells.add(new Cell(currentAsciidoc, current.toString().strip()));
                }
                current = new StringBuilder();
                currentAsciidoc = !start.group(1).isEmpty();
                from = start.end();
                onThisLine++;
            }
            if (current != null) {
                current.append(line.substring(from)).append('\n');
            }
            if (firstLineCells < 0 && onThisLine > 0) {
                firstLineCells = onThisLine;
            }
        }
        if (current != null) {
            cells.add(new Cell(currentAsciidoc, current.toString().strip()));
        }
        List<String> widths = new ArrayList<>();
        Matcher cols = COLS.matcher(attributeLine);
        if (cols.find()) {
            for (String width : cols.group(1).split(",", -1)) {
                String digits = width.replaceAll("[^0-9]", "");
                widths.add(digits.isEmpty() ? "1" : digits);
            }
        } else {
            for (int i = 0; i < Math.max(1, firstLineCells); i++) {
                widths.add("1");
            }
        }
        AsciidocTable table = new AsciidocTable(widths, attributeLine.contains("header"), cells);
        table.merges();
        return table;
    }

    /**
     * Takes the span marks out of the cells and, when they fit the grid (every place a merged cell
     * covers is an unmarked, empty cell, and every unmarked cell is covered), keeps the merges;
     * otherwise {@link #mergesLost}. Header rows are the leading rows pandoc read as the table's head.
     */
    private void merges() {
        boolean marked = cells.stream().anyMatch(cell -> SPAN.matcher(cell.text).find());
        if (!marked) {
            return;
        }
        List<Boolean> head = new ArrayList<>();
        for (Cell cell : cells) {
            Matcher span = SPAN.matcher(cell.text);
            if (span.find()) {
                cell.rowSpan = Math.max(1, Integer.parseInt(span.group(1)));
                cell.colSpan = Math.max(1, Integer.parseInt(span.group(2)));
                head.add(span.group(3).equals("h"));
                cell.text = SPAN.matcher(cell.text).replaceAll("").strip();
            } else {
                cell.covered = true;
                head.add(null);
            }
        }
        boolean[] reached = new boolean[cells.size()];
        boolean fits = cells.size() % columns() == 0;
        for (int index = 0; fits && index < cells.size(); index++) {
            Cell cell = cells.get(index);
            if (cell.covered) {
                fits = reached[index] && cell.blank();
                continue;
            }
            fits = !reached[index];
            int row = index / columns();
            int column = index % columns();
            for (int dr = 0; fits && dr < cell.rowSpan; dr++) {
                for (int dc = 0; fits && dc < cell.colSpan; dc++) {
                    int at = (row + dr) * columns() + column + dc;
                    fits = column + dc < columns() && at < cells.size();
                    if (fits && (dr > 0 || dc > 0)) {
                        fits = !reached[at];
                        reached[at] = true;
                    }
                }
            }
        }
        if (!fits) {
            mergesLost = true;
            for (Cell cell : cells) {
                cell.rowSpan = 1;
                cell.colSpan = 1;
                cell.covered = false;
            }
            return;
        }
        int rows = 0;
        for (int row = 0; row < rows(); row++) {
            boolean allHead = true;
            for (int column = 0; column < columns(); column++) {
                Boolean isHead = head.get(row * columns() + column);
                allHead &= isHead == null || isHead;
            }
            if (!allHead) {
                break;
            }
            rows++;
        }
        headerRows = rows;
        headerRow = headerRow || rows > 0;
        if (headerRows == 1) {
            headerRows += subHeadingRow() ? 1 : 0;
        }
    }

    /**
     * Word documents often mark only the first row as the header: a row of merged headings
     * ("Staff" over two columns) with the headings of those columns ("Allowed", "Not allowed") in the
     * next row as plain cells. That next row is a header row when every column under a merged heading
     * has text, every other column is empty, and it holds no ticks and no merges of its own.
     */
    private boolean subHeadingRow() {
        if (rows() < 3) {
            return false;
        }
        boolean anyMerged = false;
        for (int column = 0; column < columns(); ) {
            Cell top = cell(0, column);
            int width = top.covered ? 1 : top.colSpan;
            for (int dc = 0; dc < width && column + dc < columns(); dc++) {
                Cell below = cell(1, column + dc);
                if (below.covered) {
                    continue;
                }
                if (below.colSpan > 1 || below.rowSpan > 1 || below.asciidoc || TICK.matcher(below.text).find()
                        || below.blank() == (width > 1)) {
                    return false;
                }
            }
            anyMerged |= width > 1;
            column += width;
        }
        return anyMerged;
    }

    int columns() {
        return widths.size();
    }

    int rows() {
        return (cells.size() + columns() - 1) / columns();
    }

    Cell cell(int row, int column) {
        int index = row * columns() + column;
        return index < cells.size() ? cells.get(index) : new Cell(false, "");
    }

    /** The rows after the header row. */
    List<List<Cell>> bodyRows() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int row = Math.max(headerRows, headerRow ? 1 : 0); row < rows(); row++) {
            List<Cell> cellsOfRow = new ArrayList<>();
            for (int column = 0; column < columns(); column++) {
                cellsOfRow.add(cell(row, column));
            }
            rows.add(cellsOfRow);
        }
        return rows;
    }

    /** Every body cell is empty: a grid to be filled in by hand, i.e. a form. */
    boolean emptyRows() {
        List<List<Cell>> body = bodyRows();
        return !body.isEmpty() && body.stream().allMatch(row -> row.stream().allMatch(Cell::blank));
    }

    /** Prints the table back, with our attribute line; {@code headerColumn} marks the first column {@code h}. */
    List<String> render(boolean headerColumn) {
        List<String> lines = new ArrayList<>();
        List<String> cols = new ArrayList<>(widths);
        // Asciidoctor gives a cell the style of the column at its place in the row as written, not on
        // the grid: under a merged cell the row's first cell would take the first column's "h". With
        // merges, the label cells carry their own h instead.
        boolean merged = cells.stream().anyMatch(cell -> cell.covered);
        if (headerColumn && !merged) {
            cols.set(0, cols.get(0) + "h");
        }
        // Asciidoctor has one header row; more than one are printed as header-style (h) cells, which
        // render/ResponsiveTables.java moves into the table's thead (docs/adr/0108).
        boolean headerCells = headerRows > 1;
        lines.add("[cols=\"" + String.join(",", cols) + "\"" + (headerRow && !headerCells ? ",options=\"header\"" : "") + "]");
        lines.add("|===");
        for (int row = 0; row < rows(); row++) {
            StringBuilder simple = new StringBuilder();
            for (int column = 0; column < columns(); column++) {
                Cell cell = cell(row, column);
                if (cell.covered) {
                    continue;
                }
                boolean header = headerCells && row < headerRows || headerColumn && merged && column == 0;
                String spec = spec(cell) + (cell.asciidoc ? "a" : header ? "h" : "");
                if (cell.asciidoc || cell.text.contains("\n")) {
                    if (!simple.isEmpty()) {
                        lines.add(simple.toString().stripTrailing());
                        simple.setLength(0);
                    }
                    lines.add(spec + "|" + (cell.asciidoc ? "" : cell.text.lines().findFirst().orElse("")));
                    List<String> rest = cell.text.lines().skip(cell.asciidoc ? 0 : 1).toList();
                    lines.addAll(rest);
                } else {
                    simple.append(spec).append('|').append(cell.text).append(' ');
                }
            }
            if (!simple.isEmpty()) {
                lines.add(simple.toString().stripTrailing());
            }
            if (row == 0 && headerRow && !headerCells) {
                lines.add("");
            }
        }
        lines.add("|===");
        return lines;
    }

    /** Asciidoctor's span part of a cell's specifier: {@code 2+}, {@code .3+} or {@code 2.3+}; empty if unmerged. */
    private static String spec(Cell cell) {
        if (cell.colSpan == 1 && cell.rowSpan == 1) {
            return "";
        }
        return (cell.colSpan > 1 ? String.valueOf(cell.colSpan) : "") + (cell.rowSpan > 1 ? "." + cell.rowSpan : "") + "+";
    }
}
