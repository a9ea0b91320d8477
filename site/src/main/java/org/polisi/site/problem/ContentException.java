package org.polisi.site.problem;

import java.util.List;

/** Thrown when content is too broken to go on: carries every problem found so far. */
public class ContentException extends RuntimeException {
    private final List<Problem> problems;

    public ContentException(List<Problem> problems) {
        super(problems.isEmpty() ? "content error" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public ContentException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
