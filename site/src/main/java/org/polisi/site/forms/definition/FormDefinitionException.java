package org.polisi.site.forms.definition;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a school's form definitions, so that one build run shows them all. */
public final class FormDefinitionException extends Exception {

    private final List<FormProblem> problems;

    public FormDefinitionException(List<FormProblem> problems) {
        super(problems.size() + " problem(s) in form definitions:\n"
                + problems.stream().map(FormProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
