package org.polisi.site.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The initial consonant mutations of Welsh, so that a glossary term is found however grammar has
 * changed its first letter: "polisi" is also "bolisi" (soft: "ei bolisi"), "mholisi" (nasal: "ym
 * mholisi") and "pholisi" (aspirate: "a pholisi"). The table is the standard one (for example
 * Gareth King, <i>Modern Welsh: A Comprehensive Grammar</i>, ch. 1):
 *
 * <pre>
 *        soft  nasal  aspirate
 *   c    g     ngh    ch
 *   p    b     mh     ph
 *   t    d     nh     th
 *   g    —     ng
 *   b    f     m
 *   d    dd    n
 *   ll   l
 *   m    f
 *   rh   r
 * </pre>
 * and the h- a vowel takes after "ei" (her), "eu", "ein" ("eu henwau").
 */
final class Mutations {
    private static final String[][] TABLE = {
        {"ll", "l"}, {"rh", "r"},
        {"c", "g", "ngh", "ch"}, {"p", "b", "mh", "ph"}, {"t", "d", "nh", "th"},
        {"g", "", "ng"}, {"b", "f", "m"}, {"d", "dd", "n"}, {"m", "f"},
    };

    private Mutations() {
    }

    /** The word as written and every mutated form of it, in lower case. */
    static List<String> of(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        List<String> forms = new ArrayList<>();
        forms.add(lower);
        for (String[] row : TABLE) {
            if (lower.startsWith(row[0])) {
                String rest = lower.substring(row[0].length());
                for (int i = 1; i < row.length; i++) {
                    if (!(row[i] + rest).isEmpty()) {
                        forms.add(row[i] + rest);
                    }
                }
                break;
            }
        }
        if (!lower.isEmpty() && "aeiouwyâêîôûŵŷ".indexOf(lower.charAt(0)) >= 0) {
            forms.add("h" + lower);     // h-prothesis: "ei henw", "eu hysgol"
        }
        return forms;
    }
}
