/**
 * Forms: one definition per form, rendered into the page and described to the forms server, in
 * three steps, each its own package.
 *
 * <ol>
 *   <li>{@link org.polisi.site.forms.definition}: the YAML definitions read and checked, with file
 *       and line for every problem;</li>
 *   <li>{@link org.polisi.site.forms.markup}: the {@code form::<id>[]} macro and the form's HTML;</li>
 *   <li>{@link org.polisi.site.forms.manifest}: the version each rendered form carries, and the
 *       manifest the forms server validates submissions against.</li>
 * </ol>
 *
 * <p>Dependencies point one way: markup and manifest read definitions; markup asks the manifest
 * package for the version it stamps on a form; definitions depend on neither.
 */
package org.polisi.site.forms;
