package org.polisi.site.proof;

import java.util.regex.Pattern;

/**
 * The readable words of one line of AsciiDoc or interface text: link texts stay, link targets,
 * e-mail addresses, attribute references, inline code, passthroughs, anchors, roles and
 * ICU MessageFormat syntax go. What is left is only ever checked, never published.
 */
final class InlineText {
    private static final Pattern PASSTHROUGH = Pattern.compile("\\+\\+\\+.*?\\+\\+\\+|pass:[a-z,]*\\[[^\\]]*]");
    private static final Pattern CODE = Pattern.compile("`[^`]*`");
    /** {@code https://example.org[text]}, {@code link:x[text]}, {@code xref:x[text]}, {@code policy:x[text]}: the text stays. */
    private static final Pattern MACRO_WITH_TEXT = Pattern.compile(
            "\\b(?:https?://|mailto:|link:|xref:|policy:|footnote:)[^\\s\\[]*\\[([^\\]]*)]");
    private static final Pattern URL = Pattern.compile("\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+"
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:org|com|net|uk|gov|wales|cymru|eu|int|io)\\b(?:/\\S*)?");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /**
     * Inline macros whose bracket holds attribute values, not prose: {@code image:x[alt=...]}, {@code tick:[]},
     * {@code kbd:[]}; {@code statement:form[id]} names a form's statement, whose words are proofed in the form.
     */
    private static final Pattern ATTRIBUTE_MACRO = Pattern.compile("\\b(?:image|tick|icon|kbd|btn|menu|anchor|statement):[^\\s\\[]*\\[[^\\]]*]");
    private static final Pattern CROSS_REFERENCE = Pattern.compile("<<[^,>]*,([^>]*)>>|<<[^>]*>>");
    private static final Pattern ANCHOR_OR_ROLE = Pattern.compile("\\[\\[[^\\]]*]]|\\[[.#%][^\\]]*]");
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_-]*}");
    /** ICU MessageFormat: {@code {count, plural, one {...} other {...}}} keeps the branches' text. */
    private static final Pattern ICU_ARGUMENT = Pattern.compile("\\{\\s*[\\w-]+\\s*,\\s*(?:plural|select|selectordinal|number|date|time)\\s*,?");
    private static final Pattern ICU_BRANCH = Pattern.compile("(?:=\\d+|\\b(?:zero|one|two|few|many|other))\\s*\\{");
    /** A Polisi command line in a message ("./polisi forms verify") is code, not prose. */
    private static final Pattern COMMAND = Pattern.compile("\\./polisi(?:\\s+(?:forms|user|add|verify|purge|backup|export|erase|build|report|serve|preview|new-school|stamp-translations)\\b)*");
    private static final Pattern ADMONITION = Pattern.compile("^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\\s");

    private InlineText() {
    }

    /** A line of AsciiDoc, as prose. */
    static String ofAsciidoc(String line) {
        String text = PASSTHROUGH.matcher(line).replaceAll(" ");
        text = CODE.matcher(text).replaceAll(" ");
        text = ATTRIBUTE_MACRO.matcher(text).replaceAll(" ");
        text = MACRO_WITH_TEXT.matcher(text).replaceAll(m -> " " + quote(m.group(1)) + " ");
        text = CROSS_REFERENCE.matcher(text).replaceAll(m -> " " + quote(m.group(1) == null ? "" : m.group(1)) + " ");
        text = ANCHOR_OR_ROLE.matcher(text).replaceAll(" ");
        text = ADMONITION.matcher(text).replaceAll(" ");
        return plain(text);
    }

    /** A form's or a bundle's text: links, addresses, placeholders and ICU syntax removed. */
    static String ofMessage(String text) {
        String plain = ICU_ARGUMENT.matcher(text).replaceAll(" ");
        plain = ICU_BRANCH.matcher(plain).replaceAll(" ");
        return plain(plain.replace("\\n", " ")).replace('#', ' ').replace('{', ' ').replace('}', ' ');
    }

    private static String plain(String text) {
        String plain = COMMAND.matcher(text).replaceAll(" ");
        plain = EMAIL.matcher(plain).replaceAll(" ");
        plain = URL.matcher(plain).replaceAll(" ");
        return ATTRIBUTE_REFERENCE.matcher(plain).replaceAll(" ");
    }

    private static String quote(String text) {
        return java.util.regex.Matcher.quoteReplacement(text);
    }
}
