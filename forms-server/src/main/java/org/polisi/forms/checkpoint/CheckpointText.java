package org.polisi.forms.checkpoint;

/** A checkpoint as a person reads, prints or files it: a summary, then the signed line itself. */
public final class CheckpointText {

    private CheckpointText() {
    }

    /** Plain text; the last line is the checkpoint exactly as signed, for {@code verify --checkpoints}. */
    public static String forFiling(Checkpoint checkpoint) {
        StringBuilder text = new StringBuilder();
        text.append("Polisi checkpoint ").append(checkpoint.number()).append(" (").append(checkpoint.reason())
                .append("), ").append(checkpoint.time()).append('\n');
        text.append("Signing key fingerprint (SHA-256): ").append(checkpoint.key()).append('\n');
        text.append("Previous checkpoint: ").append(checkpoint.previous()).append('\n');
        text.append("This checkpoint: ").append(checkpoint.hash()).append('\n');
        text.append("Chain heads (chain, school, newest record, its hash):\n");
        for (Checkpoint.Head head : checkpoint.heads()) {
            text.append("  ").append(head.chain()).append(' ').append(head.school()).append(' ')
                    .append(head.seq()).append(' ').append(head.hash()).append('\n');
        }
        text.append("Keep this where the server cannot change it. To check the database against it, save this text\n"
                + "in a file and run: ./polisi forms verify --checkpoints FILE --public-key KEY.pub\n\n");
        text.append(checkpoint.line()).append('\n');
        return text.toString();
    }
}
