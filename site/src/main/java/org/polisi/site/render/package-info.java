/**
 * Stage 5, render. Input: the {@link org.polisi.site.compose.ComposedSite} (complete AsciiDoc
 * documents, each site's forms) and the theme's Freemarker templates. Output: a
 * {@link org.polisi.site.render.RenderedSite} (HTML files and assets in a staging folder, the forms
 * rendered with their versions), and every warning Asciidoctor logged, located at the author's line.
 * {@link org.polisi.site.render.RenderStage} decides what to convert (a preview's
 * {@link org.polisi.site.render.RenderCache} copies unchanged pages). Why one class around JBake: its
 * configuration, document model and logging quirks stay here; the rest of the build never sees them.
 * One Asciidoctor instance serves the whole process (JRuby's start-up is paid once); our stateless
 * extensions ({@code tick:}, {@code policy:}) register through the AsciidoctorJ extension SPI, and
 * what belongs to one build (the form macro, the log handler) is registered as instances by its
 * {@link org.polisi.site.render.RenderSession} while it bakes, one session at a time (docs/adr/0040).
 */
package org.polisi.site.render;
