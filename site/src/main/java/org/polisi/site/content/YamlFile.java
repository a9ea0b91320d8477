package org.polisi.site.content;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
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

    public static YamlFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Node node = new Yaml(new LoaderOptions()).compose(reader);
            if (node == null) {
                return new YamlFile(file, null);
            }
            if (!(node instanceof MappingNode mapping)) {
                throw new ContentException(Problem.error("bad-settings", file, line(node), "expected a mapping of settings"));
            }
            return new YamlFile(file, mapping);
        } catch (IOException e) {
            throw new ContentException(Problem.error("unreadable", file, 0, e.getMessage()));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            throw new ContentException(new Problem(Problem.Severity.ERROR, "bad-yaml", file, line, column,
                    hint(e.getProblem() + " " + e.getContext())));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ContentException(Problem.error("bad-yaml", file, 0, "this file is not valid YAML: " + e.getMessage()));
        }
    }

    /**
     * SnakeYAML's words for a syntax error, turned into what an author should do. The two slips
     * seen most are a value holding ": " (a headteacher's "Ms X (Manager: Early Years)") and a
     * tab used to indent; anything else gets the parser's own words after a plain sentence.
     */
    static String hint(String parserWords) {
        String words = parserWords == null ? "" : parserWords.replace("null", "").trim();
        if (words.contains("mapping values are not allowed")) {
            return "a value that contains ': ' needs quotes: write it between double quotes, e.g. headteacher: \"Ms X (Manager: Early Years)\"";
        }
        if (words.contains("'\\t'") || words.contains("\\t") || words.contains("tab")) {
            return "a tab cannot indent YAML: indent with spaces (two per level)";
        }
        if (words.contains("could not find expected ':'")) {
            return "a line is neither 'key: value' nor a continuation of the value above: check for a missing ':' or an unclosed quote";
        }
        if (words.contains("did not find expected key") || words.contains("expected <block end>")) {
            return "the indentation does not match the lines above: line up keys of the same block exactly";
        }
        if (words.contains("found duplicate key")) {
            return "a key is given twice: keep one";
        }
        return "this line is not valid YAML (" + words + "): check quotes, colons and indentation";
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
