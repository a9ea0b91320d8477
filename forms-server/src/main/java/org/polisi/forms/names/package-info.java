/**
 * Finding a person however their name is spelt: one matching rule for the subject access export
 * and the staff page "Find everything about a person" ({@link org.polisi.forms.export.PersonSearch}),
 * and for grouping a pupil's consents; and the derived search key of a submission's answers
 * ({@link org.polisi.forms.names.AnswerKeys}, ADR 0023).
 *
 * <p>Input: a name as typed (any Unicode). Output: search keys and a {@link
 * org.polisi.forms.names.NameMatch}. Why here: a school that answers a subject access request
 * (UK GDPR Article 15) must find every record about a person, whether the name was stored with or
 * without accents, in composed or decomposed form, with a curly or straight apostrophe or none, with
 * a prefix (O, D, Mc) apart or joined, Mac for Mc, or with a name particle (ap, ab, ferch, Ní, Ó,
 * Mac, de, van...) left out or in another form; each record says how loosely it matched ({@link
 * org.polisi.forms.names.NameMatch}; docs/adr/0089, 0094, 0098).
 */
package org.polisi.forms.names;
