/**
 * Consent: each answer to each consent statement is an event; withdrawals are events too. A
 * withdrawal applies to the statements the parent chose, for the child named, on the consent its
 * reference names ({@link org.polisi.forms.consent.Withdrawals}); one sent without a reference waits
 * as a request until staff match or reject it ({@link org.polisi.forms.consent.WithdrawalRequests},
 * {@code withdrawal_decision}). See docs/adr/0028. A notice of objection (opt-out, docs/adr/0057) is
 * events too: {@code objects} or {@code no-objection} per use, the newest notice standing.
 *
 * <p><b>Input:</b> stored consent forms, forms of any other kind that ask a consent question (an agreement
 * asking a permission: {@link org.polisi.forms.consent.ConsentForms}, ADR 0106), notices of objection and
 * withdrawals (in the transaction that stores them).
 * <p><b>Output:</b> {@code consent_event} rows, each school's chain of them (ADR 24), and the
 * current state of each pupil's consents ({@link org.polisi.forms.consent.CurrentConsent}) derived
 * from the events that verify, never from one changed behind the server's back.
 * <p><b>Why:</b> a school must know what a parent agreed to at each moment, not only now. Events
 * are never changed (triggers refuse it, the chain shows it), so the history survives; the current state is a query, never a stored copy
 * that could disagree with it.
 */
package org.polisi.forms.consent;
