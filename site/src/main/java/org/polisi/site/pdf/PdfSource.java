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
 * saying so, with the page's address and the form's version, after its declaration and consent
 * statements, which stay as text; tester 3's fault 16, tester 5's fault 9), "Updates to this policy"
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
                // What a person agrees to is part of the text on paper too (tester 5, fault 9): the
                // declaration and each consent statement, as the page words them; the form's version
                // names the text the staff pages and the archive of agreed texts record.
                for (Element agreed : form.select("div.declaration, div.consent, div.form-group:has(div.checkboxes)")) {
                    Element text = agreedText(agreed);
                    if (text != null) {
                        form.before(text);
                    }
                }
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
                Element version = form.selectFirst("input[name=form-version]");
                if (version != null && !version.val().isBlank() && words.containsKey("pdf.form-version")) {
                    online.appendText(" " + words.get("pdf.form-version").replace("{version}", version.val()));
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

    /**
     * The text of a form's declaration ({@code div.declaration}: its paragraphs as they are), of its
     * consent statements ({@code div.consent}: its heading and each statement's legend, as a list), or
     * of a promise (a question of one tick box: its legend and the box's words); without the inputs,
     * which mean nothing on paper. {@code null} for a question of several tick boxes (a choice, not
     * something agreed to).
     */
    private static Element agreedText(Element agreed) {
        if (agreed.hasClass("form-group")) {
            if (agreed.select("input[type=checkbox]").size() != 1 || agreed.parents().hasClass("consent")) {
                return null;
            }
            Element promise = new Element("div").addClass("promise");
            Element legend = agreed.selectFirst("legend");
            if (legend != null) {
                promise.appendElement("p").appendElement("strong").text(legend.text());
            }
            Element label = agreed.selectFirst("div.checkboxes label");
            if (label != null) {
                promise.appendElement("p").text(label.text());
            }
            return promise;
        }
        if (agreed.hasClass("declaration")) {
            Element copy = agreed.clone();
            copy.select("input, button, select, textarea, label").remove();
            return copy;
        }
        Element consent = new Element("div").addClass("consent");
        Element heading = agreed.selectFirst("h3, h4");
        if (heading != null) {
            consent.appendElement(heading.normalName()).text(heading.text());
        }
        Element list = consent.appendElement("ul");
        agreed.select("fieldset > legend").forEach(legend -> list.appendElement("li").text(legend.text()));
        return consent;
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
