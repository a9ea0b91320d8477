package org.polisi.site.pdf;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.util.List;

/**
 * The document a policy's PDF is made from: the built page's own {@code <main>}, so the PDF says
 * exactly what the page says, with what only works in a browser taken out, under the school's
 * name from the page's header (on paper nothing else says whose policy it is). Kept: the language
 * ({@code <html lang>}, and every {@code lang} inside), the title, headings, lists, tables with
 * their header cells, images with their alternative text. Taken out: the contents list (the PDF's
 * bookmarks do that job), forms (they can only be sent from the page: each becomes one sentence
 * saying so, with the page's address; tester 3's fault 16), "Updates to this policy"
 * (its links lead to web pages; the PDFs are made before the history stage adds it, and a
 * preview's reused page may already carry it), the breadcrumbs, the
 * back link, the PDF link itself, text hidden but for screen readers (the PDF's tags and bookmarks
 * give its structure), and links to other pages of the site (their text stays; a
 * relative address means nothing on paper). Links to the web and e-mail addresses stay.
 */
final class PdfSource {
    /** Everything the PDF shows uses the embedded fonts: nothing falls back to a font it cannot embed. */
    static final String CSS = """
            @page { size: A4; margin: 20mm 18mm; }
            body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.4; color: #0b0c0c; }
            .school { font-size: 12pt; font-weight: bold; margin: 0 0 4pt; }
            h1 { font-size: 20pt; margin: 0 0 8pt; }
            h2 { font-size: 14pt; margin: 14pt 0 6pt; page-break-after: avoid; }
            h3, h4, h5, h6 { font-size: 11.5pt; margin: 10pt 0 4pt; page-break-after: avoid; }
            code, pre, kbd { font-family: 'DejaVu Sans Mono'; font-size: 9.5pt; }
            pre { white-space: pre-wrap; }
            table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
            th, td { border: 0.5pt solid #505a5f; padding: 3pt 4pt; text-align: left; vertical-align: top; }
            th { font-weight: bold; }
            a { color: #1d70b8; }
            .notice { border-left: 3pt solid #505a5f; padding-left: 6pt; }
            img { max-width: 100%; }
            """;

    private static final List<String> REMOVED = List.of("nav.contents", "nav.breadcrumbs", "form", "script", "noscript",
            "template", ".visually-hidden", "p.back-link", "." + PolicyPdfs.LINK_CLASS, "li.policy-details__updates", "#updates", "input", "button", "select",
            "textarea");

    private PdfSource() {
    }

    /**
     * @param page the built HTML page (a policy or an appendix)
     * @return an XHTML document (jsoup, XML syntax) to render, or {@code null} when the page has no {@code <main>}
     */
    static Document of(Document page) {
        return of(page, null);
    }

    /**
     * As {@link #of(Document)}, each form replaced by one paragraph saying it is filled in online
     * at the page's address (its canonical link), so a reader of the printed PDF knows where.
     *
     * @param words the page language's {@code pdf.form-online} and {@code pdf.form-online.no-address}
     *              sentences, by key; {@code null} leaves no sentence (the warm-up page)
     */
    static Document of(Document page, java.util.Map<String, String> words) {
        Element main = page.selectFirst("main");
        if (main == null) {
            return null;
        }
        Document pdf = Document.createShell("");
        pdf.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml).prettyPrint(false);
        Element html = pdf.selectFirst("html");
        html.attr("lang", page.selectFirst("html").attr("lang"));
        html.attr("xmlns", "http://www.w3.org/1999/xhtml");
        Element head = pdf.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("title").text(page.title());
        head.appendElement("style").appendText(CSS);
        Element body = main.clone();
        if (words != null) {
            Element canonical = page.selectFirst("link[rel=canonical]");
            String address = canonical == null ? "" : canonical.attr("href");
            for (Element form : body.select("form")) {
                Element online = new Element("p").addClass("notice");
                if (address.startsWith("https://") || address.startsWith("http://")) {
                    String sentence = words.get("pdf.form-online");
                    int at = sentence.indexOf("{address}");
                    online.appendText(sentence.substring(0, at));
                    online.appendElement("a").attr("href", address).text(address);
                    online.appendText(sentence.substring(at + "{address}".length()));
                } else {
                    online.text(words.get("pdf.form-online.no-address"));
                }
                form.replaceWith(online);
            }
        }
        body.select(String.join(", ", REMOVED)).remove();
        body.select("a").forEach(link -> {
            String href = link.attr("href");
            if (!(href.startsWith("https://") || href.startsWith("http://") || href.startsWith("mailto:"))) {
                link.unwrap();
            } else if (link.attr("title").isBlank()) {
                // PDF/UA-1 7.18.5: a link annotation says what it is in its Contents, which openhtmltopdf takes from the title
                link.attr("title", link.text().isBlank() ? href : link.text());
            }
        });
        // A header-only table (a blank log to fill in on paper) would be a Table with a THead and no
        // TBody, which PDF/UA-1 (7.2) does not allow: its header row becomes the body's first row.
        body.select("table").forEach(table -> {
            Element header = table.selectFirst("> thead");
            if (header != null && table.selectFirst("> tbody") == null) {
                header.tagName("tbody");
            }
        });
        body.select("[id]").forEach(e -> {
            if (e.id().isBlank()) {
                e.removeAttr("id");
            }
        });
        bookmarks(body, head);
        Element school = page.selectFirst("header .site-header__name");
        if (school != null) {   // on paper, nothing else says whose policy it is
            pdf.body().appendElement("p").addClass("school").text(school.text());
        }
        pdf.body().appendChildren(body.childNodesCopy());
        return pdf;
    }

    /** A bookmark for each section heading (h2, and h3 under it) that has an id. */
    private static void bookmarks(Element body, Element head) {
        Element bookmarks = head.appendElement("bookmarks");
        Element current = null;
        int unnamed = 0;
        for (Element heading : body.select("h2, h3")) {
            if (heading.id().isEmpty()) {
                heading.id("pdf-section-" + ++unnamed);
            }
            String id = heading.id();
            Element mark = new Element("bookmark").attr("name", heading.text()).attr("href", "#" + id);
            if (heading.normalName().equals("h3") && current != null) {
                current.appendChild(mark);
            } else {
                bookmarks.appendChild(mark);
                if (heading.normalName().equals("h2")) {
                    current = mark;
                }
            }
        }
    }
}
