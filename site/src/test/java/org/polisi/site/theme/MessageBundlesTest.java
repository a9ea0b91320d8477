package org.polisi.site.theme;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundle family of the theme ({@code site_*}, {@code forms_*}, {@code server_*}, whatever is
 * in themes/default/i18n) has a file in every language, and each file the same keys as the others.
 * Every message is a valid ICU MessageFormat pattern with the same named arguments in every
 * language, and every counted message has the plural forms its language needs by CLDR.
 */
class MessageBundlesTest {
    private static final Pattern BUNDLE = Pattern.compile("([a-z]+)_([a-z]{2,3})\\.properties");
    /** family → language → keys */
    private static final Map<String, Map<String, Set<String>>> bundles = new TreeMap<>();
    /** family → language → key → message */
    private static final Map<String, Map<String, Map<String, String>>> messages = new TreeMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.theme().resolve("i18n"))) {
            for (Path file : files.sorted().toList()) {
                Matcher name = BUNDLE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    bundles.computeIfAbsent(name.group(1), f -> new TreeMap<>()).put(name.group(2), keys(file));
                    messages.computeIfAbsent(name.group(1), f -> new TreeMap<>()).put(name.group(2), read(file));
                }
            }
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> read = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> read.put(key, properties.getProperty(key)));
        return read;
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void theThemeHasSiteAndFormsBundlesInEnglishAndWelsh() {
        assertTrue(bundles.keySet().containsAll(List.of("site", "forms")), bundles.keySet().toString());
        assertTrue(bundles.get("site").keySet().containsAll(List.of("en", "cy")));
    }

    @Test
    void everyFamilyHasAFileInEveryLanguage() {
        Set<String> languages = new TreeSet<>();
        bundles.values().forEach(family -> languages.addAll(family.keySet()));
        bundles.forEach((family, files) -> assertEquals(languages, files.keySet(), family + "_*.properties"));
    }

    @Test
    void everyKeyOfOneLanguageExistsInTheOthers() {
        List<String> missing = new ArrayList<>();
        bundles.forEach((family, files) -> {
            Set<String> all = new TreeSet<>();
            files.values().forEach(all::addAll);
            files.forEach((language, keys) -> all.stream().filter(key -> !keys.contains(key))
                    .forEach(key -> missing.add(family + "_" + language + ".properties lacks " + key)));
        });
        assertEquals(List.of(), missing);
    }

    @Test
    void everyMessageIsAnIcuPatternWithTheSameNamedArgumentsInEveryLanguage() {
        List<String> wrong = new ArrayList<>();
        messages.forEach((family, languages) -> {
            Map<String, String> english = languages.get("en");
            languages.forEach((language, byKey) -> byKey.forEach((key, pattern) -> {
                String where = family + "_" + language + ".properties " + key;
                try {
                    Set<String> names = IcuMessages.argumentNames(pattern);
                    if (names.stream().anyMatch(n -> n.matches("\\d+"))) {
                        wrong.add(where + ": numbered argument; name it ({field}, {count})");
                    }
                    if (english != null && english.containsKey(key) && !names.equals(IcuMessages.argumentNames(english.get(key)))) {
                        wrong.add(where + ": arguments " + names + " differ from English " + IcuMessages.argumentNames(english.get(key)));
                    }
                } catch (IllegalArgumentException e) {
                    wrong.add(where + ": not an ICU MessageFormat pattern: " + e.getMessage());
                }
            }));
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyCountedMessageHasThePluralFormsItsLanguageNeeds() {
        List<String> missing = new ArrayList<>();
        int counted = 0;
        for (var family : messages.entrySet()) {
            for (var language : family.getValue().entrySet()) {
                Set<String> needed = com.ibm.icu.text.PluralRules.forLocale(com.ibm.icu.util.ULocale.forLanguageTag(language.getKey()))
                        .getKeywords();
                for (var message : language.getValue().entrySet()) {
                    for (Set<String> forms : IcuMessages.pluralForms(message.getValue())) {
                        counted++;
                        Set<String> lacking = new TreeSet<>(needed);
                        lacking.removeAll(forms);
                        if (!lacking.isEmpty()) {
                            missing.add(family.getKey() + "_" + language.getKey() + ".properties " + message.getKey() + " lacks " + lacking);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(counted >= 4, "the server's counted messages are found: " + counted);
    }

    @Test
    void welshNeedsSixPluralFormsAndEnglishTwo() {
        // The CLDR rules the test above holds the bundles to: a check that can fail.
        assertEquals(Set.of("zero", "one", "two", "few", "many", "other"),
                com.ibm.icu.text.PluralRules.forLocale(com.ibm.icu.util.ULocale.forLanguageTag("cy")).getKeywords());
        assertEquals(Set.of("one", "other"),
                com.ibm.icu.text.PluralRules.forLocale(com.ibm.icu.util.ULocale.forLanguageTag("en")).getKeywords());
        assertEquals(List.of(Set.of("one", "other")), IcuMessages.pluralForms("{n, plural, one {# day} other {# days}}"));
    }

    @Test
    void theSiteBundleHasAsciidoctorsCaptionsAndLabelsInEveryLanguage() {
        bundles.get("site").forEach((language, keys) -> {
            for (String label : org.polisi.site.compose.PageComposer.ASCIIDOC_LABELS) {
                assertTrue(keys.contains(org.polisi.site.compose.PageComposer.ASCIIDOC_WORDS + label), language + " asciidoc." + label);
            }
        });
    }

    @Test
    void everyNotYetTranslatedNoticeExistsInEveryLanguage() {
        Set<String> languages = bundles.get("site").keySet();
        bundles.get("site").forEach((language, keys) -> languages.forEach(missing ->
                assertTrue(keys.contains("translation.missing." + missing), language + " translation.missing." + missing)));
    }
}
