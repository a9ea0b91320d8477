package org.polisi.site.proof;

import org.polisi.site.content.SourceLine;
import org.polisi.site.content.SourcePage;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose of a resolved page: its title and every body line that a reader sees, each at its own
 * file and line (a template's line stays at the template's file). Skipped: comments, attribute
 * entries, block attribute lines and anchors, block macros ({@code form::}, {@code image::}),
 * table delimiters, and the contents of listing, literal, passthrough and comment blocks.
 */
final class PageProse {
    private static final Pattern DELIMITER = Pattern.compile("^(-{4,}|\\.{4,}|\\+{4,}|/{4,}|`{3,})\\s*$");
    private static final Pattern SKIPPED_LINE = Pattern.compile(
            "^(//.*|:[\\w-]+!?:.*|\\[.*]|[a-z][a-z0-9_-]*::\\S*\\[.*]|\\|={3,}|[,!:]={3,}|'{3,}|<{3,}|include::.*|ifn?def::.*|endif::.*)\\s*$");

    private static final Pattern SECTION_ID = Pattern.compile("^\\[\\[([\\w-]+)(?:,[^\\]]*)?]]$|^\\[#([\\w-]+)[^\\]]*]$");
    private static final Pattern HEADING = Pattern.compile("^={2,6}\\s+\\S.*$");
    /** The key of a section whose heading has no label: it starts so, and no label can (labels are word characters). */
    static final String UNLABELLED = "?unlabelled ";

    private PageProse() {
    }

    /**
     * The page's prose by section id (the text before the first id under ""), in page order. A
     * heading with no label ({@code [[id]]} or {@code [#id]} above it) starts a section of its own,
     * keyed {@link #UNLABELLED} and its line, whose first prose is the heading: its text is never
     * added to the section before it, so an English and a Welsh section are paired by their label
     * or not at all (a deleted label must not shift the pairing).
     */
    static Map<String, List<Prose>> sections(ResolvedSite site, ResolvedPage page) {
        return sections(site, page, new java.util.HashMap<>());
    }

    /** As above, reading each distinct line once: {@code readable} maps a line's text to its prose. */
    static Map<String, List<Prose>> sections(ResolvedSite site, ResolvedPage page, Map<String, String> readable) {
        Map<String, List<Prose>> sections = new LinkedHashMap<>();
        List<Prose> current = sections.computeIfAbsent("", k -> new ArrayList<>());
        titleLine(site, page).ifPresent(current::add);
        String skipUntil = null;
        boolean labelled = false;
        for (SourceLine line : page.body()) {
            String text = line.text();
            String trimmed = text.strip();
            Matcher anchor = SECTION_ID.matcher(trimmed);
            if (skipUntil == null && anchor.matches()) {
                current = sections.computeIfAbsent(anchor.group(1) != null ? anchor.group(1) : anchor.group(2), k -> new ArrayList<>());
                labelled = true;
                continue;
            }
            if (skipUntil == null && HEADING.matcher(trimmed).matches()) {
                if (!labelled && line.file() != null) {
                    current = sections.computeIfAbsent(UNLABELLED + line.file() + ":" + line.number(), k -> new ArrayList<>());
                }
                labelled = false;
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("[") && !trimmed.startsWith("//")) {
                labelled = false;   // a label above a paragraph, not above the next heading
            }
            if (skipUntil != null) {
                if (trimmed.equals(skipUntil)) {
                    skipUntil = null;
                }
                continue;
            }
            if (DELIMITER.matcher(trimmed).matches()) {
                skipUntil = trimmed;
                continue;
            }
            if (trimmed.isEmpty() || SKIPPED_LINE.matcher(trimmed).matches() || line.file() == null) {
                continue;
            }
            String prose = readable.computeIfAbsent(text, InlineText::ofAsciidoc);
            if (!prose.isBlank()) {
                current.add(new Prose(line.file(), line.number(), page.language(), prose));
            }
        }
        return sections;
    }

    private static Optional<Prose> titleLine(ResolvedSite site, ResolvedPage page) {
        Optional<SourcePage> source = site.source().page(page.language(), page.key())
                .filter(p -> p.title().equals(page.title()))
                .or(() -> site.template().flatMap(t -> t.page(page.language(), page.key())).filter(p -> p.title().equals(page.title())));
        return source.filter(p -> p.titleLine() > 0)
                .map(p -> new Prose(p.file(), p.titleLine(), page.language(), InlineText.ofAsciidoc(page.title())));
    }

}
