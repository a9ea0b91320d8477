package org.polisi.site.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a school's pages are published under, from its {@code base-url} setting and where
 * this build will be served. A {@code base-url} on this machine ({@code localhost}, a name under
 * {@code .localhost}, {@code 127.0.0.0/8} or {@code [::1]}: RFC 6761 §6.3, RFC 1122 §3.2.1.3,
 * RFC 4291 §2.5.3) names whichever local server is running, not a public address, so when the build
 * knows where it will be served ({@code ./polisi serve --port N}, {@code ./polisi preview --port N})
 * its scheme, host and port are that server's and its path is kept. Any other {@code base-url} is the
 * school's public address and wins unchanged; a blank one stays blank (a template preview).
 */
public final class BaseUrls {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private BaseUrls() {
    }

    /**
     * @param baseUrl  the setting as written (may be blank or null)
     * @param servedAt the origin the pages will be served at on this machine, or empty when unknown
     * @return the base address to write canonical, hreflang and sitemap addresses under ("" for none)
     */
    public static String effective(String baseUrl, Optional<URI> servedAt) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        if (base.isEmpty() || servedAt.isEmpty()) {
            return base;
        }
        URI written;
        try {
            written = new URI(base);
        } catch (URISyntaxException unreadable) {
            return base;    // left for the settings check to report, unchanged
        }
        if (!onThisMachine(written)) {
            return base;
        }
        URI origin = servedAt.get();
        String path = written.getRawPath() == null || written.getRawPath().isEmpty() ? "/" : written.getRawPath();
        return origin.getScheme() + "://" + origin.getRawAuthority() + path;
    }

    /** True when an address names this machine rather than a public host. */
    public static boolean onThisMachine(URI address) {
        String host = address.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || LOOPBACK_V4.matcher(host).matches()
                || host.equals("[::1]") || host.equals("::1");
    }
}
