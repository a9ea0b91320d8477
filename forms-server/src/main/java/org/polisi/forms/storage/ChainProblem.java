package org.polisi.forms.storage;

/** The first thing wrong with a school's chain, in words an operator can act on. */
public record ChainProblem(String school, long seq, String reference, String description) {

    @Override
    public String toString() {
        return school + ": record " + seq + (reference == null ? "" : " (reference " + reference + ")")
                + ": " + description;
    }
}
