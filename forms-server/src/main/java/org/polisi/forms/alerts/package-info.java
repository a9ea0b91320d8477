/**
 * Alerts out of the outbox, by e-mail. An incident report queues one alert per role its form's
 * {@code notify} names (the urgent roles when it is urgent) in the same transaction that stores it
 * (intake); {@link org.polisi.forms.alerts.AlertDelivery} sends what is
 * queued to the school's staff with the alert's role, and marks it sent only once the SMTP server has
 * accepted it. The e-mail carries the reference, the form's title, the time received and a link,
 * never anything a member of the public typed or chose (not the reporter's name, not the category):
 * staff sign in to read it (docs/adr/0081). {@link org.polisi.forms.alerts.AlertStatus} says what has
 * really become of them (sent, queued, or not sent at all with no mail server), for the confirmation
 * page and the staff dashboard (docs/adr/0029). {@link org.polisi.forms.alerts.AlertRecipients} decides
 * who an alert to a role really reaches (the headteacher in place of a role no active account holds,
 * said as such everywhere), and an alert whose report was erased or closed before its turn is dropped
 * with its reason ({@code ReportState}; docs/adr/0089). A report's alerts go out together: each
 * address gets one e-mail per report naming every role it answers for
 * ({@link org.polisi.forms.alerts.AlertRecipients#letters}; docs/adr/0094).
 */
package org.polisi.forms.alerts;
