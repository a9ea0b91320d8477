package org.polisi.site.compose;

import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.Settings;
import org.polisi.site.problem.Problems;
import org.polisi.site.content.PerBody;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4: composes each page of a site into the document the renderer bakes: the author's body,
 * preceded by header attributes that carry the school's values (for {@code {school-name}} and the
 * like) and the page's frame (language toggle, alternates, description, footer), and beside it the
 * chrome the theme draws around the body as a record ({@link PageChrome}, composed by
 * {@link ChromeComposer}: breadcrumbs, notices, policy details, contents, appendices), its text
 * escaped and resolved against these attributes as Asciidoctor would (docs/adr/0064). The theme
 * stays free of logic and of words: it prints these and the message bundles' text.
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

    private final ResolvedSite site;
    private final Map<String, Messages> messages;
    private final ChromeComposer chromeComposer;
    /** {@link #settingsLines()}, once read. */
    private List<SourceLine> settingsLines;

    private final Shared shared;

    public PageComposer(ResolvedSite site, Map<String, Messages> messages, List<TranslationState> translations, LocalDate today,
                        Problems problems) {
        this(site, messages, translations, today, problems, new Shared());
    }

    /**
     * @param shared what this build's other sites have already derived from the bodies they share
     *               with this one (a template's pages), see {@link Shared}
     */
    public PageComposer(ResolvedSite site, Map<String, Messages> messages, List<TranslationState> translations, LocalDate today,
                        Problems problems, Shared shared) {
        this.site = site;
        this.messages = messages;
        this.chromeComposer = new ChromeComposer(site, messages, translations, today, problems);
        this.shared = shared;
    }

    /**
     * What composing derives from a page's body alone, once per build however many sites inherit
     * the body (a cluster's template page, docs/adr/0090): its text, the setting names it uses and
     * the page hash's SHA-256 state after it; its first paragraph; and each description made plain.
     * Safe for the compose stage's threads; one per build.
     */
    public static final class Shared {
        private final PerBody<Body> bodies = new PerBody<>(Body::of);
        private final PerBody<String> firstParagraphs = new PerBody<>(PageDescription::firstParagraph);
        private final Map<String, String> descriptions = new java.util.concurrent.ConcurrentHashMap<>();

        /** {@link #pageHash(String, Settings)} of the page with this body. */
        String pageHash(List<SourceLine> body, Settings settings) {
            return pageHash(body, formAreaValues(settings));
        }

        /** {@link #pageHash(String, Map)} of the page with this body. */
        String pageHash(List<SourceLine> body, Map<String, LocalizedText> settings) {
            Body read = bodies.of(body);
            return SectionIndex.sha(read.hashed(), SettingsUsed.byNames(read.names(), settings, FORM_AREA).toString());
        }

        String description(String declared, List<SourceLine> body, java.util.function.Function<String, String> attributes) {
            return PageDescription.described(declared.isBlank() ? firstParagraphs.of(body) : declared, attributes,
                    text -> descriptions.computeIfAbsent(text, PageDescription::plainAndShort));
        }

        /** A body's text (as {@link ResolvedPage#bodyText()}), the settings it names, and SHA-256 after it. */
        private record Body(java.util.Set<String> names, java.security.MessageDigest hashed) {
            static Body of(List<SourceLine> lines) {
                StringBuilder text = new StringBuilder();
                lines.forEach(line -> text.append(line.text()).append('\n'));
                String bodyText = text.toString();
                return new Body(java.util.Collections.unmodifiableSet(SettingsUsed.namesIn(bodyText)), SectionIndex.shaAfter(bodyText));
            }
        }
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
     * school's settings that text uses ({@link SettingsUsed}), in name order, so that the same
     * sources give the same hash in every build and a setting the page does not show (another
     * page's staff name, a review date) leaves its forms' versions alone (docs/adr/0066).
     */
    static String pageHash(String bodyText, Map<String, LocalizedText> settings) {
        return SectionIndex.sha(pageSource(bodyText, settings));
    }

    /**
     * The text {@link #pageHash} hashes: the body, then the used settings with their values. The
     * archive of agreed texts keeps it, so the hash can be checked later and the snapshot itself
     * says which values the person saw.
     */
    static String pageSource(String bodyText, Map<String, LocalizedText> settings) {
        return bodyText + SettingsUsed.by(bodyText, settings, FORM_AREA);
    }

    /** {@link #pageSource} of a page of the school with these settings, as the build and the archive compute it. */
    public static String pageSource(String bodyText, Settings settings) {
        return pageSource(bodyText, formAreaValues(settings));
    }

    /** The page hash of a page of the school with these settings (12 hex digits). */
    static String pageHash(String bodyText, Settings settings) {
        return SectionIndex.sha(pageSource(bodyText, settings));
    }

    /**
     * The settings a form prints into its own area whatever the page says: its privacy notice names
     * the school and, when given, its contact address ({@code forms/markup/PrivacyNotice}).
     */
    static final List<String> FORM_AREA = List.of("school-name", "polisi-contact");

    private static Map<String, LocalizedText> formAreaValues(Settings settings) {
        Map<String, LocalizedText> values = new HashMap<>(settings.attributes());
        values.put("polisi-contact", LocalizedText.same(settings.contactEmail()));
        return values;
    }

    private StagedPage composePage(ResolvedPage page) {
        String language = page.language();
        Messages text = messages.get(language);
        AttributeBlock attributes = common(language, page.key(), PageKind.of(page.kind()).orElse(PageKind.POLICY));
        String description = shared.description(page.attribute("description"), page.body(), attributes::get);
        // A page without a paragraph (a form only) is described by its title and school.
        attributes.put("polisi-description", description.isEmpty()
                ? page.title() + " – " + site.source().settings().name().inOrEnglish(language) : description);
        attributes.put("polisi-page-kind", page.kind());
        String pageHash = shared.pageHash(page.body(), site.source().settings());
        attributes.put("polisi-page-hash", pageHash);
        // A notice's paragraph in another language than the page's names that language's values: the
        // English half of a Welsh page's draft notice gives the school's address in English.
        Map<String, AttributeBlock> blocks = new HashMap<>(Map.of(language, attributes));
        PageChrome chrome = chromeComposer.of(page, in -> blocks.computeIfAbsent(in,
                other -> common(other, page.key(), PageKind.of(page.kind()).orElse(PageKind.POLICY))));
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
                pageHash, chrome, settingsLines());
    }

    private StagedPage composeSchoolIndex(String language) {
        Messages text = messages.get(language);
        String schoolName = site.source().settings().name().inOrEnglish(language);
        AttributeBlock attributes = common(language, "index", PageKind.SCHOOL_INDEX);
        attributes.put("polisi-description", text.format("school.index.intro", Map.of("school", schoolName)));
        PageChrome chrome = chromeComposer.ofSchoolIndex(language, attributes);
        // Each generated line points back to what it shows (a page's title line, the settings'
        // name), so that a problem found in the index is reported there and stops only this school.
        List<SourceLine> lines = new ArrayList<>();
        SourceLine settings = new SourceLine("", site.source().settings().file(), 0);
        lines.add(new SourceLine(text.format("school.index.intro", Map.of("school", schoolName)), settings.file(), 0));
        lines.add(settings);
        lines.add(new SourceLine("== " + text.get("school.pages.title"), settings.file(), 0));
        lines.add(settings);
        for (ResolvedPage page : ChromeComposer.ordered(site.pages(language).values())) {
            if (PageKind.APPENDIX.is(page.kind())) {
                continue;
            }
            lines.add(new SourceLine("* xref:" + page.key() + ".adoc[" + escapeLinkText(page.title()) + "]", page.file(), 1));
            for (ResolvedPage appendix : chromeComposer.appendicesOf(page)) {
                lines.add(new SourceLine("** xref:" + appendix.key() + ".adoc[" + escapeLinkText(ChromeComposer.appendixTitle(appendix, text)) + "]",
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
                chrome, settingsLines());
    }

    /**
     * The lines of the school's settings file, then of its template's, that name an attribute
     * ({@code {...}}), with their numbers: read once per site. A file that cannot be read gives none
     * (its loader has reported it already).
     */
    private List<SourceLine> settingsLines() {
        if (settingsLines == null) {
            List<SourceLine> lines = new ArrayList<>();
            List<java.nio.file.Path> files = new ArrayList<>();
            files.add(site.source().settings().file());
            site.template().ifPresent(template -> files.add(template.settings().file()));
            for (java.nio.file.Path file : files) {
                if (file == null) {
                    continue;
                }
                try {
                    List<String> text = java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
                    for (int i = 0; i < text.size(); i++) {
                        if (text.get(i).contains("{") && text.get(i).contains("}")) {
                            lines.add(new SourceLine(text.get(i), file, i + 1));
                        }
                    }
                } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
                    // reported by the settings loader
                }
            }
            settingsLines = List.copyOf(lines);
        }
        return settingsLines;
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

    private static String escapeLinkText(String text) {
        return text.replace("]", "\\]");
    }
}
