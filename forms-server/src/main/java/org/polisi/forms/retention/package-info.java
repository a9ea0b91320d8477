/**
 * Retention: how long answers are kept, and how they are removed.
 *
 * <p><b>Input:</b> each form's retention rule in the manifest (after submission, after the pupil leaves, until a date staff set); an erasure request (school, reference).
 * <p><b>Output:</b> tombstoned submissions and {@code erasure} rows saying what was removed, why,
 * by whom and when (with the requester's words in {@code erasure_explanation}); a refusal while a
 * record is under a {@link org.polisi.forms.retention.LegalHold} (ADR 0045).
 * <p><b>Why:</b> data protection law wants personal data kept no longer than needed and erased on
 * a valid request, while the school must still be able to show that its records were not tampered
 * with; a tombstone satisfies both: the answers are gone, the chain still verifies.
 */
package org.polisi.forms.retention;
