package org.polisi.forms.web;

/**
 * One row of a GOV.UK summary list as {@code frames.ftl}'s {@code summaryRow} draws it: a term
 * and either a value (typed text: each line isolated in a {@code <bdi>}) or a link followed by
 * plain text.
 */
record SummaryRow(String term, String value, Link link, String after) {

    /** A link in a row; {@code lang} is the language of the page it opens, or empty when it is the page's own. */
    record Link(String href, String text, String lang) {
    }

    /** A term and a value (an answer as typed, or a date, a title). */
    static SummaryRow of(String term, String value) {
        return new SummaryRow(term, value == null ? "" : value, null, null);
    }

    /** A term and a link, then plain text. */
    static SummaryRow linked(String term, Link link, String after) {
        return new SummaryRow(term, "", link, after);
    }
}
