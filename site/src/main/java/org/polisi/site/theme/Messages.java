package org.polisi.site.theme;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The interface text of one language: every {@code *_<lang>.properties} bundle of the theme's
 * {@code i18n} folder (site, forms, server), read as UTF-8. Sentences with placeholders are
 * formatted whole, so that a Welsh sentence is never glued together from fragments: every message
 * is an ICU4J {@link MessageFormat} pattern with named arguments and CLDR plural rules (the one
 * convention of the site, the forms and the server: docs/adr/0035). A single apostrophe is
 * literal ("Rwy'n", "casglu'r"); only one before a brace would quote it.
 */
public final class Messages {
    /**
     * The interface text of every language the theme has ({@code site_<lang>.properties}), English
     * first: the root index speaks all of them.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static Map<String, Messages> everyLanguage(Path i18nDir) throws IOException {
        Map<String, Messages> messages = new java.util.LinkedHashMap<>();
        messages.put("en", load(i18nDir, "en"));
        try (Stream<Path> files = Files.list(i18nDir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("site_[a-z]{2,3}\\.properties")).sorted()
                    .map(n -> n.substring("site_".length(), n.length() - ".properties".length()))
                    .forEach(language -> messages.computeIfAbsent(language, l -> load(i18nDir, l)));
        }
        return messages;
    }

    /** The bundle family of the generated pages' own interface text ({@code site_<lang>.properties}). */
    public static final String SITE = "site";

    private final String language;
    private final Map<String, String> texts;
    private final Map<String, Map<String, String>> families;

    private Messages(String language, Map<String, String> texts, Map<String, Map<String, String>> families) {
        this.language = language;
        this.texts = texts;
        this.families = families;
    }

    public static Messages load(Path i18nDir, String language) {
        Map<String, String> texts = new TreeMap<>();
        Map<String, Map<String, String>> families = new TreeMap<>();
        String suffix = "_" + language + ".properties";
        try (Stream<Path> files = Files.list(i18nDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                Properties properties = new Properties();
                try (Reader reader = new java.io.StringReader(org.polisi.site.content.SourceText.readStrictly(file))) {
                    properties.load(reader);
                }
                String name = file.getFileName().toString();
                Map<String, String> family = families.computeIfAbsent(
                        name.substring(0, name.length() - suffix.length()), f -> new TreeMap<>());
                properties.forEach((key, value) -> {
                    texts.put((String) key, (String) value);
                    family.put((String) key, (String) value);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, String>> frozen = new TreeMap<>();
        families.forEach((name, family) -> frozen.put(name, Collections.unmodifiableMap(family)));
        return new Messages(language, Collections.unmodifiableMap(texts), Collections.unmodifiableMap(frozen));
    }

    /** The messages of one bundle family ({@code site}, {@code forms}, {@code server}), in key order. */
    public Map<String, String> family(String name) {
        return families.getOrDefault(name, Map.of());
    }

    public String language() {
        return language;
    }

    public Map<String, String> all() {
        return texts;
    }

    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in language '" + language + "'");
        }
        return text;
    }

    /**
     * The message for the key with its named arguments filled in; a number chooses the plural form
     * by this language's CLDR rules.
     *
     * @throws IllegalArgumentException when the key is missing (a theme bug)
     */
    public String format(String key, Map<String, ?> arguments) {
        return new MessageFormat(get(key), ULocale.forLanguageTag(language)).format(arguments);
    }
}
