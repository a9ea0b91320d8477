package org.polisi.site.forms.definition;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.HashMap;
import java.util.Map;

/**
 * The interface words of one language. Every message is an ICU4J {@link MessageFormat} pattern with
 * named arguments ({@code {school}}, {@code {n}}), as in the site's and the server's bundles
 * (docs/adr/0035). In ICU's default apostrophe mode a single apostrophe is literal, so the
 * apostrophes of Welsh ("Rwy'n", "casglu'r") need no escaping.
 */
public final class Messages {

    private final String language;
    private final Map<String, String> byKey;

    Messages(String language, Map<String, String> byKey) {
        this.language = language;
        this.byKey = byKey;
    }

    String language() {
        return language;
    }

    /**
     * The message with its named arguments, given as name, value, name, value...
     *
     * @throws IllegalStateException when the bundle lacks the key: a build bug, not a content one
     */
    public String get(String key, String... namesAndValues) {
        String message = byKey.get(key);
        if (message == null) {
            throw new IllegalStateException("message '" + key + "' is missing from forms_" + language + ".properties");
        }
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            arguments.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new MessageFormat(message, ULocale.forLanguageTag(language)).format(arguments);
    }

    public boolean has(String key) {
        return byKey.containsKey(key);
    }
}
