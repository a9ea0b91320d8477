/**
 * Incidents after they are reported: each report's chronology (actions taken, by whom, when), its
 * status (open, actioned, closed) and the date until which staff keep it.
 *
 * <p><b>Input:</b> staff entries from a report's page; stored incident reports.
 * <p><b>Output:</b> {@code incident_event} rows, in the school's {@code incident-event} record chain
 * (storage, ADR 0024), ordered within each report by {@code report_seq}; the current status and
 * "keep until" date derived from them; counts by month and status for the governors.
 * <p><b>Why:</b> the reporting log asks "Action taken: what? by whom?"; a school must be able to show
 * what it did and when, so entries are appended, never changed (docs/adr/0028).
 */
package org.polisi.forms.incident;
