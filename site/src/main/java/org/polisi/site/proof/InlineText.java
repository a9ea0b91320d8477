package org.polisi.site.proof;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable words of one line of AsciiDoc or interface text: link texts stay, link targets,
 * e-mail addresses, attribute references, inline code, passthroughs, anchors, roles and
 * ICU MessageFormat syntax go. What is left is only ever checked, never published.
 *
 * <p>Each step is a regular expression and a cheap test that the line could hold a match (a
 * character or word the expression cannot match without): most lines of prose hold no link, code or
 * address, and running every expression over every line was the largest part of proofing's CPU
 * (docs/adr/0063). The test only ever skips an expression that would have matched nothing, so the
 * text is the same as with every expression run ({@code InlineTextTest} checks it on the real content).
 */
final class InlineText {
    /**
     * One replacement: {@code mayMatch} is false only for a text in which {@code pattern} finds nothing.
     */
    record Step(Pattern pattern, Predicate<String> mayMatch, Function<MatchResult, String> replacement) {
        String apply(String text, boolean gated) {
            return gated && !mayMatch.test(text) ? text : pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final Function<MatchResult, String> SPACE = m -> " ";

    private static final Step PASSTHROUGH = new Step(Pattern.compile("\\+\\+\\+.*?\\+\\+\\+|pass:[a-z,]*\\[[^\\]]*]"),
            t -> t.contains("+++") || t.contains("pass:"), SPACE);
    private static final Step CODE = new Step(Pattern.compile("`[^`]*`"), t -> t.indexOf('`') >= 0, SPACE);
    /** {@code https://example.org[text]}, {@code link:x[text]}, {@code xref:x[text]}, {@code policy:x[text]}: the text stays. */
    private static final Step MACRO_WITH_TEXT = new Step(Pattern.compile(
            "\\b(?:https?://|mailto:|link:|xref:|policy:|footnote:)[^\\s\\[]*\\[([^\\]]*)]"),
            t -> t.indexOf(':') >= 0 && t.indexOf('[') >= 0, m -> " " + quote(m.group(1)) + " ");
    private static final Step URL = new Step(Pattern.compile("\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+"
            + "|\\b[\\w-]+(?:\\.[\\w-]+)*\\.(?:org|com|net|uk|gov|wales|cymru|eu|int|io)\\b(?:/\\S*)?"),
            InlineText::mayHoldAddress, SPACE);
    private static final Step EMAIL = new Step(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), t -> t.indexOf('@') >= 0, SPACE);
    /**
     * Inline macros whose bracket holds attribute values, not prose: {@code image:x[alt=...]}, {@code tick:[]},
     * {@code kbd:[]}; {@code statement:form[id]} names a form's statement, whose words are proofed in the form.
     */
    private static final Step ATTRIBUTE_MACRO = new Step(Pattern.compile(
            "\\b(?:image|tick|icon|kbd|btn|menu|anchor|statement):[^\\s\\[]*\\[[^\\]]*]"),
            t -> t.indexOf(':') >= 0 && t.indexOf('[') >= 0, SPACE);
    private static final Step CROSS_REFERENCE = new Step(Pattern.compile("<<[^,>]*,([^>]*)>>|<<[^>]*>>"),
            t -> t.contains("<<"), m -> " " + quote(m.group(1) == null ? "" : m.group(1)) + " ");
    private static final Step ANCHOR_OR_ROLE = new Step(Pattern.compile("\\[\\[[^\\]]*]]|\\[[.#%][^\\]]*]"),
            t -> t.indexOf('[') >= 0, SPACE);
    private static final Step ATTRIBUTE_REFERENCE = new Step(Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_-]*}"),
            t -> t.indexOf('{') >= 0, SPACE);
    /** ICU MessageFormat: {@code {count, plural, one {...} other {...}}} keeps the branches' text. */
    private static final Step ICU_ARGUMENT = new Step(Pattern.compile(
            "\\{\\s*[\\w-]+\\s*,\\s*(?:plural|select|selectordinal|number|date|time)\\s*,?"), t -> t.indexOf('{') >= 0, SPACE);
    private static final Step ICU_BRANCH = new Step(Pattern.compile("(?:=\\d+|\\b(?:zero|one|two|few|many|other))\\s*\\{"),
            t -> t.indexOf('{') >= 0, SPACE);
    /** A Polisi command line in a message ("./polisi forms verify") is code, not prose. */
    private static final Step COMMAND = new Step(Pattern.compile(
            "\\./polisi(?:\\s+(?:forms|user|add|verify|purge|backup|export|erase|build|report|serve|preview|new-school|stamp-translations)\\b)*"),
            t -> t.contains("./polisi"), SPACE);
    private static final Step ADMONITION = new Step(Pattern.compile("^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\\s"),
            t -> t.indexOf(':') >= 0, SPACE);

    /** The steps of a line of AsciiDoc, in order; {@link #PLAIN} follows them. */
    static final List<Step> ASCIIDOC = List.of(PASSTHROUGH, CODE, ATTRIBUTE_MACRO, MACRO_WITH_TEXT, CROSS_REFERENCE,
            ANCHOR_OR_ROLE, ADMONITION);
    /** The steps of a form's or a bundle's text, in order; {@link #PLAIN} follows them. */
    static final List<Step> MESSAGE = List.of(ICU_ARGUMENT, ICU_BRANCH);
    /** What every text loses last: commands, addresses and attribute references. */
    static final List<Step> PLAIN = List.of(COMMAND, EMAIL, URL, ATTRIBUTE_REFERENCE);

    /** The top-level domains of {@link #URL}'s bare addresses ("example.org"). */
    private static final List<String> DOMAINS = List.of(".org", ".com", ".net", ".uk", ".gov", ".wales", ".cymru", ".eu",
            ".int", ".io");

    private InlineText() {
    }

    /** A line of AsciiDoc, as prose. */
    static String ofAsciidoc(String line) {
        return apply(apply(line, ASCIIDOC, true), PLAIN, true);
    }

    /** A form's or a bundle's text: links, addresses, placeholders and ICU syntax removed. */
    static String ofMessage(String text) {
        return apply(apply(text, MESSAGE, true).replace("\\n", " "), PLAIN, true)
                .replace('#', ' ').replace('{', ' ').replace('}', ' ');
    }

    /**
     * Applies {@code steps} in order; {@code gated} false runs every expression whatever the text (what
     * the tests compare the gated text with).
     */
    static String apply(String text, List<Step> steps, boolean gated) {
        String result = text;
        for (Step step : steps) {
            result = step.apply(result, gated);
        }
        return result;
    }

    /** Whether {@link #URL} could match: it needs "://", "www." or a dot and one of its domains. */
    private static boolean mayHoldAddress(String text) {
        if (text.contains("://") || text.contains("www.")) {
            return true;
        }
        if (text.indexOf('.') < 0) {
            return false;
        }
        for (String domain : DOMAINS) {
            if (text.contains(domain)) {
                return true;
            }
        }
        return false;
    }

    private static String quote(String text) {
        return Matcher.quoteReplacement(text);
    }
}
