/**
 * Stage 5, render. Input: staged pages (complete AsciiDoc documents) and the theme's Freemarker
 * templates. Output: HTML files in a staging folder, and any warning Asciidoctor logged, located
 * at the author's line. Why one class around JBake: its configuration, document model and
 * logging quirks stay here; the rest of the build never sees them. Our AsciiDoc extensions ({@code tick:},
 * {@code policy:}, and the postprocessors that make admonitions notes and tables readable on phones
 * without inline styles) live here too, registered through the AsciidoctorJ extension SPI.
 */
package org.polisi.site.render;
