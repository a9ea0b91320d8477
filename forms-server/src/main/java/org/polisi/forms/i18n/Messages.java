package org.polisi.forms.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The server's own words in each language, from {@code themes/default/i18n/server_<lang>.properties}
 * (copied onto the classpath at {@code i18n/} by the build). Read as UTF-8 explicitly so that
 * Welsh letters (ŵ, ŷ, â) survive whatever the platform's default is.
 *
 * <p>Every message is an ICU4J {@link MessageFormat} pattern with <em>named</em> arguments
 * ({@code {field}}, {@code {count, plural, one {# form} other {# forms}}}), formatted with the
 * language's CLDR plural rules: Welsh has six plural categories (zero, one, two, few, many,
 * other), English two. See docs/adr/0035-icu-messages-plurals-and-dates.md. A single apostrophe
 * is literal (ICU's "double optional" mode), so "Rwy’n" and "Rwy'n" need no escaping.
 */
public final class Messages {

    public static final String ENGLISH = Language.ENGLISH.tag();
    public static final String WELSH = Language.WELSH.tag();

    private final Map<String, Properties> bundles = new HashMap<>();

    public Messages() {
        for (Language language : Language.values()) {
            bundles.put(language.tag(), load("/i18n/server_" + language.tag() + ".properties"));
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
        return Language.orEnglish(language).tag();
    }

    /** The message for the key, which takes no arguments. A missing key is a bug: it fails loudly. */
    public String get(String language, String key) {
        return format(language, key, Map.of());
    }

    /**
     * The message for the key with its named arguments filled in: numbers are formatted and choose
     * the plural form by the language's CLDR rules, anything else is written as text.
     *
     * @throws IllegalArgumentException when the key is missing (a bug, not a user error)
     */
    public String format(String language, String key, Map<String, ?> arguments) {
        String supported = supported(language);
        String pattern = bundles.get(supported).getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in language " + language);
        }
        return new MessageFormat(pattern, ULocale.forLanguageTag(supported)).format(arguments);
    }

    /** The other language of a bilingual pair, for the language toggle. */
    public static String other(String language) {
        return Language.orEnglish(language).other().tag();
    }
}
