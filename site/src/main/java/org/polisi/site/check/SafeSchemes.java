package org.polisi.site.check;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for which addresses a published page may link to: {@code http}, {@code https},
 * {@code mailto} and {@code tel}, or an address without a scheme (a page of the site, a section).
 * The address is read as a browser's URL parser reads an attribute's value (WHATWG URL Standard,
 * "basic URL parser": leading and trailing C0 controls and spaces stripped, ASCII tabs and newlines
 * removed anywhere, the scheme case-insensitive). {@link UnsafeUrls} applies it to every address of
 * the rendered HTML; the importer applies it to every link of a document it converts, so that what
 * the importer keeps as a link is what the build accepts (docs/adr/0100).
 */
public final class SafeSchemes {
    /** The schemes a page may link to. */
    public static final Set<String> ALLOWED = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):.*", Pattern.DOTALL);
    private static final Pattern TABS_AND_NEWLINES = Pattern.compile("[\\t\\n\\r]");
    private static final Pattern EDGES = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");

    private SafeSchemes() {
    }

    /**
     * @param address an address as a browser receives it (an attribute's value, HTML entities already decoded)
     * @return its scheme in lower case when that scheme is not one a page may link to ({@code javascript},
     *     {@code data}, {@code ftp}...); empty for an allowed scheme or an address without one
     */
    public static Optional<String> refused(String address) {
        Matcher scheme = SCHEME.matcher(browserUrl(address).toLowerCase(Locale.ROOT));
        return scheme.matches() && !ALLOWED.contains(scheme.group(1)) ? Optional.of(scheme.group(1)) : Optional.empty();
    }

    /** {@code address} as a browser's URL parser sees it: tabs and newlines removed, C0 controls and spaces stripped at both ends. */
    public static String browserUrl(String address) {
        return EDGES.matcher(TABS_AND_NEWLINES.matcher(address).replaceAll("")).replaceAll("");
    }
}
