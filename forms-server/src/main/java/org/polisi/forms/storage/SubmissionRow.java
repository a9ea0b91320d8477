package org.polisi.forms.storage;

import java.time.Instant;

/** One stored submission, as the {@code submission} table holds it. */
public record SubmissionRow(
        long id,
        String school,
        long seq,
        String reference,
        String formId,
        String formKind,
        String formVersion,
        String lang,
        String fieldsJson,
        Instant receivedAt,
        boolean urgent,
        String salt,
        String contentHash,
        String prevHash,
        String hash,
        String fingerprint,
        String idempotencyKey,
        Instant erasedAt) {

    public boolean erased() {
        return erasedAt != null;
    }
}
