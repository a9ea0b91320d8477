package org.polisi.site.forms;

import java.util.Map;

/**
 * The interface words of one language. Placeholders are {@code {name}} replaced literally: not
 * {@link java.text.MessageFormat}, whose quoting rules would eat the apostrophes of Welsh
 * ("Rwy'n", "casglu'r").
 */
final class Messages {

    private final String language;
    private final Map<String, String> byKey;

    Messages(String language, Map<String, String> byKey) {
        this.language = language;
        this.byKey = byKey;
    }

    String language() {
        return language;
    }

    /** @throws IllegalStateException when the bundle lacks the key: a build bug, not a content one */
    String get(String key, String... namesAndValues) {
        String message = byKey.get(key);
        if (message == null) {
            throw new IllegalStateException("message '" + key + "' is missing from forms_" + language + ".properties");
        }
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            message = message.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return message;
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }
}
