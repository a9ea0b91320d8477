package org.polisi.site.compose;

import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every image a site's pages show ({@code image::logo.png[The school's logo]} and the
 * inline {@code image:}), before anything is rendered, like links: the file must be in the
 * school's or its template's {@code assets/} folder, it must not be fetched from elsewhere (the
 * server's Content-Security-Policy blocks other origins, and a school's pages should not tell a
 * third party who reads them), and it must have real alternative text (WCAG 2.2 1.1.1). An image
 * that only decorates says so with {@code role=presentation} and may then have none.
 */
public final class ImageReferences {
    private static final Pattern IMAGE = Pattern.compile("(?<![\\w\\\\])image::?([^\\s\\[]+)\\[([^\\]]*)]");
    private static final Pattern NAMED = Pattern.compile("^\\s*([a-z-]+)\\s*=\\s*\"?(.*?)\"?\\s*$");

    private ImageReferences() {
    }

    public static void check(ResolvedSite site, Problems problems) {
        List<Path> assets = new ArrayList<>();
        assets.add(site.source().dir().resolve(ContentLoader.ASSETS));
        site.template().ifPresent(t -> assets.add(t.dir().resolve(ContentLoader.ASSETS)));
        for (ResolvedPage page : site.allPages()) {
            for (SourceLine line : page.body()) {
                // The pattern's look-behind tries every position of every line: a line without "image:" has no match (ADR 0086).
                if (!line.text().contains("image:") || line.text().trim().startsWith("//")) {
                    continue;
                }
                Matcher image = IMAGE.matcher(line.text());
                while (image.find()) {
                    checkOne(image.group(1), image.group(2), line, assets, problems);
                }
            }
        }
    }

    private static void checkOne(String target, String attributes, SourceLine line, List<Path> assets, Problems problems) {
        if (target.regionMatches(true, 0, "data:", 0, 5)) {
            // not another site's: the picture's bytes written into the page (tester 5's fault 6 read a base64 tail as a file name)
            String type = target.substring(5).replaceFirst("[;,].*$", "");
            String extension = type.equalsIgnoreCase("image/jpeg") ? "jpg" : type.matches("(?i)image/(png|gif|webp|svg\\+xml)")
                    ? type.substring(6).replace("+xml", "").toLowerCase(java.util.Locale.ROOT) : "png";
            problems.error("embedded-image", line.file(), line.number(), "this image is written into the page's text (a data: address"
                    + (type.isBlank() ? "" : " of type " + type) + "), which Polisi does not publish: save the picture as a file in the"
                    + " school's assets/ folder and write image::NAME." + extension + "[What it shows]");
            return;
        }
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("//")) {
            problems.error("remote-image", line.file(), line.number(), "image '" + target
                    + "' is fetched from another site: put the file in the school's assets/ folder and write image::"
                    + target.replaceFirst(".*/", "") + "[...]");
            return;
        }
        if (target.contains("{")) {
            return;   // an attribute in the name: Asciidoctor reports it if it has no value
        }
        boolean found = assets.stream().anyMatch(dir -> {
            Path file = dir.resolve(target).normalize();
            return file.startsWith(dir) && Files.isRegularFile(file);
        });
        if (!found) {
            problems.error("broken-image", line.file(), line.number(), "image '" + target
                    + "' is not in the school's or its template's assets/ folder (file names are relative to assets/)");
        }
        String alt = "";
        boolean presentation = false;
        String[] parts = attributes.isBlank() ? new String[0] : attributes.split(",");
        for (int i = 0; i < parts.length; i++) {
            Matcher named = NAMED.matcher(parts[i]);
            if (named.matches()) {
                if (named.group(1).equals("alt")) {
                    alt = named.group(2);
                } else if (named.group(1).equals("role") && named.group(2).equals("presentation")) {
                    presentation = true;
                }
            } else if (i == 0) {
                alt = parts[i].trim().replaceAll("^\"|\"$", "");
            }
        }
        if (alt.isBlank() && !presentation) {
            problems.error("missing-alt", line.file(), line.number(), "image '" + target
                    + "' has no alternative text: say what it shows, image::" + target + "[What the picture shows]"
                    + " (or, for a picture that only decorates, image::" + target + "[\"\",role=presentation])");
        }
    }
}
