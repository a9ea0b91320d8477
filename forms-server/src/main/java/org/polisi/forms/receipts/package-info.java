/**
 * Copies of a receipt by e-mail (issue 20; docs/adr/0060).
 *
 * <p><b>Input:</b> an e-mail address a person types on the receipt page of a consent, agreement,
 * notice of objection or withdrawal, with the record's reference and the page's language.
 * <p><b>Output:</b> one outbox row of kind {@code receipt} ({@link org.polisi.forms.receipts.ReceiptCopies}),
 * which {@link org.polisi.forms.alerts.AlertDelivery} sends like an alert, in the words of
 * {@link org.polisi.forms.receipts.ReceiptMessage}: the reference, the form, the date, each question
 * or statement with the answer as given, and the way to withdraw or change it.
 * <p><b>Why:</b> through the outbox, a copy is sent once, survives a restart and is sent by one
 * instance only; the address is kept only until the mail server takes the message (or the record is
 * erased, or three days pass), so it is never a second way to reach the person. Incident reports get
 * no copy: their alerts keep the content of a report out of e-mail on purpose (ADR 0029).
 */
package org.polisi.forms.receipts;
