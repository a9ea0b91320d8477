package org.polisi.site.compose;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document header attributes for a staged page. Values are put on one line; Asciidoctor applies
 * its header substitutions to them (escaping {@code <} and {@code &}), so the theme can print them as HTML.
 * {@link #html} applies the same substitutions here, for the page chrome that is handed to the
 * theme as records instead of attributes ({@link PageChrome}).
 */
final class AttributeBlock {
    /**
     * Asciidoctor 2.0's attribute reference ({@code Asciidoctor::AttributeReferenceRx}): an optional
     * backslash, a name of word characters and hyphens, in braces. The {@code {set:…}} and
     * {@code {counter:…}} directives are not references and are left as written.
     */
    private static final Pattern REFERENCE = Pattern.compile("(\\\\)?\\{(\\w[\\w-]*)(\\\\)?}", Pattern.UNICODE_CHARACTER_CLASS);
    /** Asciidoctor 2.0's {@code INTRINSIC_ATTRIBUTES}: defined in every document, as HTML. */
    private static final Map<String, String> INTRINSIC = Map.ofEntries(
            Map.entry("startsb", "["), Map.entry("endsb", "]"), Map.entry("vbar", "|"), Map.entry("caret", "^"),
            Map.entry("asterisk", "*"), Map.entry("tilde", "~"), Map.entry("plus", "&#43;"), Map.entry("backslash", "\\"),
            Map.entry("backtick", "`"), Map.entry("blank", ""), Map.entry("empty", ""), Map.entry("sp", " "),
            Map.entry("two-colons", "::"), Map.entry("two-semicolons", ";;"), Map.entry("nbsp", "&#160;"),
            Map.entry("deg", "&#176;"), Map.entry("zwsp", "&#8203;"), Map.entry("quot", "&#34;"), Map.entry("apos", "&#39;"),
            Map.entry("lsquo", "&#8216;"), Map.entry("rsquo", "&#8217;"), Map.entry("ldquo", "&#8220;"),
            Map.entry("rdquo", "&#8221;"), Map.entry("wj", "&#8288;"), Map.entry("brvbar", "&#166;"),
            Map.entry("pp", "&#43;&#43;"), Map.entry("cpp", "C&#43;&#43;"), Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"));
    /** A value that refers to itself, however indirectly, is not expanded deeper than this. */
    private static final int MAX_DEPTH = 16;

    private final Map<String, String> values = new LinkedHashMap<>();
    /** The values by name in lower case, as Asciidoctor stores and looks them up. */
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> resolved = new HashMap<>();

    AttributeBlock put(String name, String value) {
        String line = oneLine(value);
        values.put(name, line);
        byName.put(name.toLowerCase(Locale.ROOT), line);
        resolved.clear();
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

    /**
     * {@code text} as Asciidoctor would hand it to the theme had it been put as a header attribute
     * of this block: on one line, {@code <}, {@code >} and {@code &} escaped, each attribute
     * reference replaced by the value (itself so substituted) put under its name, case aside, or
     * by Asciidoctor's intrinsic value ({@code {nbsp}}), a reference written {@code \{name}} left as
     * {@code {name}}, and trimmed. A reference to a name with no value stays as written, which the
     * HTML check reports ({@code unresolved-attribute}) with the nearest known name.
     *
     * @param text the raw AsciiDoc text of an attribute value (null is "")
     * @return the HTML
     */
    String html(String text) {
        return substitute(oneLine(text), 0).trim();
    }

    private String substitute(String raw, int depth) {
        String escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        Matcher reference = REFERENCE.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(2);
            String value;
            if (reference.group(1) != null || reference.group(3) != null) {
                value = "{" + name + "}";
            } else {
                value = valueOf(name.toLowerCase(Locale.ROOT), depth);
                if (value == null) {
                    value = reference.group();
                }
            }
            reference.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return reference.appendTail(out).toString();
    }

    private String valueOf(String name, int depth) {
        String raw = byName.get(name);
        if (raw == null) {
            return INTRINSIC.get(name);
        }
        if (depth >= MAX_DEPTH) {
            return raw;
        }
        String known = resolved.get(name);
        if (known == null) {
            known = substitute(raw, depth + 1);
            resolved.put(name, known);
        }
        return known;
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
