package org.polisi.site.check;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What raw HTML an author may publish through AsciiDoc's passthroughs ({@code ++++} blocks,
 * {@code pass:[...]}, {@code +++...+++}): inert markup only, so that nothing a school pastes (an
 * old site's "embed code", a widget) runs code, shows or fetches another site, or collects what
 * people type on pages that carry parents' and pupils' forms (tester 4's fault 8). Deny by default:
 * <ul>
 *   <li>elements: only the inert ones of HTML's flow and phrasing content listed in
 *   {@link #ELEMENTS} (text, lists, tables, headings, quotations, images); {@code script},
 *   {@code iframe}, {@code object}, {@code embed}, {@code form} and its controls, {@code style},
 *   {@code link}, {@code meta}, {@code base}, {@code svg} and any other are refused, each with what to
 *   write instead;</li>
 *   <li>attributes: every event handler ({@code on*}) is refused; an address ({@code href},
 *   {@code src}, {@code srcset}, {@code cite}, {@code action}, {@code poster}, {@code data}...) may
 *   not use {@code javascript:}, {@code vbscript:}, {@code data:} or another scheme than
 *   {@code http}, {@code https}, {@code mailto}, {@code tel}; an image or other fetched file must
 *   come from this site (a relative address: CONTRIBUTING.md, "Images from other sites are errors"),
 *   as the Content-Security-Policy of {@code ./polisi serve} and docs/deploy.md's nginx
 *   ({@code img-src 'self'}) would block it anyway; a {@code style} attribute may not fetch
 *   anything ({@code url(}, {@code @import}) or run code ({@code expression(}).</li>
 * </ul>
 * The HTML is parsed as a browser would (jsoup's HTML5 parser, WHATWG "parsing HTML documents"), with
 * positions, so each finding has its line in the fragment.
 */
public final class HtmlPolicy {
    /** One refusal: its line in the fragment (from 1) and the message for the author. */
    public record Finding(int line, String message) {
    }

    /** The elements a passthrough may hold: HTML's inert flow and phrasing content. */
    static final Set<String> ELEMENTS = Set.of("a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
            "caption", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
            "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp",
            "rt", "ruby", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
            "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr");
    /** Attributes whose value is an address (HTML's URL-valued attributes and the old ones browsers still fetch). */
    static final Set<String> ADDRESSES = Set.of("href", "src", "srcset", "cite", "action", "formaction", "poster", "data",
            "background", "longdesc", "usemap", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "archive", "xlink:href", "icon");
    /** Addresses fetched when the page is shown (not followed by a click). */
    static final Set<String> FETCHED = Set.of("src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "codebase",
            "archive", "manifest", "icon");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern STYLE_FETCH_OR_CODE = Pattern.compile("(?i)url\\s*\\(|@import|expression\\s*\\(|behavior\\s*:|-moz-binding");
    /** The implied elements of a parsed fragment, present whether or not the author wrote them. */
    private static final Set<String> IMPLIED = Set.of("html", "head", "body");

    private HtmlPolicy() {
    }

    /** Every refusal in {@code html}, in document order; empty when it is inert markup only. */
    public static List<Finding> check(String html) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document document = parser.parseInput(html, "");
        List<Finding> findings = new ArrayList<>();
        for (Element element : document.getAllElements()) {
            if (element instanceof Document) {
                continue;
            }
            String name = element.normalName();
            int line = element.sourceRange().isTracked() ? Math.max(1, element.sourceRange().start().lineNumber()) : 1;
            if (IMPLIED.contains(name)) {
                if (element.sourceRange().isTracked() && !element.sourceRange().isImplicit()) {
                    findings.add(new Finding(line, "<" + name + "> cannot be written in a page: the theme writes the page around"
                            + " its text; remove it"));
                }
            } else if (!ELEMENTS.contains(name)) {
                findings.add(new Finding(line, element(name)));
                continue;   // one finding per refused element, not one more per attribute
            }
            for (Attribute attribute : element.attributes()) {
                attribute(name, attribute).ifPresent(message -> findings.add(new Finding(line, message)));
            }
        }
        return findings;
    }

    private static String element(String name) {
        return "<" + name + "> " + switch (name) {
            case "script", "noscript" -> "runs code on the school's pages, which carry parents' and pupils' forms: Polisi publishes"
                    + " no script from content. Remove it; for a video or a widget, link to it: https://...[what it is]";
            case "iframe", "frame", "frameset", "object", "embed", "applet", "portal" -> "shows another site inside the page, and"
                    + " tells that site who reads it: link to it instead, https://...[what it is]";
            case "form", "input", "button", "select", "textarea", "option", "fieldset", "label", "output", "datalist" ->
                    "would send what people type somewhere Polisi does not keep safely: define the form in forms/<id>.yml and"
                            + " embed it with form::<id>[] (docs/forms.md)";
            case "style", "link" -> "changes the school's pages beyond the theme, and can fetch files from other sites: remove it"
                    + " (the theme styles every page: themes/default)";
            case "meta", "base", "title", "head" -> "changes how the whole page is read or where its links go: remove it (the theme"
                    + " writes the page's head)";
            case "svg", "math" -> "can carry scripts and links of its own: save the picture as a file in the school's assets/"
                    + " folder and write image::name.svg[What it shows]";
            case "video", "audio", "source", "track", "picture", "canvas", "map", "area" ->
                    "is not published from raw HTML: for a picture write image::name.png[What it shows] with the file in assets/;"
                            + " for a video or a recording, link to it: https://...[what it is]";
            default -> "is not among the HTML elements Polisi publishes from content (text, lists, tables, headings, quotations,"
                    + " images): write it in AsciiDoc instead";
        };
    }

    private static Optional<String> attribute(String element, Attribute attribute) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (name.startsWith("on")) {
            return Optional.of("<" + element + " " + name + "=...> runs code when someone uses the page: remove the " + name
                    + " attribute");
        }
        if (name.equals("style") && STYLE_FETCH_OR_CODE.matcher(value).find()) {
            return Optional.of("<" + element + " style=\"...\"> fetches a file or runs code (" + value.strip()
                    + "): remove it; the theme styles every page, and images go in assets/ (image::name.png[What it shows])");
        }
        if (!ADDRESSES.contains(name)) {
            return Optional.empty();
        }
        for (String address : name.equals("srcset") ? srcset(value) : List.of(value)) {
            String plain = address.replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
            java.util.regex.Matcher scheme = SCHEME.matcher(plain);
            if (scheme.matches() && !LINK_SCHEMES.contains(scheme.group(1))) {
                return Optional.of("<" + element + " " + name + "=\"" + address.strip() + "\">: a " + scheme.group(1)
                        + ": address " + (scheme.group(1).equals("data") ? "puts a file in the page" : "runs code or opens something"
                        + " other than a page") + ": link to a page (https://...[text], xref:page.adoc[text]), and put images"
                        + " in assets/");
            }
            boolean elsewhere = scheme.matches() || plain.startsWith("//");
            if (elsewhere && FETCHED.contains(name)) {
                return Optional.of("<" + element + " " + name + "=\"" + address.strip() + "\"> fetches a file from another site,"
                        + " which the server's security policy blocks and which tells that site who reads the page: put the file"
                        + " in the school's assets/ folder and write image::" + fileName(address) + "[What it shows]");
            }
        }
        return Optional.empty();
    }

    private static List<String> srcset(String value) {
        List<String> addresses = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String address = candidate.strip().split("\\s+")[0];
            if (!address.isEmpty()) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static String fileName(String address) {
        String name = address.replaceFirst("[?#].*$", "").replaceFirst(".*/", "");
        return name.isBlank() ? "name.png" : name;
    }
}
