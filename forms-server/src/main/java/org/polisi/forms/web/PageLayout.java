package org.polisi.forms.web;

import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;

/**
 * The frame of every page the server writes itself (errors, confirmation, login, staff pages), in
 * the site's look: the theme's {@code /assets/polisi.css}, a skip link, the site header, a language
 * toggle and {@code <main id="main-content">}. No script, no inline style.
 */
final class PageLayout {

    private final Messages messages;

    PageLayout(Messages messages) {
        this.messages = messages;
    }

    /** A page under construction; add content to {@link Page#main()}. */
    static final class Page {
        private final Document document;
        private final Element main;

        private Page(Document document, Element main) {
            this.document = document;
            this.main = main;
        }

        Element main() {
            return main;
        }

        Document document() {
            return document;
        }

        String html() {
            return document.outerHtml();
        }
    }

    /**
     * @param siteName  shown in the header: the school's name, or the server's own name
     * @param homeHref  where the header's name links
     * @param toggleHref the same page in the other language, or null for no toggle
     */
    Page page(String language, String title, String siteName, String homeHref, String toggleHref) {
        Document document = Document.createShell("");
        // Not pretty-printed: that would collapse the spaces and tabs of typed answers (ADR 0022).
        document.outputSettings().charset(StandardCharsets.UTF_8).prettyPrint(false);
        document.prependChild(new DocumentType("html", "", ""));
        document.selectFirst("html").attr("lang", language);
        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "robots").attr("content", "noindex");
        head.appendElement("title").text(title + " – " + siteName);
        head.appendElement("link").attr("rel", "stylesheet").attr("href", "/assets/polisi.css");

        Element body = document.body();
        body.appendElement("a").addClass("skip-link").attr("href", "#main-content")
                .text(messages.get(language, "page.skip-link"));
        Element header = body.appendElement("header").addClass("site-header");
        header.appendElement("a").addClass("site-header__name").attr("href", homeHref).text(siteName);
        if (toggleHref != null) {
            languageToggle(header, language, toggleHref);
        }
        Element main = body.appendElement("main").attr("id", "main-content").addClass("main");
        return new Page(document, main);
    }

    private void languageToggle(Element header, String language, String toggleHref) {
        Element nav = header.appendElement("nav").addClass("language-toggle")
                .attr("aria-label", messages.get(language, "page.language-toggle"));
        Element list = nav.appendElement("ul");
        for (String each : new String[] {Messages.WELSH, Messages.ENGLISH}) {
            Element item = list.appendElement("li");
            String name = messages.get(each, "language.name");
            if (each.equals(language)) {
                item.appendElement("span").attr("aria-current", "true").attr("lang", each).text(name);
            } else {
                item.appendElement("a").attr("href", toggleHref).attr("hreflang", each).attr("lang", each).text(name);
            }
        }
    }
}
