/**
 * Manifests: the forms each school publishes, as the site build described them.
 *
 * <p><b>Input:</b> {@code <manifest-dir>/<school>.json}, written by the site build (format in
 * {@code docs/forms.md}).
 * <p><b>Output:</b> {@link org.polisi.forms.manifest.Manifest} records, looked up through
 * {@link org.polisi.forms.manifest.ManifestCatalog}.
 * <p><b>Why:</b> the manifest is the one source of truth for what a form accepts: the server never
 * re-reads the YAML definitions, so a form cannot be defined twice and drift.
 */
package org.polisi.forms.manifest;
