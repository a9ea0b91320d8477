/**
 * Intake: what people send through the embedded forms, checked and stored.
 *
 * <p><b>Input:</b> a {@link org.polisi.forms.intake.SubmissionRequest} (school, form, posted
 * parameters from an HTML form or JSON) and the school's manifest.
 * <p><b>Output:</b> a {@link org.polisi.forms.intake.SubmissionOutcome}: accepted with a reference
 * (stored and committed, with consent events and an urgent alert where they apply), rejected with
 * messages in the submission's language, discarded (honeypot), or unknown form.
 * <p><b>Why:</b> the manifest is the only authority on what a form accepts; typed text is cleaned
 * to plain text before it is stored, so nothing stored can ever act as markup; and nothing here
 * knows about HTTP, so the rules are tested and reused without a server.
 */
package org.polisi.forms.intake;
