package org.polisi.forms.web;

import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;

/**
 * Small helpers over Jsoup's builder: text set through Jsoup is always escaped. Text a person
 * typed goes in through {@link #typed} or {@link #summaryRow}, each line in its own {@code <bdi>}
 * (HTML's bidirectional isolate), so that a right-to-left mark or an override such as U+202E in an
 * answer cannot reorder the page around it (ADR 0022).
 */
final class Html {

    private Html() {
    }

    /** A table with one row of column headings, worded in the language; returns its body, for the rows. */
    static Element table(Element parent, Messages messages, String language, String... headingKeys) {
        Element table = add(parent, "table", "table");
        Element head = add(add(table, "thead"), "tr");
        for (String key : headingKeys) {
            text(head, "th", messages.get(language, key)).attr("scope", "col");
        }
        return add(table, "tbody");
    }

    /** Column headings worded in the language, for a {@link Table}. */
    static java.util.List<String> headings(Messages messages, String language, String... headingKeys) {
        return java.util.Arrays.stream(headingKeys).map(key -> messages.get(language, key)).toList();
    }

    static Element add(Element parent, String tag) {
        return parent.appendElement(tag);
    }

    static Element add(Element parent, String tag, String className) {
        Element element = parent.appendElement(tag);
        if (className != null && !className.isEmpty()) {
            element.addClass(className);
        }
        return element;
    }

    static Element text(Element parent, String tag, String text) {
        return parent.appendElement(tag).text(text);
    }

    /** An element holding typed text, isolated: {@code <tag><bdi>text</bdi></tag>}, lines kept as {@code <br>}. */
    static Element typed(Element parent, String tag, String text) {
        Element element = parent.appendElement(tag);
        isolatedLines(element, text);
        return element;
    }

    /** Each line of the text in its own {@code <bdi>}, separated by {@code <br>}. */
    static void isolatedLines(Element parent, String text) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                parent.appendElement("br");
            }
            parent.appendElement("bdi").text(lines[i]);
        }
    }

    static Element link(Element parent, String href, String text) {
        return parent.appendElement("a").attr("href", href).text(text);
    }

    /** Paragraphs from text with blank lines between them (a manifest's confirmation text). */
    static void paragraphs(Element parent, String text) {
        PageLayout.paragraphs(text).forEach(paragraph -> parent.appendElement("p").text(paragraph));
    }

    static Element hidden(Element form, String name, String value) {
        return form.appendElement("input").attr("type", "hidden").attr("name", name).attr("value", value);
    }

    /**
     * One row of a GOV.UK summary list: a term and its value (an answer, so typed text), each line
     * of the value isolated in a {@code <bdi>} and line breaks kept as {@code <br>}.
     */
    static void summaryRow(Element list, String term, String description) {
        Element row = add(list, "div", "summary-list__row");
        text(row, "dt", term).addClass("summary-list__key");
        isolatedLines(add(row, "dd", "summary-list__value"), description);
    }

    /** A summary-list row from its view (see {@link SummaryRow}), for a page still assembled with Jsoup. */
    static void summaryRow(Element list, SummaryRow view) {
        if (view.link() == null) {
            summaryRow(list, view.term(), view.value());
            return;
        }
        Element row = add(list, "div", "summary-list__row");
        text(row, "dt", view.term()).addClass("summary-list__key");
        Element value = add(row, "dd", "summary-list__value");
        Element link = link(value, view.link().href(), view.link().text());
        if (!view.link().lang().isEmpty()) {
            link.attr("hreflang", view.link().lang()).attr("lang", view.link().lang());
        }
        if (view.after() != null) {
            value.appendText(view.after());
        }
    }
}
