package org.polisi.forms.storage;

import java.time.Instant;

/** What the intake hands to the ledger: cleaned answers (canonical JSON) and where they came from. */
public record NewSubmission(
        String school,
        String reference,
        String formId,
        String formKind,
        String formVersion,
        String lang,
        String fieldsJson,
        Instant receivedAt,
        boolean urgent,
        String fingerprint,
        String idempotencyKey) {
}
