package org.polisi.forms.web;

/**
 * The staff pages under {@code /staff/}, one class per page or family of pages. Each handler
 * receives a logged-in session (the routes make sure of that); what the member of staff may see is
 * decided by {@link org.polisi.forms.staff.StaffRecords} and
 * {@link org.polisi.forms.staff.RecordAccess}, never in the pages.
 */
record StaffPages(SubmissionPages submissions, RecordPage record, ConsentPage consents, GovernorsPage governors,
                  SignaturesPage signatures, PersonPage people, AccountPage account,
                  WithdrawalRequestSection withdrawals, IncidentChronologySection chronology,
                  ErasurePages erasure, DashboardPage dashboard, RosterPage roster,
                  org.polisi.forms.staff.StaffRecords records) {
}
