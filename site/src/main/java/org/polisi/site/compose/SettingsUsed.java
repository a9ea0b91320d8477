package org.polisi.site.compose;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.polisi.site.content.LocalizedText;

/**
 * The school's settings a page's text uses, and only those: what a form version must hash besides
 * the text itself (docs/adr/0066). A setting is used when the text names it in an attribute
 * reference ({@code {headteacher}}, also inside {@code ifeval::[...]} and in a body attribute entry
 * such as {@code :who: {headteacher}}) or in a conditional directive ({@code ifdef::a,b+c[]},
 * {@code ifndef::}), and transitively when the value of a used setting, in any language, names it.
 * Names are compared as Asciidoctor compares them: case-insensitively (it lower-cases attribute
 * names; Asciidoctor user manual, "Attribute entry names"). A name that merely looks like a
 * reference (an escaped {@code \{name}}) counts as used: hashing one setting too many only gives a
 * new version when it changes, never keeps one that should change.
 */
public final class SettingsUsed {

    /** An attribute reference: a name of word characters and hyphens in braces (AsciiDoc syntax). */
    private static final Pattern REFERENCE = Pattern.compile("\\{([\\p{Alnum}_][\\p{Alnum}_-]*)}");
    /** {@code ifdef::a,b+c[...]} / {@code ifndef::...[...]}: names joined by {@code ,} (any) or {@code +} (all). */
    private static final Pattern CONDITION = Pattern.compile("(?m)^\\s*if(?:n)?def::([^\\[\\s]+)\\[");

    private SettingsUsed() {
    }

    /**
     * @param text     a page's body text (AsciiDoc, as the author wrote it)
     * @param settings the school's settings by attribute name
     * @param always   names used whatever the text says (what the form area prints: the school's name)
     * @return the settings the text uses, directly or through another used setting's value, in name order
     */
    public static SortedMap<String, LocalizedText> by(String text, Map<String, LocalizedText> settings,
                                                      java.util.Collection<String> always) {
        return byNames(namesIn(text), settings, always);
    }

    /**
     * As {@link #by}, from the names a text uses ({@link #namesIn}), which the compose stage reads
     * once for a template page all its schools share (docs/adr/0090).
     */
    static SortedMap<String, LocalizedText> byNames(Set<String> namesInText, Map<String, LocalizedText> settings,
                                                    java.util.Collection<String> always) {
        Map<String, String> byFolded = new TreeMap<>();
        settings.keySet().forEach(name -> byFolded.put(fold(name), name));
        SortedMap<String, LocalizedText> used = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>(namesInText);
        always.forEach(name -> pending.add(fold(name)));
        while (!pending.isEmpty()) {
            String name = byFolded.get(pending.pop());
            if (name == null || used.containsKey(name)) {
                continue;
            }
            LocalizedText value = settings.get(name);
            used.put(name, value);
            Stream.concat(value.byLanguage().values().stream(), Stream.ofNullable(value.everyLanguage()))
                    .forEach(each -> pending.addAll(namesIn(each)));
        }
        return used;
    }

    /** Every name the text refers to or tests, folded to lower case. */
    static Set<String> namesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            names.add(fold(reference.group(1)));
        }
        Matcher condition = CONDITION.matcher(text);
        while (condition.find()) {
            for (String name : condition.group(1).split("[,+]")) {
                if (!name.isBlank()) {
                    names.add(fold(name.strip()));
                }
            }
        }
        return names;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
