/**
 * Intake: what people send through the embedded forms, checked and stored.
 *
 * <p><b>Input:</b> a {@link org.polisi.forms.intake.SubmissionRequest} (school, form, the posted
 * parameters decoded strictly by {@link org.polisi.forms.intake.PostedBody} from an HTML form or
 * JSON, and the fields that could not be decoded) and the school's manifest.
 * <p><b>Output:</b> a {@link org.polisi.forms.intake.SubmissionOutcome}: accepted with a reference
 * (stored and committed, with consent events and an urgent alert where they apply), rejected with
 * messages in the submission's language, ready to send (a consent or agreement to check first, not
 * stored), discarded (honeypot), or unknown form. {@link org.polisi.forms.intake.FormDrafts} keeps
 * answers not yet recorded for an hour, under a hashed token, written by the ledger's writer in the
 * commits it shares with submissions (docs/adr/0052).
 * <p><b>Why:</b> the manifest is the only authority on what a form accepts (its field limits also
 * set the largest body accepted, {@link org.polisi.forms.intake.BodyLimits}); typed text is stored
 * exactly as typed (ADR 0022: NFC and control characters only), bytes that cannot be read are
 * refused rather than repaired, and every output escapes; nothing here knows about HTTP, so the
 * rules are tested and reused without a server.
 */
package org.polisi.forms.intake;
