/**
 * Manifests: the forms each school publishes, as the site build described them.
 *
 * <p><b>Input:</b> {@code <manifest-dir>/<school>.json}, written by the site build (format in
 * {@code docs/forms.md}), read strictly through the forms contract's
 * {@link org.polisi.contract.ManifestJson} (docs/adr/0039).
 * <p><b>Output:</b> the contract's {@link org.polisi.contract.Manifest} records, looked up through
 * {@link org.polisi.forms.manifest.ManifestCatalog}, which also refuses to let the server start on a
 * manifest that is not valid; answers in words for receipts, staff pages and exports
 * ({@link org.polisi.forms.manifest.Answers}).
 * <p><b>Why:</b> the manifest is the one source of truth for what a form accepts: the server never
 * re-reads the YAML definitions, and its records are the same types the site writes, so a form
 * cannot be defined twice and drift.
 */
package org.polisi.forms.manifest;
