package org.polisi.site.history;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.theme.LocalDates;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a page's history into HTML: the "Updates to this policy" list on the current page, and the
 * earlier-version and comparison pages, each made from the current page so that it keeps the
 * theme's header, language toggle, breadcrumbs and footer. Every word comes from the site bundle.
 */
final class HistoryPages {
    /** A listed change, and whether its earlier version (and comparison) was written. */
    record Listed(PageHistory.Entry entry, boolean readable) {
    }

    static final String SECTION_ID = "updates";

    private final Document current;
    private final ResolvedPage page;
    private final Messages text;
    /** The current page without its main content and translation links: every earlier version's and comparison's frame, made once. */
    private Document frame;
    /** The current page's sections, as every comparison reads them, made once. */
    private Map<String, Comparison.Section> now;

    HistoryPages(Document current, ResolvedPage page, Messages text) {
        this.current = current;
        this.page = page;
        this.text = text;
    }

    static String versionFile(ResolvedPage page, PageHistory.Entry entry) {
        return page.key() + ".version-" + entry.shortId() + ".html";
    }

    static String changesFile(ResolvedPage page, PageHistory.Entry entry) {
        return page.key() + ".changes-" + entry.shortId() + ".html";
    }

    /** Puts the list (newest first) at the end of the page's main content, and a link to it in the policy details. */
    void list(List<Listed> listed) {
        Element main = current.selectFirst("main");
        // A page kept from the last build (preview) already has them.
        current.select("#" + SECTION_ID + ", li.policy-details__updates").remove();
        Element section = new Element("section").id(SECTION_ID).addClass("updates").attr("aria-labelledby", SECTION_ID + "-title");
        section.appendElement("h2").id(SECTION_ID + "-title").text(text.get("history.title"));
        Element list = section.appendElement("ol").addClass("updates__list").attr("reversed", "");
        for (Listed item : listed) {
            Element li = list.appendElement("li");
            PageHistory.Entry entry = item.entry();
            li.appendElement("time").attr("datetime", entry.timeShown() ? entry.date() + "T" + entry.time() : entry.date().toString())
                    .text(date(entry));
            li.appendText(": " + switch (entry.kind()) {
                case FIRST_PUBLISHED -> text.get("history.first.published");
                case NOTED -> entry.summary();
                case WITHOUT_NOTE -> text.get("history.without.note");
            });
            if (item.readable()) {
                Element links = li.appendElement("ul").addClass("updates__links");
                links.appendElement("li").appendElement("a").attr("href", versionFile(page, item.entry()))
                        .text(text.format("history.read.version", Map.of("date", date(item.entry()))));
                links.appendElement("li").appendElement("a").attr("href", changesFile(page, item.entry()))
                        .text(text.format("history.compare.link", Map.of("date", date(item.entry()))));
            }
        }
        Element before = main.selectFirst("nav.appendices, p.back-link");
        if (before != null) {
            before.before(section);
        } else {
            main.appendChild(section);
        }
        Element details = current.selectFirst("ul.policy-details__list");
        if (details != null) {
            details.appendElement("li").addClass("policy-details__updates")
                    .appendElement("a").attr("href", "#" + SECTION_ID).text(text.get("history.see.all"));
        }
    }

    /** The page as it was: its text (without forms) under a notice that it has been replaced. */
    void writeVersion(PageHistory.Entry entry, String title, Element earlier, Path target) throws IOException {
        Document document = shell(text.format("history.version.title", Map.of("title", title, "date", date(entry))));
        Element main = document.selectFirst("main");
        Element notice = main.appendElement("div").addClass("notice").attr("role", "note");
        notice.appendElement("p").text(text.format("history.version.notice", Map.of("date", date(entry))));
        Element links = notice.appendElement("p");
        links.appendElement("a").attr("href", page.key() + ".html").text(text.get("history.current.link"));
        links.appendText(" · ");
        links.appendElement("a").attr("href", changesFile(page, entry)).text(text.format("history.compare.link", Map.of("date", date(entry))));
        if (!current.select("main section.polisi-form").isEmpty()) {
            notice.appendElement("p").text(text.get("history.form.omitted"));
        }
        main.appendElement("div").addClass("body").appendChildren(earlier.clone().children());
        Files.writeString(target, document.outerHtml(), StandardCharsets.UTF_8);
    }

    /** The comparison of the earlier version with the current one, section by section. */
    void writeComparison(PageHistory.Entry entry, Element earlier, Path target) throws IOException {
        Document document = shell(text.format("history.compare.title", Map.of("title", page.title(), "date", date(entry))));
        Element main = document.selectFirst("main");
        main.appendElement("p").text(text.format("history.compare.intro", Map.of("date", date(entry))));
        if (now == null) {
            Element body = current.selectFirst("main div.body");
            Element copy = body == null ? new Element("div") : body.clone();
            copy.select("section.polisi-form").remove();
            now = Comparison.sections(copy);
        }
        Comparison.Words words = new Comparison.Words(text.get("history.added"), text.get("history.removed"),
                text.get("history.section.added"), text.get("history.section.removed"),
                text.get("history.section.changed"), text.get("history.opening"));
        List<Comparison.Outcome> outcomes = Comparison.compare(earlier, now, words);
        int n = 0;
        for (Comparison.Outcome outcome : outcomes) {
            if (outcome.kind() != Comparison.Kind.UNCHANGED) {
                n++;
                Element section = main.appendElement("section").addClass("comparison")
                        .addClass("comparison--" + outcome.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .attr("aria-labelledby", "change-" + n);
                section.appendElement("h2").id("change-" + n).text(outcome.title());
                section.append(outcome.html());
            }
        }
        if (n == 0) {
            main.appendElement("p").text(text.get("history.no.changes"));
        }
        List<Comparison.Outcome> unchanged = outcomes.stream().filter(o -> o.kind() == Comparison.Kind.UNCHANGED).toList();
        if (!unchanged.isEmpty()) {
            main.appendElement("h2").text(text.get("history.unchanged.title"));
            Element list = main.appendElement("ul");
            unchanged.forEach(o -> list.appendElement("li").text(o.title()));
        }
        Element links = main.appendElement("p").addClass("back-link");
        links.appendElement("a").attr("href", versionFile(page, entry)).text(text.format("history.read.version", Map.of("date", date(entry))));
        links.appendText(" · ");
        links.appendElement("a").attr("href", page.key() + ".html").text(text.get("history.current.link"));
        Files.writeString(target, document.outerHtml(), StandardCharsets.UTF_8);
    }

    /** A copy of the current page with an empty main, the given heading and title, and a breadcrumb back to the page. */
    private Document shell(String heading) {
        if (frame == null) {
            frame = current.clone();
            frame.select("head link[rel=alternate]").remove();
            frame.selectFirst("main").empty();
        }
        Document document = frame.clone();
        Element title = document.selectFirst("title");
        String school = title == null ? "" : title.text().replaceFirst("^.*? – ", "");
        if (title != null) {
            title.text(heading + " – " + school);
        }
        Element here = document.selectFirst("nav.breadcrumbs span[aria-current=page]");
        if (here != null) {
            Element crumb = here.parent();
            here.replaceWith(new Element("a").attr("href", page.key() + ".html").text(page.title()));
            crumb.after(new Element("li").appendChild(new Element("span").attr("aria-current", "page").text(heading)));
        }
        Element main = document.selectFirst("main");
        main.empty();
        main.appendElement("h1").text(heading);
        return document;
    }

    /** The entry's date, and its time (24-hour, Europe/London) when another listed change has the same date. */
    private String date(PageHistory.Entry entry) {
        String day = LocalDates.format(entry.date(), text);
        return entry.timeShown() ? text.format("history.date.time", Map.of("date", day, "time", entry.time().toString())) : day;
    }
}
