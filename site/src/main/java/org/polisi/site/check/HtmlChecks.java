package org.polisi.site.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.RenderCache;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage 6: checks the generated HTML of every page, because some mistakes only show there:
 * AsciidoctorJ prints an unknown block macro or a missing attribute as plain text instead of
 * failing. Checks: broken internal links and anchors (across languages too), unresolved
 * attributes, unknown block macros, duplicate ids, a wrong {@code lang}, skipped heading levels,
 * Welsh paragraphs left identical to the English ones, and English interface words where a browser
 * or screen reader speaks them on a Welsh page ({@link SpokenText}).
 */
public final class HtmlChecks {
    private static final Pattern UNRESOLVED = Pattern.compile("\\{([A-Za-z0-9_][A-Za-z0-9_-]*)}");
    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*):");
    private static final Pattern BLOCK_MACRO = Pattern.compile("^([a-z][a-z0-9_-]*)::(\\S*)\\[.*]$");
    // Compiled once: each was compiled again per link or paragraph of every page (String.matches, replaceFirst, replaceAll).
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final Pattern FROM_SLASH = Pattern.compile("/.*");
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[#?].*");
    private static final Pattern HTML_SUFFIX = Pattern.compile("\\.html$");
    /** A Welsh paragraph this long that equals an English one was not translated. */
    static final int UNTRANSLATED_MIN_WORDS = 5;

    private final Path outputRoot;
    private final Problems problems;
    private final Map<String, SpokenText> spoken;
    private final Map<String, String> titles = new java.util.concurrent.ConcurrentHashMap<>();
    /** Where a group's checks put what they find (a group's own instance), or null: straight into {@link #problems}. */
    private final List<CheckedGroups.Finding> findings;
    private CheckedGroups kept = CheckedGroups.none();
    /** The pages of sites this build keeps as published, by URL, with their ids (docs/adr/0067). */
    private Map<String, List<String>> keptPages = Map.of();
    private Set<String> keptSites = Set.of();
    private Path liveOutput;
    /** Every checked page's facts, by URL, once {@link #check} has run. */
    private final Map<String, PageFacts> checked = new LinkedHashMap<>();
    /** For each checked page, by URL, the first path segment of each of its links that leaves its site (found by the link check). */
    private final Map<String, Set<String>> leavingByUrl = new HashMap<>();
    /** Pages every build publishes after the schools' pages are checked (the root index, the not-found page). */
    static final Set<String> ROOT_PAGES = Set.of("/index.html", "/404.html");

    public HtmlChecks(Path outputRoot, Problems problems) {
        this(outputRoot, problems, Map.of());
    }

    /**
     * @param messages the interface words by language, for the check that a non-English page speaks
     *                 no English interface text (a language without messages is not checked)
     */
    public HtmlChecks(Path outputRoot, Problems problems, Map<String, Messages> messages) {
        this.outputRoot = outputRoot;
        this.problems = problems;
        this.findings = null;
        Map<String, SpokenText> spoken = new HashMap<>();
        Messages english = messages.get("en");
        messages.forEach((language, text) -> {
            if (english != null && !language.equals("en")) {
                spoken.put(language, new SpokenText(english, text));
            }
        });
        this.spoken = Map.copyOf(spoken);
    }

    private HtmlChecks(Path outputRoot, Map<String, SpokenText> spoken, List<CheckedGroups.Finding> findings) {
        this.outputRoot = outputRoot;
        this.problems = new Problems();
        this.spoken = spoken;
        this.findings = findings;
    }

    /**
     * Keeps each page group's results in {@code cache} under its pages' render keys ({@code keys},
     * by URL) and takes them from there when the keys are unchanged, instead of reading and parsing
     * the group's HTML again (docs/adr/0062-nothing-changed-builds.md). The links across pages are
     * checked every time, from the kept ids and links.
     *
     * @return this
     */
    public HtmlChecks remembering(RenderCache cache, Map<String, String> keys) {
        this.kept = new CheckedGroups(cache, keys);
        return this;
    }

    /**
     * Links into the sites of {@code sites}, which this build keeps as published without building
     * them (docs/adr/0067-per-school-builds.md), are checked against what they published: a page
     * against its kept ids ({@code pageIds}, by URL), any other file against {@code liveOutput}.
     *
     * @return this
     */
    public HtmlChecks linkingInto(Set<String> sites, Map<String, List<String>> pageIds, Path liveOutput) {
        this.keptSites = Set.copyOf(sites);
        this.keptPages = Map.copyOf(pageIds);
        this.liveOutput = liveOutput;
        return this;
    }

    /** Each checked page's element ids, by URL ({@code /<site>/<lang>/<key>.html}), after {@link #check}. */
    public Map<String, List<String>> pageIds() {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        checked.forEach((url, page) -> ids.put(url, page.ids().stream().sorted().toList()));
        return ids;
    }

    /**
     * For each site checked, the first path segment of every link of its pages that leaves the site
     * (another site's id, {@code assets}...), sorted, after {@link #check}.
     */
    public Map<String, Set<String>> linksLeaving() {
        Map<String, Set<String>> leaving = new LinkedHashMap<>();
        for (PageFacts page : checked.values()) {
            Set<String> segments = leaving.computeIfAbsent(page.page().site(), s -> new java.util.TreeSet<>());
            segments.addAll(leavingByUrl.getOrDefault(page.page().url(), Set.of()));
        }
        return leaving;
    }

    public void check(List<StagedPage> pages) {
        // Reading and parsing the pages is most of the work. A page and its translations stand
        // alone: each such group is read and compared on whichever core is free, its problems kept
        // apart, then reported in page order so that the report reads the same at every build.
        // Only what the link check needs (ids, links) outlives its group, so a large build does
        // not carry every page's text through the collector.
        Map<String, List<StagedPage>> groups = new LinkedHashMap<>();
        pages.forEach(page -> groups.computeIfAbsent(page.site() + "/" + page.key(), k -> new ArrayList<>()).add(page));
        List<GroupReading> readings = groups.values().parallelStream().map(this::readOrRecall).toList();
        Map<String, PageFacts> facts = new LinkedHashMap<>();
        for (GroupReading reading : readings) {
            Map<String, StagedPage> staged = new HashMap<>();
            reading.pages().forEach(page -> staged.put(page.page().url(), page.page()));
            reading.found().forEach(found -> report(staged.get(found.url()), found.code(), found.message(),
                    found.needles().toArray(String[]::new)));
            reading.pages().forEach(page -> facts.put(page.page().url(), page));
        }
        // Each page's links are checked on every core (each page's findings its own), then reported
        // in page order, so the report reads the same as when they were checked one by one.
        List<PageFacts> linking = List.copyOf(facts.values());
        List<LinkCheck> linked = linking.parallelStream().map(page -> {
            LinkCheck check = new LinkCheck(new ArrayList<>(), new java.util.TreeSet<>());
            checkLinks(page, facts, check);
            return check;
        }).toList();
        for (int i = 0; i < linking.size(); i++) {
            StagedPage page = linking.get(i).page();
            linked.get(i).found().forEach(found -> report(page, found.code(), found.message(), found.needles().toArray(String[]::new)));
            leavingByUrl.put(page.url(), linked.get(i).leaving());
        }
        checked.putAll(facts);
        readings.forEach(reading -> titles.putAll(reading.titles()));
    }

    /**
     * Each checked page's title as the reader sees it (the text of its {@code <h1>}, attributes
     * resolved), by URL: what the root index lists, so it never shows a raw {@code {school-name}}.
     */
    public Map<String, String> titles() {
        return Map.copyOf(titles);
    }

    private record GroupReading(List<PageFacts> pages, List<CheckedGroups.Finding> found, Map<String, String> titles) {
    }

    /** A group's results from the cache when its pages' keys are unchanged; otherwise read, checked and kept. */
    private GroupReading readOrRecall(List<StagedPage> group) {
        java.util.Optional<String> key = kept.key(group);
        java.util.Optional<CheckedGroups.Result> recalled = key.flatMap(k -> kept.get(k, group));
        if (recalled.isPresent()) {
            Map<String, StagedPage> staged = new HashMap<>();
            group.forEach(page -> staged.put(page.url(), page));
            List<PageFacts> pages = new ArrayList<>();
            Map<String, String> titled = new HashMap<>();
            for (CheckedGroups.Page page : recalled.get().pages()) {
                pages.add(new PageFacts(staged.get(page.url()), page.ids(), page.links(), List.of()));
                if (page.title() != null) {
                    titled.put(page.url(), page.title());
                }
            }
            return new GroupReading(pages, recalled.get().findings(), titled);
        }
        GroupReading reading = readGroup(group);
        key.ifPresent(k -> kept.put(k, new CheckedGroups.Result(reading.pages().stream()
                .map(page -> new CheckedGroups.Page(page.page().url(), page.ids(), page.links(), reading.titles().get(page.page().url())))
                .toList(), reading.found())));
        return reading;
    }

    /** One page in each of its languages: read, checked alone, Welsh compared with English. */
    private GroupReading readGroup(List<StagedPage> group) {
        List<CheckedGroups.Finding> found = new ArrayList<>();
        HtmlChecks checks = new HtmlChecks(outputRoot, spoken, found);
        Map<String, PageFacts> read = new LinkedHashMap<>();
        group.forEach(page -> read.put(page.url(), checks.readPage(page)));
        read.values().forEach(page -> checks.checkTranslated(page, read));
        List<PageFacts> pages = read.values().stream()
                .map(page -> new PageFacts(page.page(), page.ids(), page.links(), List.of()))
                .toList();
        return new GroupReading(pages, found, Map.copyOf(checks.titles));
    }

    private PageFacts readPage(StagedPage page) {
        Path file = outputRoot.resolve(page.outputPath() + ".html");
        Document html;
        try {
            html = Jsoup.parse(Files.readString(file), page.url());
        } catch (IOException e) {
            throw new UncheckedIOException("the renderer did not write " + file, e);
        }
        // What every check below reads, found in one walk over the page (docs/adr/0095), each list
        // in document order as its own query selected it.
        PageElements elements = PageElements.of(html, HtmlChecks::toRead);
        if (!page.site().isEmpty()) {
            String lang = elements.lang;
            if (!lang.equals(page.language())) {
                report(page, "wrong-lang", "the page's <html lang> is '" + lang + "', expected '" + page.language() + "'");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Element element : elements.withId) {
            if (!ids.add(element.id())) {
                report(page, "duplicate-id", "the id '" + element.id() + "' is used twice on this page", "[[" + element.id() + "]]", "#" + element.id());
            }
        }
        Element heading = elements.mainHeading;
        if (heading != null) {
            titles.put(page.url(), heading.text());
        }
        checkHeadings(page, elements.headings);
        SpokenText speaking = spoken.get(page.language());
        if (speaking != null) {
            speaking.findIn(elements.title, elements.spoken).forEach(english -> report(page, "english-interface-text", english
                    + ": a Welsh reader's browser or screen reader would speak it; translate the message or mark it lang=\"en\""));
        }
        checkText(page, elements.bodyText);
        UnsafeUrls.findIn(html, page).forEach(found -> report(page, UnsafeUrls.CODE, found.message(), found.needles().toArray(String[]::new)));
        List<String> links = elements.links;
        List<String> paragraphs = elements.paragraphs();
        return new PageFacts(page, ids, links, paragraphs);
    }

    private void checkHeadings(StagedPage page, List<Element> headings) {
        int previous = 0;
        for (Element heading : headings) {
            int level = heading.tagName().charAt(1) - '0';
            if (previous > 0 && level > previous + 1) {
                report(page, "skipped-heading", "heading '" + heading.text() + "' is h" + level + " after h" + previous
                        + ": use one level deeper than the heading before", heading.text());
            }
            previous = level;
        }
    }

    /**
     * The body's nodes {@link #checkText} reads ({@link PageElements#bodyText}, forms left out): an element
     * with a brace in an attribute a reader meets, and a text node whose raw text holds a brace or
     * {@code ::}. A form's words come from its definition, which reports a reference at its own line
     * (YamlMap). Most text holds neither: the raw text says so without jsoup's copy of it with its white
     * space normalised, which neither pattern can tell apart (ADR 0086).
     */
    private static boolean toRead(org.jsoup.nodes.Node node) {
        if (node instanceof Element element) {
            for (String name : READ_ATTRIBUTES) {
                if (element.attr(name).indexOf('{') >= 0) {
                    return true;
                }
            }
            return false;
        }
        String raw = ((TextNode) node).getWholeText();
        return raw.indexOf('{') >= 0 || raw.contains("::");
    }

    /** Attributes whose values a reader or a browser meets: an unresolved reference there is as wrong as in the text. */
    private static final List<String> READ_ATTRIBUTES = List.of("href", "src", "alt", "title", "aria-label");

    /**
     * Unresolved attribute references and unknown block macros in the page's text and in the
     * attributes a reader meets. Each reference is reported once per source line that holds it
     * (not once per place it shows: a title shows in the crumbs, the heading and the index), and
     * Asciidoctor's own warning about it is not reported again ({@code render.JBakeRenderer}).
     */
    private void checkText(StagedPage page, List<org.jsoup.nodes.Node> nodes) {
        Set<String> unresolvedNames = new java.util.LinkedHashSet<>();
        for (org.jsoup.nodes.Node node : nodes) {
            if (node instanceof Element element) {
                for (String name : READ_ATTRIBUTES) {
                    String value = element.attr(name);
                    if (value.indexOf('{') < 0) {
                        continue;   // most attributes hold no brace: no matcher for them (docs/adr/0095)
                    }
                    Matcher unresolved = UNRESOLVED.matcher(value);
                    while (unresolved.find()) {
                        unresolvedNames.add(unresolved.group(1));
                    }
                }
                continue;
            }
            TextNode text = (TextNode) node;
            String raw = text.getWholeText();
            boolean reference = raw.indexOf('{') >= 0;
            boolean macroMark = raw.contains("::");
            String normalised = text.text();
            Matcher unresolved = UNRESOLVED.matcher(reference ? normalised : "");
            while (unresolved.find()) {
                unresolvedNames.add(unresolved.group(1));
            }
            // A form that could not be drawn leaves a marker naming its macro: its problem is reported already.
            Matcher macro = BLOCK_MACRO.matcher(macroMark ? normalised.trim() : "");
            if (macro.matches() && node.parent() instanceof Element parent && parent.tagName().equals("p")) {
                report(page, "unknown-macro", "'" + macro.group(1) + "::' is not a block macro this site knows",
                        macro.group(1) + "::" + macro.group(2));
            }
        }
        for (String name : unresolvedNames) {
            String message = "'{" + name + "}' has no value"
                    + nearestKnown(page, name).map(known -> ": did you mean '{" + known + "}'?")
                    .orElse(": check its spelling, or give it a value under 'attributes:' in school.yml (or the template's cluster.yml)");
            Set<String> lines = new java.util.LinkedHashSet<>();
            for (SourceLine line : page.originsAndSettings()) {   // a setting the chrome shows: its own line
                if (line != null && line.file() != null && line.text().contains("{" + name + "}")) {
                    lines.add(line.text());
                }
            }
            if (lines.isEmpty()) {
                report(page, "unresolved-attribute", message, "{" + name + "}");
            }
            // Each line's own text finds that line again (Origins), also when the finding is recalled from the cache.
            lines.forEach(line -> report(page, "unresolved-attribute", message, line));
        }
    }

    /** The attribute the page does define that is nearest to a misspelt one ({@code setting-manger} → {@code setting-manager}). */
    private static java.util.Optional<String> nearestKnown(StagedPage page, String name) {
        List<String> known = new ArrayList<>();
        for (String line : page.asciidoc().split("\n")) {
            Matcher entry = ATTRIBUTE_ENTRY.matcher(line);
            if (entry.find() && !entry.group(1).startsWith("t-") && !entry.group(1).startsWith("polisi-")) {
                known.add(entry.group(1));
            }
        }
        return org.polisi.site.content.Names.nearest(name, known);
    }

    /**
     * What the link check found on a page: its links that lead nowhere, and the first path segment
     * of each link that leaves its site (another site's id, {@code assets}...), for {@link #linksLeaving}.
     */
    private record LinkCheck(List<CheckedGroups.Finding> found, Set<String> leaving) {
    }

    /** Adds to {@code check} each link of {@code page} that leads nowhere among {@code facts}, the kept sites or the output, and each that leaves its site. */
    private void checkLinks(PageFacts page, Map<String, PageFacts> facts, LinkCheck check) {
        List<CheckedGroups.Finding> found = check.found();
        URI base = URI.create(page.page().url());
        for (String href : page.links()) {
            if (href.isBlank() || SCHEME.matcher(href).matches()) {
                continue;   // http:, mailto: and the like are outside the site
            }
            URI target;
            try {
                target = base.resolve(href.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                found.add(new CheckedGroups.Finding(page.page().url(), "broken-link", "'" + href + "' is not a valid link", List.of(href)));
                continue;
            }
            String path = target.getPath();
            String first = path == null || path.length() < 2 ? "" : FROM_SLASH.matcher(path.substring(1)).replaceFirst("");
            if (!first.equals(page.page().site())) {
                check.leaving().add(first);
            }
            String fragment = target.getFragment();
            PageFacts linked = path == null || path.isEmpty() || path.equals(base.getPath()) ? page : facts.get(path);
            if (linked == null && path != null && keptPages.containsKey(path)) {
                linked = new PageFacts(null, Set.copyOf(keptPages.get(path)), List.of(), List.of());
            }
            // Where the author wrote the link: <<id>>, xref:page.adoc#id[...], link:page.html[...].
            String pageName = HTML_SUFFIX.matcher(QUERY_OR_FRAGMENT.matcher(href).replaceFirst("")).replaceFirst("");
            String[] needles = fragment == null || fragment.isEmpty()
                    ? new String[]{pageName + ".adoc", pageName + ".html", pageName}
                    : new String[]{"<<" + fragment, pageName + ".adoc#" + fragment, pageName + ".html#" + fragment,
                            "#" + fragment, pageName.isEmpty() ? fragment : pageName};
            if (linked == null) {
                if (!ROOT_PAGES.contains(path) && !Files.exists(outputRoot.resolve(path.substring(1))) && !keptFile(path)) {
                    found.add(new CheckedGroups.Finding(page.page().url(), "broken-link", "link to '" + href + "' leads to no page of this site", List.of(needles)));
                }
                continue;
            }
            if (fragment != null && !fragment.isEmpty() && !linked.ids().contains(fragment)) {
                found.add(new CheckedGroups.Finding(page.page().url(), "broken-anchor",
                        "link to '" + href + "': the page has no section with id '" + fragment + "'", List.of(needles)));
            }
        }
    }

    /** Whether {@code path} is a file a kept site published (an image, a PDF). */
    private boolean keptFile(String path) {
        String site = path.length() < 2 ? "" : FROM_SLASH.matcher(path.substring(1)).replaceFirst("");
        return keptSites.contains(site) && liveOutput != null && Files.isRegularFile(liveOutput.resolve(path.substring(1)));
    }

    private void checkTranslated(PageFacts page, Map<String, PageFacts> facts) {
        StagedPage staged = page.page();
        if (staged.site().isEmpty() || staged.language().equals("en")) {
            return;
        }
        PageFacts english = facts.get("/" + staged.site() + "/en/" + staged.key() + ".html");
        if (english == null) {
            return;
        }
        Set<String> englishParagraphs = new HashSet<>();
        english.paragraphs().forEach(p -> englishParagraphs.add(normalise(p)));
        for (String paragraph : page.paragraphs()) {
            String normalised = normalise(paragraph);
            if (normalised.split(" ").length >= UNTRANSLATED_MIN_WORDS && englishParagraphs.contains(normalised)) {
                String opening = paragraph.length() > 40 ? paragraph.substring(0, 40) : paragraph;
                report(staged, "untranslated", "this paragraph is identical to the English page: '" + opening + "…'",
                        opening.substring(0, Math.min(20, opening.length())));
            }
        }
    }

    /**
     * Names, links and numbers may legitimately stay the same; words may not. The text without its
     * web addresses ({@code https?://\S+}), then without its digits ({@code [0-9]+}), each run of white
     * space ({@code \s+}) one space, trimmed and in lower case: those three regular expressions'
     * result, in one pass over the text (they were a tenth of the checks' CPU, docs/adr/0095).
     */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0, n = text.length(); i < n; ) {
            int address = webAddressEnd(text, i);
            if (address > i) {
                i = address;
                continue;
            }
            char c = text.charAt(i++);
            if (c >= '0' && c <= '9') {
                continue;
            }
            if (regexSpace(c)) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString().trim().toLowerCase();
    }

    /** Where {@code https?://\S+} matching at {@code at} ends, or {@code at} when it does not match there. */
    private static int webAddressEnd(String text, int at) {
        if (text.charAt(at) != 'h' || !text.startsWith("http", at)) {
            return at;
        }
        int scheme = text.startsWith("https://", at) ? at + 8 : text.startsWith("http://", at) ? at + 7 : -1;
        if (scheme < 0 || scheme >= text.length() || regexSpace(text.charAt(scheme))) {
            return at;
        }
        int end = scheme;
        while (end < text.length() && !regexSpace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** {@code \s} of {@link Pattern} without UNICODE_CHARACTER_CLASS: {@code [ \t\n\x0B\f\r]}. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private void report(StagedPage page, String code, String message, String... needles) {
        if (findings != null) {
            findings.add(new CheckedGroups.Finding(page.url(), code, message,
                    java.util.Arrays.stream(needles).map(needle -> needle == null ? "" : needle).toList()));
            return;
        }
        SourceLine origin = Origins.find(page, needles);
        problems.error(code, Origins.file(origin), Origins.number(origin), message + " (" + page.url() + ")");
    }
}
