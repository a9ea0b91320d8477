/**
 * The text policy (ADR 0022): what is stored of a typed answer ({@link org.polisi.forms.text.TypedText}:
 * NFC, control characters removed, nothing else), when an answer counts as empty, and how typed text
 * is isolated when placed inside our own plain text ({@link org.polisi.forms.text.DisplayText}), and how
 * its bidirectional formatting characters are shown to a reader ({@link org.polisi.forms.text.BidiControls},
 * ADR 0061).
 *
 * <p><b>Input:</b> decoded request text. <b>Output:</b> the text to store; whether it shows anything.
 * <p><b>Why:</b> answers are evidence (incident reports) and legal records (consents): they must be
 * kept exactly as typed. Escaping belongs to each output (HTML by Jsoup, CSV by Commons CSV plus a
 * formula guard, JSON by Jackson), never to storage.
 */
package org.polisi.forms.text;
