package org.polisi.site.publish;

import org.polisi.site.fork.ResolvedSite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A school's {@code sitemap.xml} (sitemaps.org protocol 0.9), at {@code <school>/sitemap.xml}: every
 * page of every language under the school's {@code base-url}, each with {@code xhtml:link}
 * alternates for the languages it is published in (Google's "localized versions" in sitemaps,
 * the same alternates as the pages' {@code hreflang} links). A site without a {@code base-url}
 * (a template preview) gets none: a sitemap needs absolute addresses.
 */
public final class Sitemap {
    private Sitemap() {
    }

    /**
     * Writes {@code <built>/<site>/sitemap.xml}.
     *
     * @return the file written, or empty when the site has no base-url
     */
    public static java.util.Optional<Path> write(ResolvedSite site, Path built) throws IOException {
        String base = site.source().settings().baseUrl() == null ? "" : site.source().settings().baseUrl().strip();
        if (base.isEmpty()) {
            return java.util.Optional.empty();
        }
        String prefix = base.endsWith("/") ? base : base + "/";
        Set<String> keys = new LinkedHashSet<>();
        keys.add("index");
        site.languages().forEach(language -> keys.addAll(site.pages(language).keySet()));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        for (String key : keys) {
            List<String> languages = new ArrayList<>();
            for (String language : site.languages()) {
                if (key.equals("index") || site.page(language, key).isPresent()) {
                    languages.add(language);
                }
            }
            for (String language : languages) {
                xml.append("  <url>\n    <loc>").append(escape(prefix + language + "/" + key + ".html")).append("</loc>\n");
                if (languages.size() > 1) {
                    for (String other : languages) {
                        xml.append("    <xhtml:link rel=\"alternate\" hreflang=\"").append(other).append("\" href=\"")
                                .append(escape(prefix + other + "/" + key + ".html")).append("\"/>\n");
                    }
                }
                xml.append("  </url>\n");
            }
        }
        xml.append("</urlset>\n");
        Path file = built.resolve(site.id()).resolve("sitemap.xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return java.util.Optional.of(file);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
