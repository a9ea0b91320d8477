package org.polisi.site.proof;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prose of a YAML file (a form definition, a school's or a cluster's settings): every value of a
 * mapping keyed by a language code ({@code en:}, {@code cy:}), at its line. Other values are ids,
 * types and settings, not prose. A text written over several lines is split back into its lines.
 */
final class YamlProse {
    private YamlProse() {
    }

    /** Every language's text of the file, and each en/other pair as counterparts. */
    static void read(Path file, List<Prose> prose, List<Counterparts> pairs) {
        Node root;
        try (java.io.StringReader reader = new java.io.StringReader(org.polisi.site.content.SourceText.readStrictly(file))) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (org.polisi.site.problem.ContentException | YAMLException e) {
            return;     // the loader that owns this file reports it at its line
        }
        if (root != null) {
            walk(file, root, prose, pairs);
        }
    }

    private static void walk(Path file, Node node, List<Prose> prose, List<Counterparts> pairs) {
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(child -> walk(file, child, prose, pairs));
            return;
        }
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        Map<String, List<Prose>> texts = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = entry.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
            if (key.matches("[a-z]{2}") && entry.getValueNode() instanceof ScalarNode value) {
                List<Prose> lines = lines(file, key, value);
                texts.put(key, lines);
                prose.addAll(lines);
            } else {
                walk(file, entry.getValueNode(), prose, pairs);
            }
        }
        List<Prose> english = texts.get("en");
        if (english != null) {
            texts.forEach((language, lines) -> {
                if (!language.equals("en")) {
                    pairs.add(new Counterparts(english, lines));
                }
            });
        }
    }

    private static List<Prose> lines(Path file, String language, ScalarNode value) {
        List<Prose> lines = new ArrayList<>();
        int first = value.getStartMark().getLine() + 1;
        boolean block = value.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.LITERAL
                || value.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.FOLDED;
        if (!block) {
            lines.add(new Prose(file, first, language, InlineText.ofMessage(value.getValue())));
            return lines;
        }
        // A block scalar starts on the line after its indicator; folded lines are one per source line
        // as long as the author wrote no blank lines, which is near enough for a warning's line.
        String[] parts = value.getValue().split("\n", -1);
        int line = first + 1;
        for (String part : parts) {
            if (!part.isBlank()) {
                lines.add(new Prose(file, line, language, InlineText.ofMessage(part)));
            }
            line++;
        }
        return lines;
    }
}
