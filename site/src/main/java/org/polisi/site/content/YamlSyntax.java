package org.polisi.site.content;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every YAML file the build reads (school.yml, cluster.yml, form definitions, the glossary) is
 * parsed here, so that a slip is reported one way: once, at the line an author must edit, in words
 * an author can act on, never as a stack trace.
 *
 * <p>SnakeYAML (YAML 1.1) marks two places in a syntax error: where it noticed the problem and the
 * construct it was reading. For something left open (a flow list {@code [}, a flow mapping
 * {@code {}, a quoted value) it notices only lines later, at the next key or the end of the file;
 * the author's slip is where the construct opened, so that line is reported. Everything else is
 * reported where it was noticed. SnakeYAML's composer accepts a key given twice in one mapping
 * (YAML 1.2, 3.2.1.1, says keys are unique); each repeat is reported here, at its line.
 */
public final class YamlSyntax {
    /** The code of every problem found here. */
    public static final String CODE = "bad-yaml";

    private YamlSyntax() {
    }

    /**
     * The file's root node ({@code null} for an empty file).
     *
     * @throws ContentException with one {@code bad-yaml} error at the file's line and column for a
     *                          syntax error, one per repeated key, or one at line 0 when the file
     *                          cannot be read, or one {@code not-utf8}
     *                          error at the first byte that is not UTF-8 ({@link SourceText}; a byte order mark is dropped)
     */
    public static Node compose(Path file) {
        Node root;
        try (StringReader reader = new StringReader(SourceText.readStrictly(file))) {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new ContentException(problemOf(file, e));
        } catch (YAMLException e) {
            throw new ContentException(Problem.error(CODE, file, 0, "this file is not valid YAML: " + e.getMessage()));
        }
        List<Problem> repeated = new ArrayList<>();
        repeatedKeys(file, root, repeated);
        if (!repeated.isEmpty()) {
            throw new ContentException(repeated);
        }
        return root;
    }

    /** A syntax error, at the line the author must edit, with what to do. */
    static Problem problemOf(Path file, MarkedYAMLException e) {
        String context = String.valueOf(e.getContext());
        String problem = String.valueOf(e.getProblem());
        Mark noticed = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark opened = e.getContextMark();
        String message;
        Mark at = noticed;
        Optional<String> quoteSlip = (context.contains("flow sequence") || context.contains("flow mapping"))
                ? quoteSlip(lineAt(file, noticed), noticed) : Optional.empty();
        if (quoteSlip.isPresent()) {
            message = quoteSlip.get();
        } else if (context.contains("flow sequence") && opened != null) {
            at = opened;
            message = "the list that opens with '[' here is not closed: end it with ']' (a list in brackets stays on one line)";
        } else if (context.contains("flow mapping") && opened != null) {
            at = opened;
            message = "the '{' here is not closed: end it with '}' (a value in braces, such as {en: ..., cy: ...}, stays on one line)";
        } else if (context.contains("quoted scalar") && opened != null) {
            at = opened;
            message = "the quoted value that starts here is not closed: end it with the same quote mark it starts with";
        } else if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
            message = "a tab cannot indent YAML: indent with spaces (two per level)";
        } else if (problem.contains("mapping values are not allowed")) {
            message = startsWithKey(lineAt(file, noticed), noticed)
                    ? "this line is indented more than the key above it, so it reads as part of that key's value: "
                    + "line it up with the keys of its block"
                    : "a value that contains ': ' needs quotes: write it between double quotes, e.g. headteacher: \"Ms X (Manager: Early Years)\"";
        } else if (problem.contains("expected <block end>") || problem.contains("did not find expected key")
                || problem.contains("did not find expected '-'")) {
            message = "the indentation of this line does not match the lines above: line up the keys (or the '- ' items) of one block exactly";
        } else if (problem.contains("could not find expected ':'")) {
            message = "a line is neither 'key: value' nor a continuation of the value above: check for a missing ':' or an unclosed quote";
        } else {
            message = "this line is not valid YAML (" + (problem + " " + context).replace("null", "").trim()
                    + "): check quotes, colons and indentation";
        }
        return new Problem(Problem.Severity.ERROR, CODE, file, at == null ? 0 : at.getLine() + 1,
                at == null ? 0 : at.getColumn() + 1, message);
    }

    /**
     * Inside {@code [...]} or {@code {...}}, a quoted value followed by something other than a comma or
     * the closing bracket: where the quote that ends it runs straight on into text ({@code "Test Primary,
     * cy: "Ysgol Prawf"}), a quote is missing or one too many (an apostrophe inside {@code '...'}
     * included); where a space comes first ({@code ["en" "cy"]}), a comma is missing. Empty when the
     * slip is something else (the bracket not closed, noticed on a later line).
     */
    private static Optional<String> quoteSlip(String line, Mark noticed) {
        if (line == null || noticed == null || noticed.getColumn() == 0 || noticed.getColumn() > line.length()) {
            return Optional.empty();
        }
        int before = noticed.getColumn() - 1;
        boolean spaced = false;
        while (before >= 0 && line.charAt(before) == ' ') {
            before--;
            spaced = true;
        }
        if (before < 0 || (line.charAt(before) != '"' && line.charAt(before) != '\'')) {
            return Optional.empty();
        }
        char quote = line.charAt(before);
        if (spaced) {
            return Optional.of("a comma is missing before this value: separate the items in brackets with ',' (e.g. {en: \"...\", cy: \"...\"})");
        }
        return Optional.of("the quoted value closes at the " + quote + " before this text, so the text after it is left over: a " + quote
                + " is missing or one too many here or earlier on this line" + (quote == '\''
                ? " (an apostrophe inside '...' is written twice, '', or the value is put in double quotes)"
                : " (each value in braces opens and closes its own quotes: {en: \"...\", cy: \"...\"})"));
    }

    /** Whether the text before the mark on its line is only indentation and one key (no earlier ': '). */
    private static boolean startsWithKey(String line, Mark mark) {
        if (line == null || mark == null || mark.getColumn() > line.length()) {
            return false;
        }
        String before = line.substring(0, mark.getColumn()).strip();
        return !before.isEmpty() && !before.contains(": ") && !before.startsWith("-");
    }

    private static String lineAt(Path file, Mark mark) {
        if (mark == null) {
            return null;
        }
        try {
            List<String> lines = SourceText.readStrictly(file).lines().toList();
            return mark.getLine() < lines.size() ? lines.get(mark.getLine()) : null;
        } catch (ContentException e) {
            return null;
        }
    }

    private static void repeatedKeys(Path file, Node node, List<Problem> into) {
        if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(child -> repeatedKeys(file, child, into));
        } else if (node instanceof MappingNode mapping) {
            Map<String, Integer> first = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Integer earlier = first.putIfAbsent(key.getValue(), YamlFile.line(key));
                    if (earlier != null) {
                        into.add(new Problem(Problem.Severity.ERROR, CODE, file, YamlFile.line(key), key.getStartMark().getColumn() + 1,
                                "'" + key.getValue() + "' is given twice in this block (first at line " + earlier + "): keep one"));
                    }
                }
                repeatedKeys(file, tuple.getValueNode(), into);
            }
        }
    }
}
