package org.polisi.site.problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects problems across stages, so a build reports all of them at once rather than the first. */
public final class Problems {
    private final List<Problem> all = Collections.synchronizedList(new ArrayList<>());

    public void add(Problem problem) {
        all.add(problem);
    }

    public void error(String code, Path file, int line, String message) {
        add(Problem.error(code, file, line, message));
    }

    public void warning(String code, Path file, int line, String message) {
        add(Problem.warning(code, file, line, message));
    }

    public List<Problem> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public List<Problem> errors() {
        return all().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return all().stream().filter(p -> p.severity() == Problem.Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }
}
