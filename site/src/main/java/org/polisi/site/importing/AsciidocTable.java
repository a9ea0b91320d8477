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
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[*\\-.]+|[•·▪\uF0B7]|\\d+\\.)\\s+\\S.*");

    /** One cell: whether it is an AsciiDoc ({@code a|}) cell, and its text with its line breaks. */
    static final class Cell {
        boolean asciidoc;
        String text;

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
        return new AsciidocTable(widths, attributeLine.contains("header"), cells);
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
        for (int row = headerRow ? 1 : 0; row < rows(); row++) {
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
        if (headerColumn) {
            cols.set(0, cols.get(0) + "h");
        }
        lines.add("[cols=\"" + String.join(",", cols) + "\"" + (headerRow ? ",options=\"header\"" : "") + "]");
        lines.add("|===");
        for (int row = 0; row < rows(); row++) {
            StringBuilder simple = new StringBuilder();
            for (int column = 0; column < columns(); column++) {
                Cell cell = cell(row, column);
                if (cell.asciidoc || cell.text.contains("\n")) {
                    if (!simple.isEmpty()) {
                        lines.add(simple.toString().stripTrailing());
                        simple.setLength(0);
                    }
                    lines.add((cell.asciidoc ? "a|" : "|") + (cell.asciidoc ? "" : cell.text.lines().findFirst().orElse("")));
                    List<String> rest = cell.text.lines().skip(cell.asciidoc ? 0 : 1).toList();
                    lines.addAll(rest);
                } else {
                    simple.append('|').append(cell.text).append(' ');
                }
            }
            if (!simple.isEmpty()) {
                lines.add(simple.toString().stripTrailing());
            }
            if (row == 0 && headerRow) {
                lines.add("");
            }
        }
        lines.add("|===");
        return lines;
    }
}
