package org.polisi.site.check;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements and text of one generated page that the HTML checks read, found in ONE walk over
 * the parsed page (docs/adr/0095): the checks used to select each kind with its own query, each a
 * walk over every element of the page. Each list holds exactly what its query selects, in document
 * order: the selectors without a descendant combinator are jsoup's own {@link Evaluator}s, matched
 * per element as {@code Element.select} matches them; {@code main h1} and {@code main p} are the
 * elements of that name with a {@code main} element among their ancestors.
 *
 * <p>In: a parsed page. Out: the lists below; the page is not changed.
 */
final class PageElements {
    private static final Evaluator HTML = QueryParser.parse("html");
    private static final Evaluator WITH_ID = QueryParser.parse("[id]");
    private static final Evaluator HEADING = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator TITLE = QueryParser.parse("title");
    private static final Evaluator LINK = QueryParser.parse("a[href], link[rel=alternate][href]");

    /** The first {@code html} element's {@code lang} ({@code selectFirst("html")}). */
    String lang = "";
    /** {@code [id]}. */
    final List<Element> withId = new ArrayList<>();
    /** The first {@code main h1}, or null. */
    Element mainHeading;
    /** {@code h1, h2, h3, h4, h5, h6}. */
    final List<Element> headings = new ArrayList<>();
    /** The first {@code title}, or null. */
    Element title;
    /** {@link SpokenText#SPOKEN}. */
    final List<Element> spoken = new ArrayList<>();
    /** The {@code href} of each {@code a[href], link[rel=alternate][href]}. */
    final List<String> links = new ArrayList<>();
    /** {@code main p}. */
    final List<Element> mainParagraphs = new ArrayList<>();
    /**
     * In the body (itself included), in document order: each element outside a form
     * ({@code polisi-form}, {@code form-missing}, themselves included) and each text node outside
     * one, as {@code HtmlChecks.checkText} visits them; only those {@code keep} accepts.
     */
    final List<Node> bodyText = new ArrayList<>();

    /** Which nodes of the body {@link #bodyText} keeps (an element outside a form, or a text node outside one). */
    interface BodyFilter {
        boolean keep(Node node);
    }

    private PageElements() {
    }

    /** Every list of {@code page} in one walk; {@code keep} chooses the body's nodes that {@link #bodyText} holds. */
    static PageElements of(Document page, BodyFilter keep) {
        PageElements found = new PageElements();
        Element body = page.body();
        NodeTraversor.traverse(new NodeVisitor() {
            private boolean html;
            private int inMain;
            private int inBody;
            private int inForm;

            @Override
            public void head(Node node, int depth) {
                if (node == body) {
                    inBody++;
                }
                if (node instanceof Element element) {
                    if (!html && HTML.matches(page, element)) {
                        html = true;
                        found.lang = element.attr("lang");
                    }
                    if (WITH_ID.matches(page, element)) {
                        found.withId.add(element);
                    }
                    if (HEADING.matches(page, element)) {
                        found.headings.add(element);
                        if (inMain > 0 && found.mainHeading == null && element.normalName().equals("h1")) {
                            found.mainHeading = element;
                        }
                    }
                    if (found.title == null && TITLE.matches(page, element)) {
                        found.title = element;
                    }
                    if (SpokenText.SPOKEN.matches(page, element)) {
                        found.spoken.add(element);
                    }
                    if (LINK.matches(page, element)) {
                        found.links.add(element.attr("href"));
                    }
                    if (inMain > 0 && element.normalName().equals("p")) {
                        found.mainParagraphs.add(element);
                    }
                    if (element.normalName().equals("main")) {
                        inMain++;
                    }
                    if (inBody > 0 && (element.hasClass("polisi-form") || element.hasClass("form-missing"))) {
                        inForm++;
                    }
                }
                if (inBody > 0 && inForm == 0 && (node instanceof Element || node instanceof TextNode) && keep.keep(node)) {
                    found.bodyText.add(node);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (element.normalName().equals("main")) {
                        inMain--;
                    }
                    if (inBody > 0 && (element.hasClass("polisi-form") || element.hasClass("form-missing"))) {
                        inForm--;
                    }
                }
                if (node == body) {
                    inBody--;
                }
            }
        }, page);
        return found;
    }

    /** {@code Elements.eachText()} of {@link #mainParagraphs}: the text of each that has any. */
    List<String> paragraphs() {
        List<String> texts = new ArrayList<>(mainParagraphs.size());
        for (Element paragraph : mainParagraphs) {
            if (paragraph.hasText()) {
                texts.add(paragraph.text());
            }
        }
        return texts;
    }
}
