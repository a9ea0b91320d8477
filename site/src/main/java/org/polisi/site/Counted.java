package org.polisi.site;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.Map;

/**
 * A number of things in the command line's English ("1 school", "2 schools"), by ICU's plural rules
 * (CLDR), as the interface bundles count things (CONTRIBUTING.md, "An interface string"): never
 * "1 items".
 */
public final class Counted {
    private Counted() {
    }

    /**
     * @param count how many
     * @param one   the noun for one, e.g. {@code "school"}
     * @param other the noun for any other number, e.g. {@code "schools"}
     * @return e.g. {@code "1 school"}, {@code "0 schools"}, {@code "1,204 pages"}
     */
    public static String of(long count, String one, String other) {
        return new MessageFormat("{count, plural, one {# " + one + "} other {# " + other + "}}", ULocale.ENGLISH)
                .format(Map.of("count", count));
    }
}
