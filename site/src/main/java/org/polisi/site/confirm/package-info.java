/**
 * What the school must confirm. Input: a resolved site. Output: the items of the report's "to
 * confirm with the school" section ({@link org.polisi.site.confirm.ToConfirm}): markers authors
 * left ({@code // polisi: confirm <why>}), placeholder addresses, retention rules no source states
 * ({@code confirm:} in a form's retention), and whatever other producers
 * ({@link org.polisi.site.confirm.ConfirmationSource}) add. Why: nothing invented is published as
 * fact; {@code ./polisi build --release} refuses while an item is open. A producer whose items
 * depend only on a file's lines implements {@code FileConfirmationSource}, so that a template's
 * files are scanned once per build for all the schools adopting it (docs/adr/0068).
 */
package org.polisi.site.confirm;
