package org.polisi.forms.web;

import java.util.Arrays;
import java.util.List;
import org.polisi.forms.i18n.Messages;

/**
 * A table of a staff page as {@code frames.ftl}'s {@code table} macro draws it: column headings
 * ({@code <th scope="col">}) and rows of cells; with three or more columns it is read row by row on
 * a phone (ADR 0044). A cell holds text (typed text, when a person
 * typed it, each line in a {@code <bdi>}), then links, each followed by a space.
 */
record Table(List<String> headings, List<Row> rows) {

    /** Column headings worded in the language: each key's message. */
    static List<String> headings(Messages messages, String language, String... headingKeys) {
        return Arrays.stream(headingKeys).map(key -> messages.get(language, key)).toList();
    }

    /** A row; {@code className} may be empty. */
    record Row(String className, List<Cell> cells) {
        static Row of(Cell... cells) {
            return new Row("", List.of(cells));
        }
    }

    /**
     * A cell: {@code text} (typed or not), then {@code links}, then {@code forms} (one-button POST
     * forms), then {@code details} as a summary list (the answers that matched a search);
     * {@code className} may be empty.
     */
    record Cell(String text, boolean typed, List<Link> links, String className, List<SummaryRow> details,
                List<Post> forms) {
        Cell(String text, boolean typed, List<Link> links, String className, List<SummaryRow> details) {
            this(text, typed, links, className, details, List.of());
        }

        Cell(String text, boolean typed, List<Link> links, String className) {
            this(text, typed, links, className, List.of(), List.of());
        }

        /** A cell holding one button that posts a form. */
        static Cell form(Post form) {
            return new Cell("", false, List.of(), "", List.of(), List.of(form));
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
