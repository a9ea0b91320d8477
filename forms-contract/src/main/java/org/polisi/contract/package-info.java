/**
 * The forms contract: everything the site build and the forms server must agree on about a form,
 * written once (docs/adr/0039).
 *
 * <ul>
 *   <li>the field types with their limits ({@link org.polisi.contract.FieldType}), the form kinds
 *       ({@link org.polisi.contract.FormKind}), signer groups, year groups and consent answers;</li>
 *   <li>the staff roles ({@link org.polisi.contract.StaffRole}), with the word an account holds and the
 *       word a form's {@code notify:} and {@code reader-role} use;</li>
 *   <li>the reserved parameter and field names ({@link org.polisi.contract.ReservedNames}) and the
 *       input-id rule ({@link org.polisi.contract.InputIds});</li>
 *   <li>the typed manifest ({@link org.polisi.contract.Manifest} and its records), which the site
 *       writes and the server reads through {@link org.polisi.contract.ManifestJson}, strictly;</li>
 *   <li>the data folder's rule ({@link org.polisi.contract.PrivateFolders}): both write into it, and
 *       each folder either makes is owner-only from its creation.</li>
 * </ul>
 *
 * <p><b>Input:</b> nothing but values; <b>output:</b> records and their JSON. Plain Java and Jackson:
 * no JBake, Asciidoctor or Javalin, so both halves can depend on it and nothing else.
 */
package org.polisi.contract;
