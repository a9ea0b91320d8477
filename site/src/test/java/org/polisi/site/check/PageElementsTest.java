package org.polisi.site.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The HTML checks read each page in one walk ({@link PageElements}, docs/adr/0095) instead of one
 * query per kind of element. Each list must be exactly what its query selected, in the same order,
 * on pages that probe the queries' edges: nested and repeated {@code main}, headings and paragraphs
 * outside it, a {@code p} that jsoup's tree builder closes or opens itself, links and alternates in
 * odd case and spacing, ids on the root and in the head, buttons and inputs of every type, forms
 * (whose text the text check leaves out) nested in others, a second {@code html} or {@code title}.
 */
class PageElementsTest {
    private static final List<String> PAGES = List.of(
            """
            <!DOCTYPE html><html lang="cy" id="top"><head><title>Cynnwys – Ysgol</title><title>Second</title>
            <link rel="alternate" hreflang="en" href="../en/a.html"><link rel=" Alternate " href="x.html"><link rel="stylesheet" href="s.css">
            <link rel="alternate"></head>
            <body id="b" title="{body-title}"><a class="skip" href="#main">Skip</a><h2>Before main</h2><p>Outside {x} main::y[]</p>
            <main id="main"><h1 id="h">Title <em>{school}</em></h1><p>One <b>two</b> three https://x.example/1 4.</p>
            <p></p><p>   </p><div><p>Nested <a href="b.html#s" title="T {t}">link</a></p></div>
            <h3>Skipped</h3><h1>Second h1</h1><main><h2>Inner main</h2><p>Inner paragraph</p></main>
            <p>Open paragraph <div>block closes it</div> after
            <div class="polisi-form"><p>{form-word}</p><p>widget::x[]</p><input type="SUBMIT" value="Send"><button>Anfon</button>
            <div class="form-missing"><p>{missing}</p></div><p>still form {f}</p></div>
            <p>after form {after} and widget::z[]</p><img src="{img}" alt="Alt {a}"><input type="button" value="B">
            <input type="reset"><input type="text" placeholder="Type {p}"><span aria-label="Label">x</span>
            <a href="">empty</a><a name="n">no href</a><a id="h" href="c.html">dup id</a></main>
            <footer><p>Footer {foot} https://y.example</p><a href="mailto:x@example.org">mail</a></footer></body></html>
            """,
            "<p>No html element at all {a} x::y[]</p><main><p>in main</p><h1>t</h1></main>",
            "<html><body><main><p>a</p></main><html lang=\"en\"><p>b</p></html><table><tr><td><p id=\"p\">cell {c}</p></td></tr></table></body></html>",
            "<html lang=\"en\"><body class=\"polisi-form\"><p>{all form}</p></body></html>");

    private static boolean keep(Node node) {
        if (node instanceof Element element) {
            return element.attr("title").contains("{") || element.attr("src").contains("{") || element.attr("alt").contains("{");
        }
        String raw = ((TextNode) node).getWholeText();
        return raw.indexOf('{') >= 0 || raw.contains("::");
    }

    /** The body's nodes as HtmlChecks.checkText walked them before, forms left out, {@link #keep} applied. */
    private static List<Node> walkedBody(Document page) {
        List<Node> nodes = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int inForm;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && (element.hasClass("polisi-form") || element.hasClass("form-missing"))) {
                    inForm++;
                }
                if (inForm == 0 && (node instanceof Element || node instanceof TextNode) && keep(node)) {
                    nodes.add(node);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && (element.hasClass("polisi-form") || element.hasClass("form-missing"))) {
                    inForm--;
                }
            }
        }, page.body());
        return nodes;
    }

    @Test
    void eachListIsWhatItsQuerySelected() {
        for (String html : PAGES) {
            Document page = Jsoup.parse(html, "/school/cy/page.html");
            PageElements found = PageElements.of(page, PageElementsTest::keep);
            assertEquals(page.selectFirst("html").attr("lang"), found.lang, html);
            assertEquals(page.select("[id]"), found.withId, html);
            assertSame(page.selectFirst("main h1"), found.mainHeading, html);
            assertEquals(page.select("h1, h2, h3, h4, h5, h6"), found.headings, html);
            assertSame(page.selectFirst("title"), found.title, html);
            assertEquals(page.select(SpokenText.SPOKEN_QUERY), found.spoken, html);
            assertEquals(page.select("a[href], link[rel=alternate][href]").eachAttr("href"), found.links, html);
            assertEquals(page.select("main p"), found.mainParagraphs, html);
            assertEquals(page.select("main p").eachText(), found.paragraphs(), html);
            assertEquals(walkedBody(page), found.bodyText, html);
        }
    }

    @Test
    void theFirstPageFindsWhatItHolds() {
        Document page = Jsoup.parse(PAGES.get(0), "/school/cy/page.html");
        PageElements found = PageElements.of(page, PageElementsTest::keep);
        assertEquals("cy", found.lang);
        assertEquals("Title {school}", found.mainHeading.text());
        assertEquals(List.of("../en/a.html", "x.html", "#main", "b.html#s", "", "c.html", "mailto:x@example.org"), found.links);
        assertEquals(List.of("One two three https://x.example/1 4.", "Nested link", "Inner paragraph", "Open paragraph",
                "{form-word}", "widget::x[]", "{missing}", "still form {f}", "after form {after} and widget::z[]"), found.paragraphs(),
                "a form's paragraphs are the page's paragraphs too (the translation check compares them)");
        List<String> bodyText = found.bodyText.stream().map(node -> node instanceof Element element ? "<" + element.normalName() + ">"
                : ((TextNode) node).text().strip()).toList();
        assertEquals(List.of("<body>", "Outside {x} main::y[]", "{school}", "<a>", "after form {after} and widget::z[]", "<img>",
                "Footer {foot} https://y.example"), bodyText);
    }
}
