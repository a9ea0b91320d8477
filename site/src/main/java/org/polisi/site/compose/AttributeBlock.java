package org.polisi.site.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Document header attributes for a staged page. Values are put on one line; Asciidoctor applies
 * its header substitutions to them (escaping {@code <} and {@code &}), so the theme can print them as HTML.
 */
final class AttributeBlock {
    private final Map<String, String> values = new LinkedHashMap<>();

    AttributeBlock put(String name, String value) {
        values.put(name, oneLine(value));
        return this;
    }

    AttributeBlock putAll(Map<String, String> more) {
        more.forEach(this::put);
        return this;
    }

    /** The value put under {@code name}, or null. */
    String get(String name) {
        return values.get(name);
    }

    String render() {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(':').append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
