package org.polisi.site.forms.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read from SnakeYAML's nodes, so that every value keeps its line. Getters never
 * throw: a wrong or missing value is reported to {@link Problems} and an empty result returned, so
 * that one run reports everything that is wrong in a file.
 */
final class YamlMap {

    private final Node node;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();
    private final Problems problems;

    private YamlMap(MappingNode node, Problems problems) {
        this.node = node;
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
            if (entries.containsKey(key)) {
                problems.at(tuple.getKeyNode(), "'" + key + "' is given twice");
            }
            entries.put(key, tuple.getValueNode());
            keys.put(key, tuple.getKeyNode());
        }
    }

    /** The node as a mapping, or a problem saying that {@code what} should be one. */
    static Optional<YamlMap> of(Node node, String what, Problems problems) {
        if (node instanceof MappingNode mapping) {
            return Optional.of(new YamlMap(mapping, problems));
        }
        problems.at(node, what + " should be a mapping of keys to values");
        return Optional.empty();
    }

    int line() {
        return Problems.lineOf(node);
    }

    /** The line of {@code key}'s value, or of the mapping when the key is absent. */
    int lineOf(String key) {
        Node value = entries.get(key);
        return value == null ? line() : Problems.lineOf(value);
    }

    /** The line of {@code key} itself ({@code retention:}), or of the mapping when the key is absent. */
    int keyLine(String key) {
        Node written = keys.get(key);
        return written == null ? line() : Problems.lineOf(written);
    }

    /** Typos such as {@code lable:} would otherwise be silently ignored. */
    void allowOnly(Set<String> keys, String where) {
        entries.forEach((key, value) -> {
            if (!keys.contains(key)) {
                problems.at(value, "unknown key '" + key + "' in " + where);
            }
        });
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<String> string(String key) {
        Node value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().strip());
        }
        problems.at(value, "'" + key + "' should be a single non-empty value");
        return Optional.empty();
    }

    Optional<String> requiredString(String key, String where) {
        if (!has(key)) {
            problems.at(line(), where + " has no '" + key + "'");
        }
        return string(key);
    }

    /** A whole number of at least 1. */
    Optional<Integer> positiveInt(String key) {
        return string(key).flatMap(text -> {
            try {
                int number = Integer.parseInt(text);
                if (number >= 1) {
                    return Optional.of(number);
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            problems.at(entries.get(key), "'" + key + "' should be a whole number of 1 or more, not '" + text + "'");
            return Optional.empty();
        });
    }

    /** Only {@code true} or {@code false}: YAML 1.1's yes/no/on/off are too easy to write by accident. */
    boolean flag(String key, boolean otherwise) {
        Optional<String> text = string(key);
        if (text.isEmpty() || text.get().equals("true") || text.get().equals("false")) {
            return text.map(Boolean::parseBoolean).orElse(otherwise);
        }
        problems.at(entries.get(key), "'" + key + "' should be true or false, not '" + text.get() + "'");
        return otherwise;
    }

    /** An AsciiDoc attribute reference, which a page would replace but a form's text does not. */
    private static final java.util.regex.Pattern ATTRIBUTE_REFERENCE = java.util.regex.Pattern.compile("\\{[A-Za-z0-9_][A-Za-z0-9_-]*}");

    /** A text in every language the school publishes; other languages are dropped; an attribute reference in it is a problem at its line. */
    Optional<LocalizedText> text(String key, List<String> languages) {
        Node value = entries.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Optional<YamlMap> perLanguage = of(value, "'" + key + "' (one entry per language, e.g. {en: ..., cy: ...})", problems);
        if (perLanguage.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : languages) {
            if (!perLanguage.get().has(language)) {
                problems.at(value, "'" + key + "' has no '" + language + "' text (the school publishes "
                        + String.join(", ", languages) + ")");
            }
            perLanguage.get().string(language).ifPresent(text -> {
                texts.put(language, text);
                java.util.regex.Matcher reference = ATTRIBUTE_REFERENCE.matcher(text);
                if (reference.find()) {
                    problems.at(perLanguage.get().entries.get(language), "'" + reference.group() + "' in '" + key
                            + "': a form's words are printed as they are written, with no {...} replaced: write the words themselves");
                }
            });
        }
        return texts.size() == languages.size() ? Optional.of(new LocalizedText(texts)) : Optional.empty();
    }

    Optional<LocalizedText> requiredText(String key, List<String> languages, String where) {
        if (!has(key)) {
            problems.at(line(), where + " has no '" + key + "'");
        }
        return text(key, languages);
    }

    /** A nested mapping such as {@code retention:}. */
    Optional<YamlMap> mapping(String key) {
        Node value = entries.get(key);
        return value == null ? Optional.empty() : of(value, "'" + key + "'", problems);
    }

    /** A list of plain values, e.g. {@code [headteacher, online-safety-coordinator]}; empty when absent. */
    List<String> strings(String key) {
        List<String> items = new ArrayList<>();
        for (Node item : sequence(key)) {
            if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                items.add(scalar.getValue().strip());
            } else {
                problems.at(item, "each item of '" + key + "' should be a single value");
            }
        }
        return items;
    }

    /** A list of mappings, e.g. a form's fields or a field's options. */
    List<YamlMap> mappings(String key) {
        List<YamlMap> items = new ArrayList<>();
        for (Node item : sequence(key)) {
            of(item, "each item of '" + key + "'", problems).ifPresent(items::add);
        }
        return items;
    }

    /** The items of a list; none (and a problem) when the value is not a list, none when it is absent. */
    private List<Node> sequence(String key) {
        Node value = entries.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            problems.at(value, "'" + key + "' should be a list");
            return List.of();
        }
        return sequence.getValue();
    }

    Problems problems() {
        return problems;
    }
}
