/**
 * Alerts out of the outbox, by e-mail. An urgent incident report queues an alert in the same
 * transaction that stores it (intake); {@link org.polisi.forms.alerts.AlertDelivery} sends what is
 * queued to the school's staff with the alert's role, and marks it sent only once the SMTP server has
 * accepted it. The e-mail names who raised the report, when, its category and its reference, never
 * its content: staff sign in to read it.
 */
package org.polisi.forms.alerts;
