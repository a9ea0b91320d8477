package org.polisi.site.confirm;

import org.polisi.site.compose.SettingsUsed;
import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.Settings;
import org.polisi.site.content.SettingsKeys;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school setting given as one text for every language (a plain string, not {@code {en: ..., cy: ...}}),
 * or under one language's key in another's words, whose words belong to a language, used by a page in another language: "Bydd the headteacher yn
 * ateb..." (tester 7, finding 2; docs/adr/0104). The school's name and who approved the policies
 * are {@link SettingsToConfirm}'s own checks; this one covers the roles ({@code roles:}), the local
 * authority and the school's own values ({@code attributes:}).
 *
 * <p>The rule, applied to the text without its e-mail and web addresses: each word that is in the
 * English or the Welsh list of {@code language-words.txt} (case ignored) is a word of that language;
 * any other word written all in lower case (two letters or more, not a name particle such as "ap" or
 * "van") is prose of a language the list does not tell. A text with none of these is language-neutral:
 * a person's name ("Mrs A. Example"), an initial, an e-mail address, a phone number, a date, a number.
 * A page in language L is wrong to show it when its words include another language's, or prose of an
 * unknown language while the site publishes more than one language (one text cannot be prose in both).
 * A site in English only is flagged only for Welsh words. A setting given per language is checked the
 * same way, each language's text on that language's pages ({@code cy: the headteacher}), except that an
 * unlisted word under a language's own key is taken to be that language's.
 *
 * <p>A setting is used by a page when the page's text names it ({@link SettingsUsed}: directly, in a
 * condition, or through another used setting's value).
 */
final class OneTextSettings {
    /** The end of each item's {@code what}: how {@link ToConfirmList} knows the items that have a page warning. */
    static final String WHAT_SUFFIX = "(one text for every language)";
    /** The end of the {@code what} of a setting given per language whose text for one language is another's words. */
    static final String OTHER_WORDS_SUFFIX = "(another language's words under its key)";
    private static final Map<String, Set<String>> WORDS = load();
    private static final Set<String> PARTICLES = Set.of("ap", "ab", "ferch", "verch", "de", "da", "di", "du", "del", "della",
            "der", "den", "van", "von", "le", "la", "bin", "binti", "bint", "al", "el", "dos", "das", "do");
    private static final String UNKNOWN = "?";
    private static final Pattern ADDRESS = Pattern.compile("(?i)\\S+@\\S+|https?://\\S+|www\\.\\S+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:[-'’][\\p{L}\\p{M}]+)*");
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("en", "English", "cy", "Welsh");

    private OneTextSettings() {
    }

    /**
     * One setting to confirm: its attribute name, the key path it is written at in {@code school.yml}
     * or {@code cluster.yml}, whether it is one text for every language ({@code plain}) or a text per
     * language, the text a page shows wrongly, the languages whose pages show it, and the lines of
     * those pages that name it directly (empty when they use it only through another setting).
     */
    record Finding(String name, String[] key, boolean plain, String value, Set<String> wrongIn, String firstPage,
                   List<SourceLine> uses) {
    }

    /**
     * The settings of a school site that one of its pages shows in the wrong language, in the order
     * of its settings; none for a cluster template's preview (its schools are checked instead).
     */
    static List<Finding> find(ResolvedSite site) {
        if (site.source().kind() != SiteSource.Kind.SCHOOL) {
            return List.of();
        }
        Settings settings = site.source().settings();
        boolean several = site.languages().size() > 1;
        // For each setting, the languages whose pages would show it in another language.
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        for (Map.Entry<String, LocalizedText> setting : settings.attributes().entrySet()) {
            // The school's name has its own item (SettingsToConfirm), whatever its words.
            if (setting.getKey().equals("school-name")) {
                continue;
            }
            LocalizedText value = setting.getValue();
            for (String language : site.languages()) {
                String text = value.in(language).orElse("");
                // Prose the lists cannot place is wrong only as one text for several languages: under its
                // own language's key, an unlisted word is that language's.
                if (!text.isBlank() && wrong(languagesOf(text), language, several && value.everyLanguage() != null)) {
                    candidates.computeIfAbsent(setting.getKey(), name -> new TreeSet<>()).add(language);
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();     // most schools: no page needs reading
        }
        Map<String, Set<String>> wrongIn = new LinkedHashMap<>();
        Map<String, String> firstPage = new LinkedHashMap<>();
        Map<String, List<SourceLine>> uses = new LinkedHashMap<>();
        for (String language : site.languages()) {
            for (ResolvedPage page : site.pages(language).values().stream()
                    .sorted(java.util.Comparator.comparing(ResolvedPage::key)).toList()) {
                Set<String> used = SettingsUsed.by(page.bodyText(), settings.attributes(), List.of()).keySet();
                for (String name : used) {
                    if (!candidates.getOrDefault(name, Set.of()).contains(language)) {
                        continue;
                    }
                    wrongIn.computeIfAbsent(name, n -> new TreeSet<>()).add(language);
                    firstPage.putIfAbsent(name, language + "/" + page.key());
                    Pattern reference = Pattern.compile("\\{" + Pattern.quote(name) + "}", Pattern.CASE_INSENSITIVE);
                    for (SourceLine line : page.body()) {
                        if (line.file() != null && reference.matcher(line.text()).find()) {
                            uses.computeIfAbsent(name, n -> new ArrayList<>()).add(line);
                        }
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        wrongIn.forEach((name, languages) -> {
            LocalizedText value = settings.attributes().get(name);
            findings.add(new Finding(name, keyOf(name), value.everyLanguage() != null, value.inOrEnglish(languages.iterator().next()),
                    languages, firstPage.get(name), List.copyOf(uses.getOrDefault(name, List.of()))));
        });
        return findings;
    }

    /** The item's {@code what}: which setting, its text, and the pages that show it. */
    static String what(Finding finding) {
        String key = String.join(".", finding.key());
        return finding.plain()
                ? key + " is '" + finding.value() + "' on the " + names(finding.wrongIn()) + " pages too " + WHAT_SUFFIX
                : key + " is '" + finding.value() + "' on the " + names(finding.wrongIn()) + " pages " + OTHER_WORDS_SUFFIX;
    }

    /** The item's {@code why}: what the reader sees, and the ways to settle it. */
    static String why(Finding finding, boolean templateGivesIt) {
        String key = String.join(".", finding.key());
        return "its words are not " + names(finding.wrongIn()) + ", and " + finding.firstPage() + " shows them mid-sentence: "
                + (finding.plain() ? "give it in each language (" + key + ": {en: ..., cy: ...})"
                        + (templateGivesIt ? ", or leave the line out to use the template's" : "")
                        : "give each language its own words (" + key + ": {en: ..., cy: ...})")
                + ", or, if the school confirms the words are right in every language, record that with '# polisi: confirmed' above the line";
    }

    /**
     * The build's warnings for the open items of a site: at each line of the school's own pages that
     * names a listed setting, or, when only the template's pages (or another setting) use it, at the
     * setting's own line, naming the first page that shows it. A template's line is shared by every
     * school of the cluster, and a warning there would hold them all back under {@code --strict}.
     */
    static List<Problem> warnings(ResolvedSite site, List<ToConfirm> open) {
        List<ToConfirm> listed = open.stream().filter(item -> item.source().equals(SettingsToConfirm.SOURCE)
                && (item.what().endsWith(WHAT_SUFFIX) || item.what().endsWith(OTHER_WORDS_SUFFIX))).toList();
        if (listed.isEmpty()) {
            return List.of();
        }
        Path own = site.source().dir().toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        for (Finding finding : find(site)) {
            ToConfirm item = listed.stream().filter(each -> each.what().equals(what(finding))).findFirst().orElse(null);
            if (item == null) {
                continue;      // confirmed at its line
            }
            List<SourceLine> ours = finding.uses().stream()
                    .filter(line -> line.file().toAbsolutePath().normalize().startsWith(own)).toList();
            if (ours.isEmpty()) {
                // Only the template's pages name it (or another setting's value does): said at the setting's line, with where.
                String where = finding.uses().isEmpty() ? "" : " (the template's " + shortPath(finding.uses().get(0).file())
                        + ":" + finding.uses().get(0).number() + ")";
                problems.add(Problem.warning("setting-language", item.file(), item.line(), message(finding, item, where)));
            }
            ours.forEach(line -> problems.add(Problem.warning("setting-language", line.file(), line.number(), message(finding, item, ""))));
        }
        return problems;
    }

    /**
     * The languages of a text's words by the rule above ({@code "en"}, {@code "cy"}, and {@code "?"}
     * for lower-case prose the lists do not know); empty for a language-neutral text.
     */
    static Set<String> languagesOf(String text) {
        String words = ADDRESS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ");
        Set<String> languages = new TreeSet<>();
        Matcher word = WORD.matcher(words);
        while (word.find()) {
            String found = word.group();
            String lower = found.toLowerCase(Locale.ROOT).replace('’', '\'');
            if (found.length() == 1 && !found.equals(lower)) {
                continue;       // an initial: "Mrs Y. Jones"
            }
            boolean known = false;
            for (Map.Entry<String, Set<String>> list : WORDS.entrySet()) {
                if (list.getValue().contains(lower)) {
                    languages.add(list.getKey());
                    known = true;
                }
            }
            if (!known && found.equals(lower) && found.length() > 1 && !PARTICLES.contains(lower)) {
                languages.add(UNKNOWN);
            }
        }
        return languages;
    }

    /** Whether a page in {@code language} is wrong to show a text whose words are of {@code languages}. */
    private static boolean wrong(Set<String> languages, String language, boolean severalLanguages) {
        for (String of : languages) {
            if (of.equals(UNKNOWN) ? severalLanguages : !of.equals(language)) {
                return true;
            }
        }
        return false;
    }

    /** Where an attribute is written in a settings file (SettingsLoader reads it from there). */
    private static String[] keyOf(String name) {
        if (SettingsKeys.ROLES.contains(name)) {
            return new String[] {"roles", name};
        }
        if (name.equals("local-authority")) {
            return new String[] {name};
        }
        return new String[] {"attributes", name};
    }

    /** A warning's text: the setting, its one text, the page that shows it ({@code where}) and the item's advice. */
    private static String message(Finding finding, ToConfirm item, String where) {
        return "{" + finding.name() + "} is '" + finding.value() + "', " + (finding.plain() ? "one text for every language"
                : "not " + names(finding.wrongIn()) + " words") + ", on a " + names(finding.wrongIn())
                + " page" + where + " (" + String.join(".", finding.key()) + " at " + item.file().getFileName() + ":" + item.line()
                + "): " + item.why();
    }

    /** The last three parts of a page's path ({@code ngp/cy/online-safety-policy.adoc}): enough to find it. */
    private static String shortPath(Path file) {
        int parts = file.getNameCount();
        return file.subpath(Math.max(0, parts - 3), parts).toString();
    }

    private static String names(Set<String> languages) {
        return String.join(" and ", languages.stream().map(language -> LANGUAGE_NAMES.getOrDefault(language, language)).toList());
    }

    /** The word lists, by language, from {@code language-words.txt} beside this class. */
    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        try (InputStream in = OneTextSettings.class.getResourceAsStream("language-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("language-words.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> current = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String text = Normalizer.normalize(line.strip(), Normalizer.Form.NFC);
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (text.startsWith("[") && text.endsWith("]")) {
                    current = lists.computeIfAbsent(text.substring(1, text.length() - 1), l -> new java.util.HashSet<>());
                } else if (current != null) {
                    current.add(text.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(lists);
    }
}
