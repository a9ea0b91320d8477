package org.polisi.forms.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where to go after signing in: the staff page that was asked for before the sign-in page, carried
 * in the sign-in pages' {@code next} parameter. Only a same-origin relative path under
 * {@code /staff/} is accepted (OWASP "Unvalidated Redirects and Forwards"; ASVS 5.0 V3): never an
 * absolute URL, a scheme-relative {@code //host}, a backslash (browsers read {@code /\host} as
 * {@code //host}), a control character or space (browsers drop tabs and line breaks from URLs), a
 * percent escape in the path (so no encoded slash, backslash or dot can turn into one later), a dot
 * segment, or the sign-in and sign-out addresses themselves. Anything else is ignored and the
 * dashboard is used.
 */
final class ReturnPath {

    static final String PARAMETER = "next";
    static final String DASHBOARD = "/staff/";
    private static final int MAX_LENGTH = 1_000;
    /** RFC 3986 path characters without '%': unreserved, sub-delims, ':' '@' '/'. */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";
    /** In the query, '?' and percent escapes too. */
    private static final String QUERY_CHARACTERS = PATH_CHARACTERS + "?%";

    private ReturnPath() {
    }

    /**
     * @param asked the {@code next} parameter as decoded from the request, or null
     * @return the path and query to redirect to, when it is one this server's staff pages may be
     *     reached by; empty otherwise
     */
    static Optional<String> of(String asked) {
        if (asked == null || asked.isEmpty() || asked.length() > MAX_LENGTH || !asked.startsWith(DASHBOARD)) {
            return Optional.empty();
        }
        int question = asked.indexOf('?');
        String path = question < 0 ? asked : asked.substring(0, question);
        String query = question < 0 ? "" : asked.substring(question + 1);
        if (!only(path, PATH_CHARACTERS) || !only(query, QUERY_CHARACTERS) || !wellEscaped(query)) {
            return Optional.empty();
        }
        if (path.contains("//") || (path + "/").contains("/./") || (path + "/").contains("/../")
                || path.startsWith("/staff/login") || path.startsWith("/staff/logout")) {
            return Optional.empty();
        }
        return Optional.of(asked);
    }

    /** The path and query of a GET to a staff page, when it is one to come back to after signing in. */
    static Optional<String> ofRequest(String path, String query) {
        return of(query == null || query.isEmpty() ? path : path + "?" + query);
    }

    /**
     * A staff address that passes the page to return to on: {@code path?next=…}, or {@code path}
     * alone when there is nowhere valid to return to, or nowhere but the dashboard.
     *
     * @param path a staff path without a query, such as {@code /staff/account}
     */
    static String withNext(String path, Optional<String> next) {
        return next.filter(page -> !page.equals(DASHBOARD))
                .map(page -> path + "?" + PARAMETER + "=" + URLEncoder.encode(page, StandardCharsets.UTF_8)).orElse(path);
    }

    /** {@code &next=…} for a sign-in address, or "" when there is nowhere valid to return to. */
    static String parameter(Optional<String> next) {
        return next.map(path -> "&" + PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8)).orElse("");
    }

    private static boolean only(String text, String allowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && allowed.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean wellEscaped(String query) {
        for (int i = query.indexOf('%'); i >= 0; i = query.indexOf('%', i + 1)) {
            if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
                    || Character.digit(query.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
