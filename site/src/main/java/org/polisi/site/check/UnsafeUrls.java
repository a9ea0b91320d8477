package org.polisi.site.check;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second lock behind {@link RawHtml}: every address in the HTML a page was actually rendered
 * to, however its source spelt it. Tester 5's fault 1: {@link RawHtml} reads the sources, so a
 * {@code javascript:} target built from an attribute ({@code :x: javascript:alert(1)} then
 * {@code link:{x}[]}), split by {@code {empty}}, or written with an entity
 * ({@code javascript&#58;}) was published. Here the page's HTML is parsed as a browser parses it
 * (jsoup's HTML5 parser, which decodes entities), and each address attribute of every element
 * (HTML's URL-valued attributes, SVG's {@code href}/{@code xlink:href}, a refresh's {@code url=}) is
 * read as a browser reads a URL (WHATWG URL: tabs and newlines removed, leading and trailing
 * control characters and spaces stripped, the scheme case-insensitive: {@link SafeSchemes}, the rule the
 * importer applies to a document's links too). Refused:
 * <ul>
 *   <li>any scheme other than {@code http}, {@code https}, {@code mailto} and {@code tel}
 *   ({@code javascript:}, {@code vbscript:}, {@code file:}, {@code data:}...), but a PNG, JPEG, GIF
 *   or WebP {@code data:} image in an {@code <img>} (Asciidoctor's {@code data-uri});</li>
 *   <li>a file fetched as the page is shown ({@code src}, {@code srcset}, {@code poster},
 *   {@code data}, a style sheet's or icon's {@code <link href>}...) from another site.</li>
 * </ul>
 * The theme writes none of these, so every finding is the author's: each is reported as an
 * {@code unsafe-html} error with needles (for {@link Origins}) that lead to the line where the
 * link was written (the link's text, the address itself) and, failing that, to the line that
 * defines an attribute whose value is part of the address.
 */
final class UnsafeUrls {
    static final String CODE = "unsafe-html";
    /** One refusal: the message, and the pieces of source text that lead to the author's line, best first. */
    record Finding(String message, List<String> needles) {
    }

    /** {@link HtmlPolicy}'s address attributes, and the few more a page's own markup may carry. */
    private static final Set<String> ADDRESSES = union(HtmlPolicy.ADDRESSES, Set.of("imagesrcset", "itemtype", "profile"));
    /** Attributes whose address is fetched when the page is shown, not followed by a click. */
    private static final Set<String> FETCHED = union(HtmlPolicy.FETCHED, Set.of("imagesrcset"));
    /** {@code <link rel>} values whose {@code href} is fetched. */
    private static final Set<String> FETCHED_LINKS = Set.of("stylesheet", "icon", "preload", "prefetch", "modulepreload",
            "manifest", "apple-touch-icon", "mask-icon", "import");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern IMAGE_DATA = Pattern.compile("^data:image/(png|jpeg|gif|webp)[;,].*", Pattern.DOTALL);
    private static final Pattern REFRESH_URL = Pattern.compile("(?i)^\\s*\\d*\\s*[;,]\\s*url\\s*=\\s*['\"]?([^'\"]*)");
    /** An image macro whose target, as written, has a scheme or is another site's: compose's ImageReferences reports it at its line. */
    private static final Pattern LITERAL_IMAGE = Pattern.compile("(?<![\\w\\\\])image::?(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)");
    private static final Pattern ADOC_ENTRY = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*):\\s*(.*)$");
    private static final Pattern YAML_ENTRY = Pattern.compile("^\\s*([A-Za-z0-9_][A-Za-z0-9_-]*)\\s*:\\s*['\"]?(.*?)['\"]?\\s*$");

    private UnsafeUrls() {
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new java.util.HashSet<>(some);
        all.addAll(more);
        return Set.copyOf(all);
    }

    /** Every refused address in {@code html}, the rendered {@code page}, in document order. */
    static List<Finding> findIn(Document html, StagedPage page) {
        List<Finding> found = new ArrayList<>();
        for (Element element : html.getAllElements()) {
            if (element.attributesSize() == 0) {
                continue;       // attributes() would make an empty set for each of them
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                List<String> addresses = addresses(element, name, attribute.getValue());
                for (String address : addresses) {
                    Optional<String> refused = refusal(element, name, address);
                    if (refused.isPresent()) {
                        List<String> needles = needles(element, address, page);
                        SourceLine written = Origins.find(page, needles.toArray(String[]::new));
                        // What the source spells out (raw HTML, a link:javascript: target, a video:: player, an image:: of another
                        // site or a data: image) is refused there already (RawHtml, ImageReferences), at its line or at the
                        // attribute entry that holds it: once is enough.
                        if (!RawHtml.refuses(written.text()) && !LITERAL_IMAGE.matcher(written.text()).find()
                                && entries(page, address).stream().noneMatch(RawHtml::refuses)) {
                            found.add(new Finding(refused.get(), needles));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> addresses(Element element, String name, String value) {
        if (name.equals("content") && element.normalName().equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh")) {
            Matcher url = REFRESH_URL.matcher(value);
            return url.find() ? List.of(url.group(1)) : List.of();
        }
        if (!ADDRESSES.contains(name)) {
            return List.of();
        }
        if (name.endsWith("srcset")) {
            List<String> candidates = new ArrayList<>();
            for (String candidate : value.split(",(?=\\s)|,$")) {   // a data: address holds commas; a candidate list's comma is followed by a space
                String address = candidate.strip().split("\\s+")[0];
                if (!address.isEmpty()) {
                    candidates.add(address);
                }
            }
            return candidates;
        }
        return List.of(value);
    }

    /** Why a browser must not be given {@code address} in {@code element}'s {@code attribute}, or empty. */
    private static Optional<String> refusal(Element element, String attribute, String address) {
        String plain = browserUrl(address);
        String lower = plain.toLowerCase(Locale.ROOT);
        Matcher scheme = SCHEME.matcher(lower);
        String tag = "<" + element.normalName() + " " + attribute + "=\"" + shorten(address) + "\">";
        Optional<String> refusedScheme = SafeSchemes.refused(address);
        if (refusedScheme.isPresent()) {
            if (refusedScheme.get().equals("data") && element.normalName().equals("img") && attribute.startsWith("src")
                    && IMAGE_DATA.matcher(lower).matches()) {
                return Optional.empty();
            }
            return Optional.of("the page would hold " + tag + ": a " + refusedScheme.get() + ": address "
                    + (refusedScheme.get().equals("data") ? "puts a file in the page" : "runs code or opens something other than a page")
                    + ", however it is spelt (an attribute, {empty}, an entity): link to a page (https://...[text],"
                    + " xref:page.adoc[text]), and put pictures in assets/");
        }
        boolean elsewhere = scheme.matches() || lower.startsWith("//");
        boolean fetched = FETCHED.contains(attribute) || attribute.equals("href") && element.normalName().equals("link")
                && java.util.Arrays.stream(element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).anyMatch(FETCHED_LINKS::contains);
        if (elsewhere && fetched) {
            return Optional.of("the page would hold " + tag + ", which fetches a file from another site as the page is shown:"
                    + " the server's security policy blocks it, and it tells that site who reads the page; put the file in the"
                    + " school's assets/ folder (image::name.png[What it shows]), or link to it: https://...[what it is]");
        }
        return Optional.empty();
    }

    /** {@code address} as a browser's URL parser sees it: tabs and newlines removed, C0 controls and spaces stripped at both ends. */
    static String browserUrl(String address) {
        return SafeSchemes.browserUrl(address);
    }

    /**
     * Source text that leads to where the author wrote the address, best first: the link's text in
     * its macro ({@code [text]}), the address as written, a use of an attribute whose value is part
     * of it ({@code {name}}), that attribute's entry, then the address's tail after its scheme.
     */
    private static List<String> needles(Element element, String address, StagedPage page) {
        Set<String> needles = new LinkedHashSet<>();
        String text = element.text().isBlank() && element.selectFirst("img[alt]") != null
                ? element.selectFirst("img[alt]").attr("alt") : element.normalName().equals("img") ? element.attr("alt") : element.text();
        String plain = browserUrl(address);
        if (!text.isBlank() && !text.equals(plain)) {
            needles.add("[" + text);
        }
        // Attribute entries: the page's own header and those Polisi writes for the school's settings (attributes:).
        List<String> entries = new ArrayList<>();
        for (String line : page.asciidoc().split("\n")) {
            Matcher entry = ADOC_ENTRY.matcher(line);
            if (entry.matches() && partOf(entry.group(2), plain)) {
                needles.add("{" + entry.group(1) + "}");
                entries.add(line);
            }
        }
        for (SourceLine line : page.originsAndSettings()) {
            Matcher entry = line == null || line.file() == null || !line.file().getFileName().toString().endsWith(".yml")
                    ? null : YAML_ENTRY.matcher(line.text());
            if (entry != null && entry.matches() && partOf(entry.group(2), plain)) {
                needles.add("{" + entry.group(1) + "}");
                entries.add(line.text());
            }
        }
        needles.add(plain);
        needles.addAll(entries);
        if (Set.of("video", "audio", "iframe", "source", "track").contains(element.normalName())) {
            needles.add("video:");       // a media macro writes these elements (RawHtml refuses another site's player there)
            needles.add("audio:");
        }
        int colon = plain.indexOf(':');
        if (colon > 0 && plain.length() - colon > 4) {
            needles.add(plain.substring(colon + 1));
        }
        return List.copyOf(needles);
    }

    /** The values of the page's attribute entries that hold {@code address} or a telling part of it. */
    private static List<String> entries(StagedPage page, String address) {
        String plain = browserUrl(address);
        List<String> values = new ArrayList<>();
        for (String line : page.asciidoc().split("\\n")) {
            Matcher entry = ADOC_ENTRY.matcher(line);
            if (entry.matches() && (partOf(entry.group(2), plain) || entry.group(2).contains(plain))) {
                values.add(entry.group(2));
            }
        }
        return values;
    }

    /** Whether an attribute's value is long enough to tell, and part of the address. */
    private static boolean partOf(String value, String address) {
        String strip = value.strip();
        return strip.length() >= 3 && address.contains(strip);
    }

    private static String shorten(String value) {
        String strip = value.strip();
        return strip.length() > 60 ? strip.substring(0, 60) + "…" : strip;
    }
}
