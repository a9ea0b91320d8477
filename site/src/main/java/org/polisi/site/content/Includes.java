package org.polisi.site.content;

import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands AsciiDoc's {@code include::target[]} directives while content is loaded, so that an
 * included line keeps its own file and line for every later stage (fork resolution, section
 * hashes, problems). A target is resolved relative to the file that includes it and must lie
 * inside the including school's folder or its cluster template's folder: another school's
 * settings, the forms server's data folder (its signing key) or the repository around
 * {@code content/} are never readable. Anything else is an error at the include line, and the line
 * is dropped. Asciidoctor itself then runs in its SECURE mode, which reads no file at all.
 */
public final class Includes {
    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]*)\\[(.*)]\\s*$");
    /** Includes within includes; deeper than this is almost certainly a loop. */
    static final int MAX_DEPTH = 8;

    private Includes() {
    }

    /**
     * The lines with every include replaced by the included file's lines. {@code roots} are the
     * folders files may be included from; problems go to {@code problems}.
     */
    public static List<SourceLine> expand(List<SourceLine> lines, List<Path> roots, Problems problems) {
        return expand(lines, roots, problems, 0);
    }

    private static List<SourceLine> expand(List<SourceLine> lines, List<Path> roots, Problems problems, int depth) {
        List<SourceLine> expanded = new ArrayList<>();
        for (SourceLine line : lines) {
            Matcher include = INCLUDE.matcher(line.text());
            if (!include.matches()) {
                expanded.add(line);
                continue;
            }
            included(line, include.group(1).trim(), include.group(2).trim(), roots, problems, depth)
                    .ifPresent(more -> expanded.addAll(more));
        }
        return expanded;
    }

    private static java.util.Optional<List<SourceLine>> included(SourceLine line, String target, String attributes,
                                                                 List<Path> roots, Problems problems, int depth) {
        String refused = null;
        if (target.isEmpty()) {
            refused = "an include needs a file: include::part.adoc[]";
        } else if (target.contains("{")) {
            refused = "include::" + target + "[]: the file must be written out, without {attribute} references";
        } else if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            refused = "include::" + target + "[]: only files of this school or its template can be included, not addresses";
        } else if (!attributes.isEmpty()) {
            refused = "include::" + target + "[" + attributes + "]: only whole files can be included; leave the brackets empty";
        } else if (depth >= MAX_DEPTH) {
            refused = "include::" + target + "[]: includes nest more than " + MAX_DEPTH + " deep (does a file include itself?)";
        }
        if (refused != null) {
            problems.error("bad-include", line.file(), line.number(), refused);
            return java.util.Optional.empty();
        }
        Path resolved = line.file().toAbsolutePath().getParent().resolve(target).normalize();
        boolean inside = roots.stream().map(root -> root.toAbsolutePath().normalize()).anyMatch(resolved::startsWith);
        if (inside && Files.isRegularFile(resolved)) {
            try {
                // A link inside the folder may still point outside it: compare where it really is.
                Path real = resolved.toRealPath();
                inside = roots.stream().anyMatch(root -> {
                    try {
                        return real.startsWith(root.toRealPath());
                    } catch (IOException e) {
                        return false;
                    }
                });
            } catch (IOException e) {
                inside = false;
            }
        }
        if (!inside) {
            problems.error("include-outside", line.file(), line.number(), "include::" + target
                    + "[] reads a file outside this school's folder and its template's: include only files under "
                    + String.join(" or ", roots.stream().map(r -> r.getParent().getFileName() + "/" + r.getFileName() + "/").toList()));
            return java.util.Optional.empty();
        }
        if (!Files.isRegularFile(resolved)) {
            problems.error("include-missing", line.file(), line.number(), "include::" + target
                    + "[]: there is no such file next to " + line.file().getFileName() + " (paths are relative to the including file)");
            return java.util.Optional.empty();
        }
        try {
            String[] text = SourceText.read(resolved, problems).replace("\r\n", "\n").split("\n", -1);
            List<SourceLine> lines = new ArrayList<>();
            int count = text.length > 0 && text[text.length - 1].isEmpty() ? text.length - 1 : text.length;
            for (int i = 0; i < count; i++) {
                lines.add(new SourceLine(text[i], resolved, i + 1));
            }
            return java.util.Optional.of(expand(lines, roots, problems, depth + 1));
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.error("include-unreadable", line.file(), line.number(), "include::" + target + "[]: cannot read it (" + e.getMessage() + ")");
            return java.util.Optional.empty();
        }
    }
}
