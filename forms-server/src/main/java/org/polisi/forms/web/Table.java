package org.polisi.forms.web;

import java.util.List;

/**
 * A table of a staff page as {@code frames.ftl}'s {@code table} macro draws it: column headings
 * ({@code <th scope="col">}) and rows of cells. A cell holds text (typed text, when a person
 * typed it, each line in a {@code <bdi>}), then links, each followed by a space.
 */
record Table(List<String> headings, List<Row> rows) {

    /** A row; {@code className} may be empty. */
    record Row(String className, List<Cell> cells) {
        static Row of(Cell... cells) {
            return new Row("", List.of(cells));
        }
    }

    /**
     * A cell: {@code text} (typed or not), then {@code links}, then {@code details} as a summary
     * list (the answers that matched a search); {@code className} may be empty.
     */
    record Cell(String text, boolean typed, List<Link> links, String className, List<SummaryRow> details) {
        Cell(String text, boolean typed, List<Link> links, String className) {
            this(text, typed, links, className, List.of());
        }

        static Cell text(String text) {
            return new Cell(text, false, List.of(), "");
        }

        static Cell typed(String text) {
            return new Cell(text, true, List.of(), "");
        }

        static Cell link(String href, String text) {
            return new Cell("", false, List.of(new Link(href, text, "")), "");
        }
    }

    /** A link in a cell; {@code lang} is the language of what it opens (an {@code hreflang}), or empty. */
    record Link(String href, String text, String lang) {
    }
}
