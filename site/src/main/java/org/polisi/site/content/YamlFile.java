package org.polisi.site.content;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A settings file read as YAML nodes rather than plain maps, so that every value keeps its line:
 * a missing translation in school.yml is reported at the line an author has to edit.
 */
public final class YamlFile {
    private final Path file;
    private final MappingNode root;

    private YamlFile(Path file, MappingNode root) {
        this.file = file;
        this.root = root;
    }

    /**
     * @throws ContentException a {@code bad-yaml} error at the line to edit ({@link YamlSyntax}), or
     *                          a {@code bad-settings} error when the file is not a mapping
     */
    public static YamlFile read(Path file) {
        Node node = YamlSyntax.compose(file);
        if (node == null) {
            return new YamlFile(file, null);
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new ContentException(Problem.error("bad-settings", file, line(node), "expected a mapping of settings"));
        }
        return new YamlFile(file, mapping);
    }

    public Path file() {
        return file;
    }

    public Optional<Node> node(String... path) {
        Node current = root;
        for (String key : path) {
            if (!(current instanceof MappingNode mapping)) {
                return Optional.empty();
            }
            current = valueOf(mapping, key);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    public Optional<String> text(String... path) {
        return node(path).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    public List<String> list(String... path) {
        List<String> values = new ArrayList<>();
        node(path).filter(SequenceNode.class::isInstance)
                .ifPresent(n -> ((SequenceNode) n).getValue().forEach(item -> values.add(scalar(item))));
        return values;
    }

    /** A mapping's entries in file order, each value still a node (for its line). */
    public Map<String, Node> entries(String... path) {
        Map<String, Node> entries = new LinkedHashMap<>();
        node(path).filter(MappingNode.class::isInstance).ifPresent(n -> {
            for (NodeTuple tuple : ((MappingNode) n).getValue()) {
                entries.put(scalar(tuple.getKeyNode()), tuple.getValueNode());
            }
        });
        return entries;
    }

    /** The keys of a mapping (the top level when {@code path} is empty) with their lines, in file order. */
    public Map<String, Integer> keys(String... path) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        Optional<Node> mapping = path.length == 0 ? Optional.ofNullable(root) : node(path);
        mapping.filter(MappingNode.class::isInstance).ifPresent(n -> {
            for (NodeTuple tuple : ((MappingNode) n).getValue()) {
                keys.put(scalar(tuple.getKeyNode()), line(tuple.getKeyNode()));
            }
        });
        return keys;
    }

    public int lineOf(String... path) {
        return node(path).map(YamlFile::line).orElse(0);
    }

    /** A value that is either one string for every language or a map {en: ..., cy: ...}. */
    public static LocalizedText localized(Node node) {
        if (node instanceof ScalarNode scalar) {
            return LocalizedText.same(scalar.getValue());
        }
        Map<String, String> byLang = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                byLang.put(scalar(tuple.getKeyNode()), scalar(tuple.getValueNode()));
            }
        }
        return LocalizedText.of(byLang);
    }

    public static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static Node valueOf(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (key.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : "";
    }
}
