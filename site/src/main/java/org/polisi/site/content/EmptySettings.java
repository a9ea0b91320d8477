package org.polisi.site.content;

import org.polisi.site.problem.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the values of a school.yml or cluster.yml that say nothing, each a {@code bad-settings}
 * error at its line, so that no setting silently falls back to its default or publishes a YAML
 * word (tester 4's fault 3, {@code languages: []}, was one of this kind):
 * <ul>
 *   <li>a key with no value ({@code headteacher:}), or YAML's null ({@code ~}, {@code null}),
 *   which would publish nothing, "~" or "null": a value left blank on purpose is written
 *   {@code ""} (CONTRIBUTING.md: {@code approved-by: ""} is "awaiting approval");</li>
 *   <li>an empty list ({@code []}): no setting takes one;</li>
 *   <li>an empty map ({@code contact-address: {}}) anywhere but the sections that merely group
 *   settings ({@code roles}, {@code policy}, {@code attributes}), where it means "none".</li>
 * </ul>
 * An empty list or map given as a text setting per language ({@code name}, {@code local-authority},
 * a role, an attribute) is left to {@link SettingsLoader}, which already names each language it
 * lacks at the same line.
 * YAML's rules for null are those of the YAML 1.1 core schema as SnakeYAML resolves them
 * (an empty plain scalar, {@code ~}, {@code null}, {@code Null}, {@code NULL}).
 */
public final class EmptySettings {
    /** The sections whose value is a group of settings: empty, they mean "none". */
    private static final Set<String> SECTIONS = Set.of("roles", "policy", "attributes");
    /** The top-level text settings whose value may be one text or one per language. */
    private static final Set<String> TRANSLATED = Set.of("name", "local-authority");

    private EmptySettings() {
    }

    /** Whether {@code scalar} is YAML's null (nothing, {@code ~} or {@code null}, unquoted). */
    static boolean isNull(ScalarNode scalar) {
        return Tag.NULL.equals(scalar.getTag()) && scalar.isPlain();
    }

    /**
     * Adds a {@code bad-settings} error to {@code problems} for each value of {@code yaml} that says
     * nothing, but those of the top-level keys in {@code checkedElsewhere} (a list setting reads its
     * own, {@link SettingsList}).
     */
    public static void check(YamlFile yaml, Set<String> checkedElsewhere, Problems problems) {
        yaml.node().filter(MappingNode.class::isInstance)
                .ifPresent(root -> walk(yaml, (MappingNode) root, new ArrayList<>(), checkedElsewhere, problems));
    }

    /**
     * Whether {@code path} names a text setting given per language, which {@link SettingsLoader}
     * checks language by language: an empty list or map there is already "has no value in language".
     */
    private static boolean translatedSetting(List<String> path) {
        return (path.size() == 1 && TRANSLATED.contains(path.get(0)))
                || (path.size() == 2 && (path.get(0).equals("roles") || path.get(0).equals("attributes")));
    }

    private static void walk(YamlFile yaml, MappingNode mapping, List<String> path, Set<String> checkedElsewhere, Problems problems) {
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
            if (path.isEmpty() && checkedElsewhere.contains(key)) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(key);
            String name = String.join(": ", here);
            Node value = tuple.getValueNode();
            int line = YamlFile.line(tuple.getKeyNode());
            if (value instanceof ScalarNode scalar && isNull(scalar)) {
                problems.error("bad-settings", yaml.file(), line, name + ": has no value"
                        + (scalar.getValue().isEmpty() ? "" : " ('" + scalar.getValue() + "' is YAML's word for nothing)")
                        + ": write the value, write \"\" to leave it blank on purpose, or leave the line out");
            } else if (value instanceof SequenceNode sequence && sequence.getValue().isEmpty() && !translatedSetting(here)) {
                problems.error("bad-settings", yaml.file(), line, name + ": [] is an empty list, and no setting takes one:"
                        + " write the value, or leave the line out");
            } else if (value instanceof MappingNode inner) {
                if (inner.getValue().isEmpty() && !(path.isEmpty() && SECTIONS.contains(key)) && !translatedSetting(here)) {
                    problems.error("bad-settings", yaml.file(), line, name + ": {} gives no value: write the value"
                            + " (one text, or {en: ..., cy: ...}), or leave the line out");
                }
                walk(yaml, inner, here, checkedElsewhere, problems);
            }
        }
    }
}
