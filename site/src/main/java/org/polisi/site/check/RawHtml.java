package org.polisi.site.check;

import org.polisi.site.content.PerBody;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every way content hands HTML to the page unescaped, and checks that HTML with
 * {@link HtmlPolicy}, before anything is rendered, so each refusal is an {@code unsafe-html} error
 * at the author's file and line (tester 4's fault 8: a {@code ++++} block with a third-party script,
 * a form posting elsewhere, an iframe, a {@code javascript:} link and an image from another site
 * all built with no error). The routes, as Asciidoctor 2 defines them
 * (https://docs.asciidoctor.org/asciidoc/latest/pass/):
 * <ul>
 *   <li>passthrough blocks ({@code ++++} ... {@code ++++}), the {@code [pass]} style on a
 *   paragraph or an open block, and any block whose substitutions leave out the escaping of
 *   special characters ({@code [subs=none]}, {@code [subs="-specialchars"]}, {@code [subs="quotes"]});</li>
 *   <li>inline passthroughs: {@code +++...+++} and the {@code pass:[...]} macro (with or without
 *   substitutions), in the body, in a page's header entries and in school.yml or cluster.yml,
 *   whose values become attribute entries;</li>
 *   <li>macros that make a page run code or show another site without any HTML: a
 *   {@code javascript:}, {@code vbscript:}, {@code data:} or {@code file:} target of {@code link:},
 *   {@code xref:}, an image's {@code link=}, and {@code video::} / {@code audio::} of another site
 *   (YouTube's and Vimeo's players are iframes).</li>
 * </ul>
 * Other text is escaped by Asciidoctor (its special-characters substitution, and header substitutions for
 * attribute values), and docinfo files are not read (pages are converted embedded, not standalone).
 * Comment, listing and literal blocks are not read: their text is published escaped, or not at all.
 */
public final class RawHtml {
    private static final String CODE = "unsafe-html";
    private static final Pattern PASS_BLOCK = Pattern.compile("^\\+{4,}\\s*$");
    private static final Pattern SKIPPED_BLOCK = Pattern.compile("^(/{4,}|-{4,}|\\.{4,})\\s*$");
    private static final Pattern PASS_STYLE = Pattern.compile("^\\[\\s*pass\\s*(,.*)?]\\s*$");
    private static final Pattern BLOCK_SUBS = Pattern.compile("^\\[.*\\bsubs\\s*=\\s*\"?([^\"\\]]*)\"?.*]$");
    private static final Pattern MATH_STYLE = Pattern.compile("^\\[\\s*(stem|latexmath|asciimath)\\s*(,.*)?]\\s*$");
    private static final Pattern INLINE_PASS = Pattern.compile("\\+\\+\\+(.+?)\\+\\+\\+|(?<!\\\\)pass:[a-z,]*\\[((?:\\\\]|[^\\]])*)]");
    private static final Pattern CODE_TARGET = Pattern.compile(
            "(?i)(?:\\blink:|\\bxref:|\\blink\\s*=\\s*\"?|<<)\\s*(javascript|vbscript|data|file)\\s*:");
    private static final Pattern MEDIA = Pattern.compile("(?<![\\w\\\\])(video|audio)::?([^\\s\\[]+)\\[([^\\]]*)]");

    private RawHtml() {
    }

    /** Adds an {@code unsafe-html} error to {@code problems} for each refusal in the pages and settings of {@code sites}. */
    public static void check(List<ResolvedSite> sites, Problems problems) {
        java.util.Set<Path> settingsRead = new java.util.HashSet<>();     // a template's cluster.yml once, not once per school
        // A template page every school inherits unchanged is one body shared by their pages: read once,
        // its findings (the same file and line for every school) reported again for each (docs/adr/0095).
        PerBody<List<Problem>> bodies = new PerBody<>(body -> {
            Problems found = new Problems();
            body(body, found);
            return found.all();
        });
        for (ResolvedSite site : sites) {
            if (settingsRead.add(site.source().dir())) {
                settings(site.source(), problems);
            }
            site.template().filter(template -> settingsRead.add(template.dir())).ifPresent(template -> settings(template, problems));
            for (ResolvedPage page : site.allPages()) {
                bodies.of(page.body()).forEach(problems::add);
                header(page, problems);
            }
        }
    }

    /** The lines of a page's body, blocks and inline passthroughs. */
    static void body(List<SourceLine> body, Problems problems) {
        String skipping = null;
        String previous = "";
        for (int i = 0; i < body.size(); i++) {
            SourceLine line = body.get(i);
            String text = line.text();
            if (skipping != null) {
                skipping = text.strip().equals(skipping) ? null : skipping;
                continue;
            }
            if (SKIPPED_BLOCK.matcher(text).matches()) {
                skipping = text.strip();
            } else if (PASS_BLOCK.matcher(text).matches()) {
                int end = closing(body, i, text.strip());
                if (!MATH_STYLE.matcher(previous).matches()) {
                    html(body.subList(i + 1, end), problems);
                }
                i = end;
            } else if ((PASS_STYLE.matcher(text).matches() || rawSubs(text)) && i + 1 < body.size()) {
                int from = i + 1;
                String next = body.get(from).text().strip();
                int end;
                if (next.equals("--") || PASS_BLOCK.matcher(next).matches() || next.matches("^(-{4,}|\\.{4,}|={4,}|_{4,}|\\*{4,})$")) {
                    end = closing(body, from, next);
                    from++;
                } else {
                    end = from;
                    while (end < body.size() && !body.get(end).text().isBlank()) {
                        end++;
                    }
                }
                html(body.subList(from, Math.min(end, body.size())), problems);
                i = Math.min(end, body.size() - 1);
            } else if (!text.strip().startsWith("//")) {
                inline(line.text(), line.file(), line.number(), problems);
            }
            previous = text.strip();
        }
    }

    /**
     * Whether a block attribute line ({@code [subs=...]}, {@code [source,subs="-specialchars"]}) leaves
     * the block's {@code <} unescaped: {@code none}, a removed {@code specialchars}, or a list of its own
     * without it (https://docs.asciidoctor.org/asciidoc/latest/subs/apply-subs-to-blocks/).
     */
    static boolean rawSubs(String line) {
        Matcher subs = BLOCK_SUBS.matcher(line.strip());
        if (!subs.matches()) {
            return false;
        }
        boolean replaced = false;
        boolean escaped = false;
        for (String step : subs.group(1).split(",")) {
            String name = step.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("none") || name.equals("-specialchars") || name.equals("-specialcharacters")) {
                return true;
            }
            if (!name.startsWith("+") && !name.endsWith("+") && !name.startsWith("-") && !name.isEmpty()) {
                replaced = true;
                escaped |= List.of("specialchars", "specialcharacters", "normal", "verbatim", "header").contains(name);
            }
        }
        return replaced && !escaped;
    }

    /** The index of the line that closes the block opened at {@code open} with {@code delimiter} (the end of the body if none does). */
    private static int closing(List<SourceLine> body, int open, String delimiter) {
        for (int j = open + 1; j < body.size(); j++) {
            if (body.get(j).text().strip().equals(delimiter)) {
                return j;
            }
        }
        return body.size();
    }

    /** Raw HTML on consecutive source lines (one block), checked as one fragment. */
    private static void html(List<SourceLine> lines, Problems problems) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder fragment = new StringBuilder();
        lines.forEach(line -> fragment.append(line.text()).append('\n'));
        for (HtmlPolicy.Finding finding : HtmlPolicy.check(fragment.toString())) {
            SourceLine at = lines.get(Math.min(finding.line(), lines.size()) - 1);
            problems.error(CODE, at.file(), at.number(), "raw HTML: " + finding.message());
        }
    }

    /** The inline passthroughs and code-running or foreign-site macros of one line of text. */
    static void inline(String text, Path file, int line, Problems problems) {
        // Each pattern runs only on a line that holds its fixed text: most lines hold none (the compose loop's cost, ADR 0086).
        boolean passes = text.contains("+++") || text.contains("pass:");
        boolean links = text.contains("link") || text.contains("xref:") || text.contains("<<");
        boolean media = text.contains("video:") || text.contains("audio:");
        if (!passes && !links && !media) {
            return;
        }
        Matcher pass = INLINE_PASS.matcher(text);
        while (passes && pass.find()) {
            String html = pass.group(1) != null ? pass.group(1) : pass.group(2).replace("\\]", "]");
            for (HtmlPolicy.Finding finding : HtmlPolicy.check(html)) {
                problems.error(CODE, file, line, "raw HTML: " + finding.message());
            }
        }
        Matcher target = CODE_TARGET.matcher(text);
        if (links && target.find()) {
            problems.error(CODE, file, line, "a " + target.group(1).toLowerCase(java.util.Locale.ROOT) + ": address runs code or"
                    + " opens something other than a page: link to a page instead (https://...[text], xref:page.adoc[text])");
        }
        Matcher macro = MEDIA.matcher(text);
        while (media && macro.find()) {
            String where = macro.group(2);
            boolean player = macro.group(3).matches("(?i).*\\b(youtube|vimeo)\\b.*");
            if (player || where.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || where.startsWith("//")) {
                problems.error(CODE, file, line, macro.group(1) + "::" + where + " shows or fetches "
                        + (player ? "another site's player" : "a file from another site") + " inside the page, which the server's"
                        + " security policy blocks and which tells that site who reads the page: link to it instead,"
                        + " https://...[what it is]");
            }
        }
    }

    /**
     * Whether this check refuses something on {@code line} (an AsciiDoc line or an attribute's value) by
     * reading it alone: an inline passthrough or raw HTML that {@link HtmlPolicy} refuses, a
     * {@code link:javascript:...} target, another site's player. {@link UnsafeUrls} reports nothing
     * of its own where this already does.
     */
    static boolean refuses(String line) {
        if (line == null || line.isBlank()) {
            return false;
        }
        Problems found = new Problems();
        inline(line, null, 0, found);
        return found.hasErrors() || (line.indexOf('<') >= 0 && !HtmlPolicy.check(line).isEmpty());
    }

    /** A page's header entries ({@code :name: value}): inline passthroughs and code-running targets, at the entry's line. */
    private static void header(ResolvedPage page, Problems problems) {
        for (Map.Entry<String, String> entry : page.header().entrySet()) {
            String value = entry.getValue();
            if (value.contains("+++") || value.contains("pass:") || CODE_TARGET.matcher(value).find()) {
                Path file = page.file();
                inline(value, file, lineOf(file, ":" + entry.getKey() + ":").orElse(1), problems);
            }
        }
    }

    /** The settings file of a school or template: every value becomes an attribute entry, where a passthrough stays raw. */
    private static void settings(SiteSource source, Problems problems) {
        for (String name : List.of("school.yml", "cluster.yml")) {
            Path file = source.dir().resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i);
                if (!text.strip().startsWith("#") && (text.contains("+++") || text.contains("pass:") || text.contains("link:")
                        || text.contains("xref:") || text.contains("video:") || text.contains("audio:"))) {
                    inline(text, file, i + 1, problems);
                }
            }
        }
    }

    private static Optional<Integer> lineOf(Path file, String start) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return new ArrayList<>();   // an unreadable file is reported where it is read (not-utf8)
        }
    }
}
