package org.polisi.site.compose;

import org.polisi.site.content.PolicyDates;
import org.polisi.site.content.SettingsDate;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.problem.Problems;
import org.polisi.site.theme.LocalDates;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationPairer;
import org.polisi.site.translation.TranslationState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Composes what the theme draws around a school page's body ({@link PageChrome}): breadcrumbs,
 * notices (template preview, draft translation, missing translation), the appendix's caption, the
 * policy's details and overdue warning, contents, appendices and the way back. The decisions are
 * made here in Java; each text is escaped and its attribute references resolved against the
 * page's header attributes in the text's language ({@link AttributeBlock#html}, docs/adr/0064).
 */
final class ChromeComposer {
    /** A contents list is worth its space from this many top-level sections on. */
    static final int CONTENTS_MIN_SECTIONS = 3;

    private final ResolvedSite site;
    private final Map<String, Messages> messages;
    private final List<TranslationState> translations;
    private final LocalDate today;
    private final Problems problems;

    /**
     * @param translations the site's translation states (which pages are drafts)
     * @param today        the day the build runs as ("overdue")
     * @param problems     receives a page's date that cannot be read
     */
    ChromeComposer(ResolvedSite site, Map<String, Messages> messages, List<TranslationState> translations, LocalDate today,
                   Problems problems) {
        this.site = site;
        this.messages = messages;
        this.translations = translations;
        this.today = today;
        this.problems = problems;
    }

    /**
     * The chrome around {@code page}'s body.
     *
     * @param in the header attributes of the page in a language (the page's own, or another a
     *           notice speaks in), against which each text is escaped and resolved
     */
    PageChrome of(ResolvedPage page, Function<String, AttributeBlock> in) {
        AttributeBlock attributes = in.apply(page.language());
        Messages text = messages.get(page.language());
        boolean policy = PageKind.POLICY.is(page.kind());
        boolean appendix = PageKind.APPENDIX.is(page.kind());
        String label = appendix ? page.attribute("appendix-label") : "";
        return new PageChrome(crumbs(attributes, page), notices(in, page),
                label.isBlank() ? "" : attributes.html(text.format("page.appendix", Map.of("label", label))),
                policy ? Optional.of(policyDetails(attributes, page, text)) : Optional.empty(),
                contents(attributes, page), policy ? appendices(attributes, page) : List.of(),
                appendix ? parent(page).map(parent -> link(attributes,
                        text.format("page.back.to.policy", Map.of("policy", parent.title())), parent.key() + ".html"))
                        : Optional.empty());
    }

    /** The chrome of a school's index: the way to the list of schools, and the preview notice of a template. */
    PageChrome ofSchoolIndex(String language, AttributeBlock attributes) {
        return new PageChrome(List.of(link(attributes, messages.get(language).get("site.index.title"), "../../index.html")),
                previewNotice(attributes, language).stream().toList(), "", Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    static PageChrome.Link link(AttributeBlock attributes, String title, String href) {
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

    /** The notices above a page's title, in the order shown: preview, English changed since, draft translation, missing translations. */
    private List<PageChrome.Notice> notices(Function<String, AttributeBlock> in, ResolvedPage page) {
        List<PageChrome.Notice> notices = new ArrayList<>();
        previewNotice(in.apply(page.language()), page.language()).ifPresent(notices::add);
        staleNotice(in, page).ifPresent(notices::add);
        draftNotice(in, page).ifPresent(notices::add);
        untranslated(in, page).ifPresent(notices::add);
        return notices;
    }

    /** A cluster template's pages say they are a preview, not a school's policy. */
    Optional<PageChrome.Notice> previewNotice(AttributeBlock attributes, String language) {
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

    /**
     * A translation whose English source changed in substance since it was translated says so, in
     * its language and in English: when the English was updated (if the content's history knows),
     * that this version may not include those changes, and a link to the English page.
     */
    private Optional<PageChrome.Notice> staleNotice(Function<String, AttributeBlock> in, ResolvedPage page) {
        Optional<TranslationState> stale = translations.stream().filter(t -> t.pageKey().equals(page.key())
                && t.language().equals(page.language()) && t.stale()).findFirst();
        if (stale.isEmpty() || site.page(TranslationPairer.SOURCE_LANGUAGE, page.key()).isEmpty()) {
            return Optional.empty();
        }
        String href = "../" + TranslationPairer.SOURCE_LANGUAGE + "/" + page.key() + ".html";
        List<PageChrome.Paragraph> paragraphs = new ArrayList<>();
        for (String language : new LinkedHashSet<>(List.of(page.language(), TranslationPairer.SOURCE_LANGUAGE))) {
            Messages text = messages.get(language);
            AttributeBlock attributes = in.apply(language);
            String body = stale.get().englishUpdated()
                    .map(day -> text.format("translation.stale.body", Map.of("date", LocalDates.format(day, language))))
                    .orElse(text.get("translation.stale.body.undated"));
            paragraphs.add(new PageChrome.Paragraph(language, attributes.html(text.get("translation.stale.title")),
                    attributes.html(body) + " <a href=\"" + attributes.html(href) + "\" hreflang=\"" + TranslationPairer.SOURCE_LANGUAGE
                            + "\">" + attributes.html(text.get("translation.stale.link")) + "</a>"));
        }
        return Optional.of(new PageChrome.Notice(PageChrome.Kind.STALE, paragraphs));
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

    Optional<ResolvedPage> parent(ResolvedPage appendix) {
        return site.page(appendix.language(), appendix.attribute("page-parent"));
    }

    List<ResolvedPage> appendicesOf(ResolvedPage policy) {
        return ordered(site.pages(policy.language()).values()).stream()
                .filter(p -> PageKind.APPENDIX.is(p.kind()) && p.attribute("page-parent").equals(policy.key()))
                .toList();
    }

    static String appendixTitle(ResolvedPage appendix, Messages text) {
        String label = appendix.attribute("appendix-label");
        return label.isBlank() ? appendix.title() : text.format("page.appendix.title", Map.of("label", label, "title", appendix.title()));
    }

    static List<ResolvedPage> ordered(java.util.Collection<ResolvedPage> pages) {
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
            // a Welsh page's own header date is reported at its line too: shown blank without a word, the
            // Welsh reader lost the date the English reader saw (found with tester 7's finding 20)
            int line = PolicyDateChecks.headerLine(page, attribute);
            if (page.language().equals("en") || line > 0) {
                problems.error("bad-date", page.file(), line, ":" + attribute + ": " + e.getMessage());
            }
            return "";
        }
    }

    private static Optional<String> date(String value, Messages text) {
        return LocalDates.describe(value, text);
    }
}
