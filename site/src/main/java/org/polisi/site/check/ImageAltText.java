package org.polisi.site.check;

import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds images without alt text ({@code image::logo.png[]}). Asciidoctor then makes one up from the
 * file name ("logo"), which tells a screen reader user nothing (WCAG 2.2, 1.1.1 Non-text Content):
 * each is a content warning at its file and line, with the fix. An image that only decorates says
 * so with an empty alt text, {@code image::border.png[""]}.
 */
public final class ImageAltText {
    private static final Pattern IMAGE = Pattern.compile("image::?([^\\[\\s]+)\\[([^\\]]*)]");

    private ImageAltText() {
    }

    public static void check(List<ResolvedSite> sites, Problems problems) {
        for (ResolvedSite site : sites) {
            for (ResolvedPage page : site.allPages()) {
                checkLines(page.body(), problems);
            }
        }
    }

    static void checkLines(List<SourceLine> body, Problems problems) {
        for (SourceLine line : body) {
            if (line.text().startsWith("//")) {
                continue;
            }
            Matcher image = IMAGE.matcher(line.text());
            while (image.find()) {
                if (!hasAlt(image.group(2))) {
                    problems.warning("image-without-alt", line.file(), line.number(), "image " + image.group(1)
                            + " has no alt text: write what it shows between the brackets, e.g. image::" + image.group(1)
                            + "[The school's logo], or [\"\"] if it only decorates");
                }
            }
        }
    }

    private static boolean hasAlt(String attributes) {
        String first = attributes.split(",", -1)[0].strip();
        if (first.startsWith("\"")) {
            return true;   // quoted: written on purpose, even when empty (decorative)
        }
        if (!first.isEmpty() && !first.contains("=")) {
            return true;
        }
        return attributes.matches(".*\\balt=.*");
    }
}
