package org.polisi.forms.storage;

/**
 * The first thing wrong with one school's chain, in words an operator can act on.
 *
 * @param chain       which chain ({@link RecordChains#SUBMISSION} or a {@link RecordChain}'s name)
 * @param school      the school
 * @param seq         the record's number in the chain (0 when it has none)
 * @param reference   the submission's reference, or the row's id in its table ("row 12")
 * @param description what is wrong
 */
public record ChainProblem(String chain, String school, long seq, String reference, String description) {

    @Override
    public String toString() {
        return school + " " + chain + ": record " + seq + (reference == null ? "" : " (" + label() + ")")
                + ": " + description;
    }

    private String label() {
        return RecordChains.SUBMISSION.equals(chain) ? "reference " + reference : reference;
    }
}
