package org.polisi.forms;

/** Valid submissions for each fixture form, as a browser would post them; tests change one field at a time. */
public final class Submissions {

    private Submissions() {
    }

    public static String[] agreement(String language) {
        return new String[] {"form-id", "parent-agreement", "form-lang", language,
            "form-version", version(language, 1), "parent-name", "Siân Jones", "email", "sian@example.org",
            "pupil-year", "year-3", "start-date", "2026-09-01", "call-time", "09:30", "contact-method", "email",
            "agree-points", "rules", "agree-points", "devices", "relationship", "parent", "comments", "Diolch",
            "website", ""};
    }

    public static String[] consent(String language, String pupil, String photos, String video) {
        return new String[] {"form-id", "images-consent", "form-lang", language, "form-version", version(language, 2),
            "pupil-names", pupil, "pupil-names", "", "pupil-names", "", "consent.photos-on-website", photos,
            "consent.video", video, "website", ""};
    }

    public static String[] incident(String language, String urgentConcern, String whatHappened) {
        return new String[] {"form-id", "incident-report", "form-lang", language, "form-version", version(language, 3),
            "reporter-name", "Gareth Evans", "category", "cyberbullying", "urgent-concern", urgentConcern,
            "what-happened", whatHappened, "website", ""};
    }

    /** A withdrawal's first page: the reference (may be empty), the parent, one child, the consent form. */
    public static String[] withdrawal(String language, String reference, String pupil) {
        return new String[] {"form-id", "consent-withdrawal", "form-lang", language, "form-version",
            version(language, 4), "reference", reference, "parent-name", "Siân Jones", "pupil-names", pupil,
            "pupil-names", "", "pupil-names", "", "consent-form", "images-consent", "website", ""};
    }

    /** A withdrawal's second page: the first page's answers and the statements chosen ({@code all}, or keys). */
    public static String[] withdrawing(String language, String reference, String pupil, String... statements) {
        java.util.List<String> pairs = new java.util.ArrayList<>(java.util.List.of(withdrawal(language, reference, pupil)));
        pairs.add("withdraw-step");
        pairs.add("statements");
        for (String statement : statements) {
            pairs.add("withdraw");
            pairs.add(statement);
        }
        return pairs.toArray(String[]::new);
    }

    /**
     * The fixture's published version of form {@code form} (1 parent agreement, 2 images consent, 3 incident
     * report, 4 consent withdrawal, 5 online safety log, 6 class photos consent): the name of its snapshot in
     * fixture/agreed-texts, which it hashes to.
     */
    public static String version(String language, int form) {
        String[] english = {"9185fca34835", "b66afb8d88e9", "a62d1d408abd", "7dec942bce75", "5c0ffac7721f",
            "8ce0cb5bbc39"};
        String[] welsh = {"d74198109725", "8d07fb7ee220", "84c9bd21948b", "f9bd33deecf5", "d438e91b8fe9",
            "a3c4f0d575df"};
        return (language.equals("cy") ? welsh : english)[form - 1];
    }

    /** The same pairs with one value replaced (every occurrence of the name, first one kept). */
    public static String[] with(String[] pairs, String name, String value) {
        String[] changed = pairs.clone();
        for (int i = 0; i < changed.length; i += 2) {
            if (changed[i].equals(name)) {
                changed[i + 1] = value;
                return changed;
            }
        }
        String[] longer = java.util.Arrays.copyOf(changed, changed.length + 2);
        longer[changed.length] = name;
        longer[changed.length + 1] = value;
        return longer;
    }

    /** The same pairs without any value for the name (an unticked checkbox, an unanswered radio). */
    public static String[] without(String[] pairs, String name) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i].equals(name)) {
                kept.add(pairs[i]);
                kept.add(pairs[i + 1]);
            }
        }
        return kept.toArray(String[]::new);
    }

    /** The reference from a 303 Location {@code /forms/<school>/received/<reference>?t=…}. */
    public static String reference(java.net.http.HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location; status " + response.statusCode() + "\n" + response.body()));
        return location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
    }
}
