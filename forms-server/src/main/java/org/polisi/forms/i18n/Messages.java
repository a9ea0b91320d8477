package org.polisi.forms.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The server's own words in each language, from {@code themes/default/i18n/server_<lang>.properties}
 * (copied onto the classpath at {@code i18n/} by the build). Read as UTF-8 explicitly so that
 * Welsh letters (ŵ, ŷ, â) survive whatever the platform's default is.
 */
public final class Messages {

    public static final String ENGLISH = "en";
    public static final String WELSH = "cy";
    public static final Set<String> LANGUAGES = Set.of(ENGLISH, WELSH);

    private final Map<String, Properties> bundles = new HashMap<>();

    public Messages() {
        for (String language : LANGUAGES) {
            bundles.put(language, load("/i18n/server_" + language + ".properties"));
        }
    }

    static Properties load(String resource) {
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("message bundle " + resource + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A supported language, or English: the one fallback every school has. */
    public static String supported(String language) {
        return language != null && LANGUAGES.contains(language) ? language : ENGLISH;
    }

    /** The message for the key, with {0}, {1}… filled in. A missing key is a bug: it fails loudly. */
    public String get(String language, String key, Object... arguments) {
        String pattern = bundles.get(supported(language)).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in language " + language);
        }
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.forLanguageTag(language)).format(arguments);
    }

    /** The other language of a bilingual pair, for the language toggle. */
    public static String other(String language) {
        return WELSH.equals(language) ? ENGLISH : WELSH;
    }
}
