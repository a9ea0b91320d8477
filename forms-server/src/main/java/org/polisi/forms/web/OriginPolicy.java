package org.polisi.forms.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a POST may come from where the browser says it comes from. Browsers send
 * {@code Origin} (or at least {@code Referer}) with a form post; a request from a page on another
 * site is refused unless that site is configured as allowed. A request with neither header is not
 * from a browser page, so it cannot be a cross-site forgery, and is let through to the other checks.
 */
final class OriginPolicy {

    private final List<String> allowedOrigins;
    private final boolean httpsOnly;

    OriginPolicy(List<String> allowedOrigins, boolean httpsOnly) {
        this.allowedOrigins = allowedOrigins.stream().map(OriginPolicy::normalise).toList();
        this.httpsOnly = httpsOnly;
    }

    boolean allows(String originHeader, String refererHeader, String hostHeader) {
        Optional<String> source = originHeader != null ? Optional.of(originHeader) : originOf(refererHeader);
        if (source.isEmpty()) {
            return originHeader == null && refererHeader == null;
        }
        String origin = normalise(source.get());
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        return sameOrigin(origin, hostHeader);
    }

    private boolean sameOrigin(String origin, String hostHeader) {
        if (hostHeader == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false; // a registry-based authority such as 127.0.0.1:7401.evil.example is no host
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("https") || (!httpsOnly && scheme.equals("http")))) {
                return false;
            }
            return authority(uri).equalsIgnoreCase(hostHeader.strip());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String authority(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 80 && "http".equals(uri.getScheme()))
                || (port == 443 && "https".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static Optional<String> originOf(String referer) {
        if (referer == null || referer.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(referer.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.of("null");
            }
            return Optional.of(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException malformed) {
            return Optional.of("null");
        }
    }

    private static String normalise(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
