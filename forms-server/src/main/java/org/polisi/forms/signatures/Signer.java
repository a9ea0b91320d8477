package org.polisi.forms.signatures;

import java.time.Instant;

/**
 * One person's newest signature of an agreement: the name as they typed it, the record, when and in
 * which language, the form version, and whether that version is one the site publishes now.
 * {@code earlierVersions} counts the other versions this person signed before.
 */
public record Signer(String name, String reference, Instant signedAt, String language, String formVersion,
                     boolean current, int earlierVersions) {
}
