package org.polisi.site.content;

import org.polisi.site.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A list-valued setting of school.yml or cluster.yml (such as {@code languages: [en, cy]}) whose
 * items must come from a fixed set, checked item by item at the item's own line: a value listed
 * twice, a value in the wrong case ({@code EN}), a value not in the set (with "did you mean" for a
 * slip), a list written as one text ({@code languages: en, cy}), an item that is not a word, and
 * a list with nothing in it ({@code languages: []}, {@code languages:}) are each one {@code bad-settings} error. Nothing is guessed silently: the list given back holds only
 * the valid items (a wrong-case item counted as its lower-case value), once each, in the author's
 * order, so that one slip is reported once, here, and not again by every file that uses the list.
 */
public final class SettingsList {
    private SettingsList() {
    }

    /**
     * Reads the list at top-level {@code key} of {@code yaml}.
     *
     * @param allowed the values the list may hold, lower case, with what they mean for the message
     *                (e.g. "en (English)")
     * @return the valid items, each once, in file order; empty when the key is absent or nothing in
     * it is valid (the caller then uses its default)
     */
    public static List<String> read(YamlFile yaml, String key, List<String> allowed, String allowedWords, Problems problems) {
        Optional<Node> node = yaml.node(key);
        List<String> valid = new ArrayList<>();
        if (node.isEmpty()) {
            return valid;
        }
        if (node.get() instanceof ScalarNode scalar) {
            if (scalar.getValue().isBlank() || EmptySettings.isNull(scalar)) {
                problems.error("bad-settings", yaml.file(), YamlFile.line(scalar), key + ": has no value: write "
                        + key + ": [" + String.join(", ", allowed) + "] (each value you need, once), or leave the line out");
            } else {
                problems.error("bad-settings", yaml.file(), YamlFile.line(scalar), key + ": write a list in square brackets, e.g. "
                        + key + ": [" + String.join(", ", allowed) + "] (found '" + scalar.getValue() + "')");
            }
            return valid;
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            problems.error("bad-settings", yaml.file(), YamlFile.line(node.get()), key + ": write a list in square brackets, e.g. "
                    + key + ": [" + String.join(", ", allowed) + "]");
            return valid;
        }
        if (sequence.getValue().isEmpty()) {
            problems.error("bad-settings", yaml.file(), YamlFile.line(sequence), key + ": [] lists nothing: write "
                    + key + ": [" + String.join(", ", allowed) + "] (each value you need, once), or leave the line out");
        }
        for (Node item : sequence.getValue()) {
            int line = YamlFile.line(item);
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                problems.error("bad-settings", yaml.file(), line, key + ": each item is one of " + allowedWords);
                continue;
            }
            String value = scalar.getValue().strip();
            String lower = value.toLowerCase(Locale.ROOT);
            if (valid.contains(lower)) {
                problems.error("bad-settings", yaml.file(), line, key + ": '" + value + "' is listed twice: list it once");
            } else if (allowed.contains(value)) {
                valid.add(value);
            } else if (allowed.contains(lower)) {
                problems.error("bad-settings", yaml.file(), line, key + ": write '" + lower + "', not '" + value + "' (lower case)");
                valid.add(lower);
            } else {
                problems.error("bad-settings", yaml.file(), line, key + ": '" + value + "' is not one of " + allowedWords
                        + Names.nearest(value, allowed).map(near -> ": did you mean '" + near + "'?").orElse(""));
            }
        }
        return valid;
    }
}
