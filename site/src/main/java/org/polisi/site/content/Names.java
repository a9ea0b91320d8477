package org.polisi.site.content;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names authors give things that end up in URLs and ids: page keys, school ids, cluster ids,
 * form ids. A name is lower-case letters and digits in words joined by single hyphens
 * ({@code [a-z0-9]+(-[a-z0-9]+)*}), so that it is the same in every URL, link, file system and
 * language (docs/adr/0003-shared-slugs.md). Also the "did you mean" of a misspelt name.
 */
public final class Names {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Names() {
    }

    public static boolean isSlug(String name) {
        return name != null && SLUG.matcher(name).matches();
    }

    /** Windows's reserved device names (Microsoft, "Naming Files, Paths, and Namespaces"): no file may be called so, with any extension. */
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    /**
     * Why a school id that is a valid slug still cannot be a school's: the site and the server use the
     * first part of some addresses themselves ({@link org.polisi.contract.ReservedNames#SITE_PATHS}), and
     * Windows cannot make a folder with a device's name ({@code con}, {@code nul}, {@code com1}...).
     *
     * @param id a school id, a {@link #isSlug slug}
     * @return the reason, to follow "'ID' cannot be a school id: ", or empty when the id is free
     */
    public static Optional<String> reservedSchoolId(String id) {
        if (org.polisi.contract.ReservedNames.SITE_PATHS.contains(id)) {
            return Optional.of("/" + id + "/ is an address Polisi uses itself (" + String.join(", ",
                    new java.util.TreeSet<>(org.polisi.contract.ReservedNames.SITE_PATHS)) + "), so the school's pages would"
                    + " overwrite or hide it; choose another id");
        }
        if (WINDOWS_DEVICE.matcher(id).matches()) {
            return Optional.of("Windows cannot make a folder of that name, so the school's files could not be copied there; choose another id");
        }
        return Optional.empty();
    }

    /**
     * Why a page key that is a valid slug still cannot be a page's: {@code index} is the school's home
     * page, which the build writes itself (the list of its policies), so a page of that name would
     * silently replace it (tester 7's finding 14); a Windows device name ({@code con}, {@code nul},
     * {@code com1}...) is a file Windows cannot create, so a school working there could not check it out.
     *
     * @param key a page key, a {@link #isSlug slug}
     * @return the reason, to follow "this page cannot be called 'KEY': ", or empty when the key is free
     */
    public static Optional<String> reservedPageKey(String key) {
        if ("index".equals(key)) {
            return Optional.of("the build writes the school's home page, the list of its policies, as index.html in every language;"
                    + " give the page a name of its own (a home page's own words go in school.yml)");
        }
        if (WINDOWS_DEVICE.matcher(key).matches()) {
            return Optional.of("Windows cannot make a file of that name, so the school's files could not be copied there; give the page another name");
        }
        return Optional.empty();
    }

    /**
     * The valid name closest to {@code name}: accents dropped (ŵ → w), lower case, every run of
     * other characters one hyphen. "Anti Bullying" → "anti-bullying", "appendix-b-100%-safe" →
     * "appendix-b-100-safe". Empty when nothing usable is left.
     */
    public static String suggestSlug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug;
    }

    /** "use 'anti-bullying'" or, when nothing usable is left, how a name is made. */
    public static String advice(String name) {
        String suggestion = suggestSlug(name);
        return suggestion.isEmpty()
                ? "use lower-case letters a-z and digits, words joined by hyphens"
                : "rename it '" + suggestion + "' (lower-case letters a-z and digits, words joined by hyphens)";
    }

    /**
     * The known name nearest to {@code wrong} by edit distance (Levenshtein), when it is near
     * enough to be a slip (at most a third of its letters, and at least one, differ): the
     * "did you mean {@code headteacher}?" of an unknown settings key or attribute.
     */
    public static Optional<String> nearest(String wrong, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = LevenshteinDistance.getDefaultInstance().apply(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(1, Math.max(wrong.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }
}
