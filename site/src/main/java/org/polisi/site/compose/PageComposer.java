package org.polisi.site.compose;

import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.PolicyDates;
import org.polisi.site.content.Settings;
import org.polisi.site.content.SettingsDate;
import org.polisi.site.problem.Problems;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.theme.LocalDates;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Stage 4: composes each page of a site into the document the renderer bakes: the author's body,
 * preceded by header attributes that carry the school's values (for {@code {school-name}} and the
 * like) and the page's frame (language toggle, alternates, description, footer), and beside it the
 * chrome the theme draws around the body as records ({@link PageChrome}: breadcrumbs, notices,
 * policy details, contents, appendices), their text escaped and resolved here as Asciidoctor would
 * (docs/adr/0064). The theme stays free of logic and of words: it prints these and the message
 * bundles' text.
 */
public final class PageComposer {
    /**
     * Bundle keys {@code asciidoc.<attribute>} hold Asciidoctor's built-in words per language:
     * {@code note-caption}, {@code tip-caption}, {@code important-caption}, {@code warning-caption},
     * {@code caution-caption}, {@code table-caption}, {@code example-caption}, {@code figure-caption},
     * {@code appendix-caption}, {@code toc-title}, {@code last-update-label}, {@code untitled-label},
     * {@code version-label}, and our {@code footnote-tooltip}, which Asciidoctor does not let a
     * document set (the renderer puts it in place of "View footnote.").
     */
    public static final String ASCIIDOC_WORDS = "asciidoc.";
    public static final String FOOTNOTE_TOOLTIP = "footnote-tooltip";
    public static final List<String> ASCIIDOC_LABELS = List.of("note-caption", "tip-caption", "important-caption",
            "warning-caption", "caution-caption", "table-caption", "example-caption", "figure-caption", "appendix-caption",
            "toc-title", "last-update-label", "untitled-label", "version-label", FOOTNOTE_TOOLTIP);

    /** A contents list is worth its space from this many top-level sections on. */
    static final int CONTENTS_MIN_SECTIONS = 3;

    private final ResolvedSite site;
    private final Map<String, Messages> messages;
    private final List<TranslationState> translations;
    private final LocalDate today;
    private final Problems problems;

    public PageComposer(ResolvedSite site, Map<String, Messages> messages, List<TranslationState> translations, LocalDate today,
                        Problems problems) {
        this.site = site;
        this.messages = messages;
        this.translations = translations;
        this.today = today;
        this.problems = problems;
    }

    public List<StagedPage> compose() {
        List<StagedPage> staged = new ArrayList<>();
        for (String language : site.languages()) {
            for (ResolvedPage page : site.pages(language).values()) {
                staged.add(composePage(page));
            }
            staged.add(composeSchoolIndex(language));
        }
        return staged;
    }

    public String outputPath(String language, String key) {
        return site.id() + "/" + language + "/" + key;
    }

    /**
     * What a form on the page records as "the text the person saw": the page's text and the
     * school's settings, in name order, so that the same sources give the same hash in every build
     * (the settings map's own order is not stable from one JVM to the next).
     */
    static String pageHash(String bodyText, Map<String, LocalizedText> settings) {
        return SectionIndex.sha(pageSource(bodyText, settings));
    }

    /** The text {@link #pageHash} hashes; the archive of agreed texts keeps it so the hash can be checked later. */
    public static String pageSource(String bodyText, Map<String, LocalizedText> settings) {
        return bodyText + new TreeMap<>(settings);
    }

    private StagedPage composePage(ResolvedPage page) {
        String language = page.language();
        Messages text = messages.get(language);
        AttributeBlock attributes = common(language, page.key(), PageKind.of(page.kind()).orElse(PageKind.POLICY));
        String description = PageDescription.of(page.attribute("description"), page.body(), attributes::get);
        // A page without a paragraph (a form only) is described by its title and school.
        attributes.put("polisi-description", description.isEmpty()
                ? page.title() + " – " + site.source().settings().name().inOrEnglish(language) : description);
        attributes.put("polisi-page-kind", page.kind());
        String pageHash = pageHash(page.bodyText(), site.source().settings().attributes());
        attributes.put("polisi-page-hash", pageHash);
        boolean policy = PageKind.POLICY.is(page.kind());
        boolean appendix = PageKind.APPENDIX.is(page.kind());
        String label = appendix ? page.attribute("appendix-label") : "";
        PageChrome chrome = new PageChrome(crumbs(attributes, page), notices(attributes, page),
                label.isBlank() ? "" : attributes.html(text.format("page.appendix", Map.of("label", label))),
                policy ? Optional.of(policyDetails(attributes, page, text)) : Optional.empty(),
                contents(attributes, page), policy ? appendices(attributes, page) : List.of(),
                appendix ? parent(page).map(parent -> link(attributes,
                        text.format("page.back.to.policy", Map.of("policy", parent.title())), parent.key() + ".html"))
                        : Optional.empty());
        StringBuilder asciidoc = new StringBuilder();
        asciidoc.append("= ").append(page.title()).append('\n');
        asciidoc.append(attributes.render());
        List<SourceLine> origins = new ArrayList<>();
        int headerLines = asciidoc.toString().split("\n", -1).length - 1;
        for (int i = 0; i < headerLines; i++) {
            origins.add(null);
        }
        origins.set(0, new SourceLine("", page.file(), 1));
        asciidoc.append('\n');
        origins.add(null);
        for (SourceLine line : page.body()) {
            asciidoc.append(line.text()).append('\n');
            origins.add(line);
        }
        return new StagedPage(site.id(), language, page.key(), outputPath(language, page.key()), asciidoc.toString(), origins,
                pageHash, chrome);
    }

    private StagedPage composeSchoolIndex(String language) {
        Messages text = messages.get(language);
        String schoolName = site.source().settings().name().inOrEnglish(language);
        AttributeBlock attributes = common(language, "index", PageKind.SCHOOL_INDEX);
        attributes.put("polisi-description", text.format("school.index.intro", Map.of("school", schoolName)));
        PageChrome chrome = new PageChrome(List.of(link(attributes, text.get("site.index.title"), "../../index.html")),
                previewNotice(attributes, language).stream().toList(), "", Optional.empty(), List.of(), List.of(), Optional.empty());
        // Each generated line points back to what it shows (a page's title line, the settings'
        // name), so that a problem found in the index is reported there and stops only this school.
        List<SourceLine> lines = new ArrayList<>();
        SourceLine settings = new SourceLine("", site.source().settings().file(), 0);
        lines.add(new SourceLine(text.format("school.index.intro", Map.of("school", schoolName)), settings.file(), 0));
        lines.add(settings);
        lines.add(new SourceLine("== " + text.get("school.pages.title"), settings.file(), 0));
        lines.add(settings);
        for (ResolvedPage page : ordered(site.pages(language).values())) {
            if (PageKind.APPENDIX.is(page.kind())) {
                continue;
            }
            lines.add(new SourceLine("* xref:" + page.key() + ".adoc[" + escapeLinkText(page.title()) + "]", page.file(), 1));
            for (ResolvedPage appendix : appendicesOf(page)) {
                lines.add(new SourceLine("** xref:" + appendix.key() + ".adoc[" + escapeLinkText(appendixTitle(appendix, text)) + "]",
                        appendix.file(), 1));
            }
        }
        StringBuilder asciidoc = new StringBuilder("= " + schoolName + "\n" + attributes.render() + "\n");
        List<SourceLine> origins = new ArrayList<>();
        int headerLines = asciidoc.toString().split("\n", -1).length - 1;
        for (int i = 0; i < headerLines; i++) {
            origins.add(settings);
        }
        for (SourceLine line : lines) {
            asciidoc.append(line.text()).append('\n');
            origins.add(line);
        }
        return new StagedPage(site.id(), language, "index", outputPath(language, "index"), asciidoc.toString(), origins, "",
                chrome);
    }

    /** Attributes every page of a site carries: its place, its languages and the school's values. */
    private AttributeBlock common(String language, String key, PageKind kind) {
        Messages text = messages.get(language);
        Settings settings = site.source().settings();
        AttributeBlock attributes = new AttributeBlock();
        attributes.put("jbake-type", kind.jbakeType()).put("jbake-status", "published");
        attributes.put("lang", language);
        attributes.put("polisi-school", site.id());
        attributes.put("polisi-lang", language);
        attributes.put("polisi-key", key);
        attributes.put("polisi-page-url", "/" + outputPath(language, key) + ".html");
        attributes.put("polisi-root", "../../");
        attributes.put("polisi-school-name", settings.name().inOrEnglish(language));
        attributes.put("polisi-contact", settings.contactEmail());
        attributes.put("polisi-forms-endpoint", settings.formsEndpoint());
        attributes.put("polisi-pages", String.join(",", site.pages(language).keySet()));
        // The toggle and hreflang name only the languages this page exists in, strict build or not:
        // a link to a missing page is never published (the "not yet translated" notice says why).
        List<String> available = site.languages().stream()
                .filter(other -> key.equals("index") || site.page(other, key).isPresent()).toList();
        attributes.put("polisi-languages", String.join(",", available));
        // Search engines need absolute alternates and canonical addresses: under the school's base-url when
        // the settings give one (a template preview has none, and keeps relative alternates).
        String base = settings.baseUrl() == null ? "" : settings.baseUrl().strip();
        String prefix = base.isEmpty() ? "../" : base.endsWith("/") ? base : base + "/";
        attributes.put("polisi-canonical", base.isEmpty() ? "" : prefix + language + "/" + key + ".html");
        for (String other : available) {
            attributes.put("polisi-alt-" + other, prefix + other + "/" + key + ".html");
            attributes.put("polisi-toggle-" + other, "../" + other + "/" + key + ".html");   // the toggle stays on this server
            attributes.put("polisi-name-" + other, messages.get(other).get("language.name"));
        }
        // The site bundle only: the theme and the page's macros read these; the forms' and the
        // server's words are not the page's, and 200 more header attributes per page cost the
        // conversion about a millisecond each page.
        for (Map.Entry<String, String> message : text.family(Messages.SITE).entrySet()) {
            if (message.getKey().startsWith(ASCIIDOC_WORDS)) {
                // Asciidoctor's captions and labels ("Note", "Table 1.") in the page's language.
                String name = message.getKey().substring(ASCIIDOC_WORDS.length());
                attributes.put(name.equals(FOOTNOTE_TOOLTIP) ? "polisi-" + name : name, message.getValue());
                continue;
            }
            attributes.put("t-" + message.getKey().replace('.', '-'), message.getValue());
        }
        // The school's values before anything that may name them (a contact address that says
        // "{office}"): Asciidoctor resolves a header attribute only through those defined above it.
        for (Map.Entry<String, LocalizedText> value : settings.attributes().entrySet()) {
            attributes.put(value.getKey(), value.getValue().inOrEnglish(language));
        }
        String contact = settings.contactLine(language);
        attributes.put("polisi-footer-contact", contact.isBlank() ? text.get("footer.contact.office")
                : text.format("footer.contact", Map.of("email", contact)));
        attributes.put("imagesdir", "../assets");
        attributes.put("attribute-missing", "warn");
        attributes.put("idprefix", "");
        attributes.put("idseparator", "-");
        return attributes;
    }

    private static PageChrome.Link link(AttributeBlock attributes, String title, String href) {
        return new PageChrome.Link(attributes.html(title), attributes.html(href));
    }

    private List<PageChrome.Link> crumbs(AttributeBlock attributes, ResolvedPage page) {
        List<PageChrome.Link> crumbs = new ArrayList<>();
        crumbs.add(link(attributes, messages.get(page.language()).get("site.index.title"), "../../index.html"));
        crumbs.add(link(attributes, site.source().settings().name().inOrEnglish(page.language()), "index.html"));
        if (PageKind.APPENDIX.is(page.kind())) {
            parent(page).ifPresent(parent -> crumbs.add(link(attributes, parent.title(), parent.key() + ".html")));
        }
        return crumbs;
    }

    private List<PageChrome.Link> contents(AttributeBlock attributes, ResolvedPage page) {
        List<Section> top = SectionIndex.of(page.body()).sections().stream()
                .filter(s -> s.level() == 1 && s.id() != null).toList();
        if (top.size() < CONTENTS_MIN_SECTIONS) {
            return List.of();
        }
        return top.stream().map(section -> link(attributes, section.title(), "#" + section.id())).toList();
    }

    private PageChrome.PolicyDetails policyDetails(AttributeBlock attributes, ResolvedPage page, Messages text) {
        PolicyDates school = site.source().settings().policy();
        String version = value(page, "version", school.version());
        String updated = dateValue(page, "last-updated", school.lastUpdated());
        String approvedBy = value(page, "approved-by", school.approvedBy(page.language()));
        String approvedOn = dateValue(page, "approved-on", school.approvedOn());
        String reviewDue = dateValue(page, "review-due", school.reviewDue());
        List<String> lines = new ArrayList<>();
        lines.add(version.isBlank() ? "" : text.format("policy.version", Map.of("version", version)));
        lines.add(date(updated, text).map(d -> text.format("policy.last.updated", Map.of("date", d))).orElse(""));
        if (approvedBy.isBlank()) {
            lines.add(text.get(site.source().settings().words().key("policy.awaiting.approval", text.all())));
        } else {
            // A month alone ("September 2023") is "in" it, never "on" an invented day (issue 15).
            String approvedKey = approvedOn.length() == "yyyy-MM".length() ? "policy.approved.month" : "policy.approved";
            lines.add(date(approvedOn, text)
                    .map(d -> text.format(approvedKey, Map.of("approver", approvedBy, "date", d)))
                    .orElse(text.format("policy.approved.nodate", Map.of("approver", approvedBy))));
        }
        Optional<LocalDate> due = LocalDates.parse(reviewDue);
        String dueText = LocalDates.describe(reviewDue, text).orElse("");
        lines.add(due.map(d -> text.format("policy.review.due", Map.of("date", dueText))).orElse(""));
        String overdue = due.filter(d -> d.isBefore(today)).map(d -> text.format("policy.review.overdue", Map.of("date", dueText)))
                .orElse("");
        return new PageChrome.PolicyDetails(attributes.html(overdue),
                lines.stream().map(attributes::html).filter(line -> !line.isEmpty()).toList());
    }

    private List<PageChrome.Link> appendices(AttributeBlock attributes, ResolvedPage policy) {
        Messages text = messages.get(policy.language());
        return appendicesOf(policy).stream()
                .map(appendix -> link(attributes, appendixTitle(appendix, text), appendix.key() + ".html")).toList();
    }

    /** The notices above a page's title, in the order shown: preview, draft translation, missing translations. */
    private List<PageChrome.Notice> notices(AttributeBlock attributes, ResolvedPage page) {
        List<PageChrome.Notice> notices = new ArrayList<>();
        previewNotice(attributes, page.language()).ifPresent(notices::add);
        // A paragraph in another language than the page's names that language's values: the
        // English half of a Welsh page's draft notice gives the school's address in English.
        Map<String, AttributeBlock> blocks = new HashMap<>(Map.of(page.language(), attributes));
        Function<String, AttributeBlock> in = language -> blocks.computeIfAbsent(language,
                other -> common(other, page.key(), PageKind.of(page.kind()).orElse(PageKind.POLICY)));
        draftNotice(in, page).ifPresent(notices::add);
        untranslated(in, page).ifPresent(notices::add);
        return notices;
    }

    /** A cluster template's pages say they are a preview, not a school's policy. */
    private Optional<PageChrome.Notice> previewNotice(AttributeBlock attributes, String language) {
        if (site.source().kind() != org.polisi.site.content.SiteSource.Kind.CLUSTER) {
            return Optional.empty();
        }
        return Optional.of(new PageChrome.Notice(PageChrome.Kind.PREVIEW, List.of(
                new PageChrome.Paragraph("", "", attributes.html(messages.get(language).get("site.preview.notice"))))));
    }

    /** For each language the page is missing in: "not yet available in Welsh", in that language and the page's. */
    private Optional<PageChrome.Notice> untranslated(Function<String, AttributeBlock> in, ResolvedPage page) {
        List<PageChrome.Paragraph> notices = new ArrayList<>();
        for (String missing : site.languages()) {
            if (site.page(missing, page.key()).isPresent()) {
                continue;
            }
            for (String language : new LinkedHashSet<>(List.of(page.language(), missing))) {
                notices.add(new PageChrome.Paragraph(language, "",
                        in.apply(language).html(messages.get(language).get("translation.missing." + missing))));
            }
        }
        return notices.isEmpty() ? Optional.empty() : Optional.of(new PageChrome.Notice(PageChrome.Kind.UNTRANSLATED, notices));
    }

    private Optional<PageChrome.Notice> draftNotice(Function<String, AttributeBlock> in, ResolvedPage page) {
        boolean draft = translations.stream().anyMatch(t -> t.pageKey().equals(page.key())
                && t.language().equals(page.language()) && t.status() == TranslationState.Status.DRAFT);
        if (!draft) {
            return Optional.empty();
        }
        // The page's language, then English, in that order: Set.of's order changes from one JVM
        // to the next, and the page's chrome is part of the build cache's key (docs/adr/0055).
        List<PageChrome.Paragraph> paragraphs = new ArrayList<>();
        for (String language : new LinkedHashSet<>(List.of(page.language(), "en"))) {
            Messages text = messages.get(language);
            String contact = site.source().settings().contactLine(language);
            paragraphs.add(new PageChrome.Paragraph(language, in.apply(language).html(text.get("translation.draft.title")),
                    in.apply(language).html(contact.isBlank() ? text.get("translation.draft.body.office")
                            : text.format("translation.draft.body", Map.of("contact", contact)))));
        }
        return Optional.of(new PageChrome.Notice(PageChrome.Kind.DRAFT, paragraphs));
    }

    private Optional<ResolvedPage> parent(ResolvedPage appendix) {
        return site.page(appendix.language(), appendix.attribute("page-parent"));
    }

    private List<ResolvedPage> appendicesOf(ResolvedPage policy) {
        return ordered(site.pages(policy.language()).values()).stream()
                .filter(p -> PageKind.APPENDIX.is(p.kind()) && p.attribute("page-parent").equals(policy.key()))
                .toList();
    }

    private static String appendixTitle(ResolvedPage appendix, Messages text) {
        String label = appendix.attribute("appendix-label");
        return label.isBlank() ? appendix.title() : text.format("page.appendix.title", Map.of("label", label, "title", appendix.title()));
    }

    private static List<ResolvedPage> ordered(java.util.Collection<ResolvedPage> pages) {
        return pages.stream().sorted(Comparator.comparingInt(ResolvedPage::order).thenComparing(ResolvedPage::key)).toList();
    }

    private static String value(ResolvedPage page, String attribute, String fallback) {
        String own = page.attribute(attribute);
        return own.isBlank() ? fallback : own;
    }

    /** A date in the page's header, in any form settings accept; a date not understood is an error at the page. */
    private String dateValue(ResolvedPage page, String attribute, String fallback) {
        String own = page.attribute(attribute);
        if (own.isBlank()) {
            return fallback;
        }
        try {
            return SettingsDate.parse(own).orElse("");
        } catch (IllegalArgumentException e) {
            if (page.language().equals("en")) {
                problems.error("bad-date", page.file(), 0, ":" + attribute + ": " + e.getMessage());
            }
            return "";
        }
    }

    private static Optional<String> date(String value, Messages text) {
        return LocalDates.describe(value, text);
    }

    private static String escapeLinkText(String text) {
        return text.replace("]", "\\]");
    }
}
