/**
 * The archive of agreed texts, read side: the snapshot the site build wrote for each form version
 * ({@code <agreed-texts-dir>/<school>/<form-id>/<form-version>.json}, docs/forms.md), so that a
 * record's form version keeps naming the text the person saw after the site changes. The server
 * refuses a submission whose version has no snapshot, shows a snapshot to staff and on the receipt,
 * and {@code forms verify} checks that every record's snapshot is there and hashes to its name
 * (docs/adr/0036-archive-of-agreed-texts.md). {@link org.polisi.forms.archive.SameAgreedText} tells
 * whether two versions' snapshots are word for word the same agreement (docs/adr/0066). Nothing here
 * imports Javalin.
 */
package org.polisi.forms.archive;
