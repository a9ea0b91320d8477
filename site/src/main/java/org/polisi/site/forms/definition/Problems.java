package org.polisi.site.forms.definition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, each with the line of the node at fault. */
final class Problems {

    private final Path file;
    private final List<FormProblem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void at(Node node, String message) {
        at(lineOf(node), message);
    }

    void at(int line, String message) {
        found.add(new FormProblem(file, line, message));
    }

    int count() {
        return found.size();
    }

    List<FormProblem> all() {
        return List.copyOf(found);
    }

    /** SnakeYAML counts lines from 0; editors and people count from 1. */
    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
