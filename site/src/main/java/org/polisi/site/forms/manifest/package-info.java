/**
 * Form manifests: what the forms server is told about each school's forms.
 *
 * <p><b>Input:</b> a school's {@link org.polisi.site.forms.definition.FormsSchoolContext} and the
 * forms its pages rendered ({@link org.polisi.site.forms.manifest.RenderedForm}).
 *
 * <p><b>Output:</b> {@code <manifests dir>/<school>.json}, written by
 * {@link org.polisi.site.forms.manifest.FormsManifestWriter} in the shape of docs/forms.md, and each
 * form's version ({@link org.polisi.site.forms.manifest.FormVersion}): a hash of the same JSON in one
 * language, so that what is signed is exactly what is published.
 *
 * <p><b>Why it looks like this:</b> the server reads the manifest only and never the YAML, so nothing
 * about a form is defined twice.
 */
package org.polisi.site.forms.manifest;
