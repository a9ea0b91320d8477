package org.polisi.forms.signatures;

import java.time.Instant;
import java.util.List;

/**
 * One person's newest signature of an agreement: the name as they typed it, the record, when and in
 * which language, the form version, and whether that version is one the site publishes now.
 * {@code earlierVersions} counts the other versions this person signed before. {@code refused} and
 * {@code withdrawn} are the statement keys ({@code <field>.<statement-id>}) of the agreement's consent
 * questions whose answer on this signature now stands as refused, or as withdrawn since (ADR 0106): a
 * signature is not a permission given. Both are empty for an agreement that asks no consent.
 * {@code sourceChanged}: the signature is on the current version of a translation whose English has
 * changed since that translation was published ({@link SourceChanged}): staff check it (ADR 0106).
 */
public record Signer(String name, String reference, Instant signedAt, String language, String formVersion,
                     boolean current, int earlierVersions, List<String> refused, List<String> withdrawn,
                     boolean sourceChanged) {

    public Signer {
        refused = List.copyOf(refused);
        withdrawn = List.copyOf(withdrawn);
    }
}
