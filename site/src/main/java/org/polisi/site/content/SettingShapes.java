package org.polisi.site.content;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings that hold one plain value, and the check that {@code school.yml} or {@code cluster.yml}
 * gives them one. Every such setting is read as text ({@link YamlFile#text}), which is empty for a
 * list or a block: without this check {@code adopts: [ngp, other]} read as "adopts nothing", and the
 * school's pages were told they adapt a template that does not exist (tester 7's finding 9a), far
 * from the line at fault. Each is a {@code bad-settings} error at that line, and the file is not read
 * further (its school held back, as for any unreadable settings file).
 */
public final class SettingShapes {
    /** Paths (top-level key, or block and key) whose value is one plain value, with what it is. */
    static final List<List<String>> SINGLE = List.of(
            List.of("adopts", "the name of one cluster (a school adopts one template), or none"),
            List.of("why-standalone", "one sentence"),
            List.of("contact-email", "one e-mail address"),
            List.of("contact-phone", "one telephone number"),
            List.of("forms-endpoint", "one address"),
            List.of("base-url", "one address"),
            List.of("policy", "version", "one version"),
            List.of("policy", "last-updated", "one date"),
            List.of("policy", "approved-on", "one date"),
            List.of("policy", "review-due", "one date"));

    private SettingShapes() {
    }

    /**
     * @param yaml a settings file as read
     * @throws ContentException naming each single-valued setting given a list or a block, at its line
     */
    static void check(YamlFile yaml) {
        List<Problem> wrong = new ArrayList<>();
        for (List<String> entry : SINGLE) {
            String[] path = entry.subList(0, entry.size() - 1).toArray(String[]::new);
            Optional<Node> node = yaml.node(path);
            if (node.isPresent() && !(node.get() instanceof ScalarNode)) {
                String shape = node.get() instanceof SequenceNode ? "a list" : node.get() instanceof MappingNode ? "a block of settings" : "no plain value";
                wrong.add(new Problem(Problem.Severity.ERROR, "bad-settings",
                        yaml.file(), YamlFile.line(node.get()), 0,
                        "'" + String.join(".", path) + "' takes " + entry.get(entry.size() - 1) + ", not " + shape));
            }
        }
        if (!wrong.isEmpty()) {
            throw new ContentException(wrong);
        }
    }
}
