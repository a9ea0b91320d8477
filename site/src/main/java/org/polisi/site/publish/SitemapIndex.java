package org.polisi.site.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The root of the published output: {@code sitemap.xml}, a sitemap index (sitemaps.org protocol
 * 0.9) of every school's own {@code <school>/sitemap.xml}, and {@code robots.txt} naming the same
 * sitemaps, which is how a crawler finds them when the schools' {@code base-url}s are on different
 * hosts (sitemaps.org "cross submits"). Crawlers ask for both at the root, where a tester found 404s.
 *
 * <p>Each school's sitemap is found where {@link Sitemap} wrote it, next to its language folders:
 * its address is resolved from its first {@code <loc>} (the school's home page in its first
 * language, {@code <base-url><lang>/index.html}), so a school kept from an earlier build is listed
 * as it was published. A school without a {@code base-url} has no sitemap and is left out; with no
 * sitemap at all, neither file is written.
 */
public final class SitemapIndex {
    private SitemapIndex() {
    }

    /**
     * Writes {@code sitemap.xml} and {@code robots.txt} at the root of {@code published}.
     *
     * @return the schools' sitemap addresses listed (empty when none, and nothing was written)
     * @throws IOException when a school's sitemap cannot be read or the root files written
     */
    public static List<String> write(Path published) throws IOException {
        List<String> sitemaps = new ArrayList<>();
        try (Stream<Path> folders = Files.list(published)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path sitemap = folder.resolve("sitemap.xml");
                if (Files.isRegularFile(sitemap)) {
                    firstLocation(sitemap).map(home -> URI.create(home).resolve("../sitemap.xml").toString())
                            .ifPresent(sitemaps::add);
                }
            }
        }
        if (sitemaps.isEmpty()) {
            Files.deleteIfExists(published.resolve("sitemap.xml"));
            Files.deleteIfExists(published.resolve("robots.txt"));
            return sitemaps;
        }
        StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\n\n");
        for (String sitemap : sitemaps) {
            index.append("  <sitemap><loc>").append(escape(sitemap)).append("</loc></sitemap>\n");
            robots.append("Sitemap: ").append(sitemap).append('\n');
        }
        index.append("</sitemapindex>\n");
        Files.writeString(published.resolve("sitemap.xml"), index, StandardCharsets.UTF_8);
        Files.writeString(published.resolve("robots.txt"), robots, StandardCharsets.UTF_8);
        return sitemaps;
    }

    /** The first {@code <loc>} of a sitemap, read without resolving any DTD or entity; empty when there is none. */
    private static Optional<String> firstLocation(Path sitemap) throws IOException {
        try (InputStream in = Files.newInputStream(sitemap)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList locations = factory.newDocumentBuilder().parse(in)
                    .getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
            return locations.getLength() == 0 ? Optional.empty()
                    : Optional.of(locations.item(0).getTextContent().strip()).filter(location -> location.contains("://"));
        } catch (ParserConfigurationException | SAXException | IllegalArgumentException unreadable) {
            throw new IOException("cannot read the sitemap " + sitemap + ": " + unreadable.getMessage(), unreadable);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
