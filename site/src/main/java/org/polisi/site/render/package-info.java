/**
 * Stage 5, render. Input: the {@link org.polisi.site.compose.ComposedSite} (complete AsciiDoc
 * documents with the chrome around each body, each site's forms) and the theme's Freemarker
 * templates, which read a page's chrome as {@code content.chrome} ({@code TemplateValues}). Output: a
 * {@link org.polisi.site.render.RenderedSite} (HTML files and assets in a staging folder, the forms
 * rendered with their versions, each school's {@code sitemap.xml} from
 * {@link org.polisi.site.publish.Sitemap}), and every warning Asciidoctor logged, located at the author's line.
 * {@link org.polisi.site.render.RenderStage} renders through the build cache
 * ({@link org.polisi.site.render.CachedRender}, {@link org.polisi.site.render.RenderCache} on disk,
 * keyed by {@link org.polisi.site.render.RenderKeys}; docs/adr/0055): a page whose key is stored is
 * written from it with its forms and problems, the others converted and stored; pages are keyed, read from
 * the cache and stored on every core, with SHA-512/256 (docs/adr/0091); with {@code --no-cache} no page is
 * keyed, sealed or read back, and no page's HTML stays on the heap once written (docs/adr/0095). Why one class around JBake: its
 * configuration, document model and logging quirks stay here; the rest of the build never sees them.
 * One Asciidoctor instance serves the whole process (JRuby's start-up is paid once), started
 * without RubyGems and without JRuby's native (FFI) layer by {@link org.polisi.site.render.RubyStart}
 * (docs/adr/0078, 0084), on a thread of its own from the command line's first step when a build will
 * probably convert ({@link org.polisi.site.render.RenderStage#startEarly}, docs/adr/0084), and
 * {@link org.polisi.site.render.RubyCompilation} lets JRuby compile its Ruby code only for a
 * conversion large enough to repay it (docs/adr/0068); the shortest page converts alone first (it
 * defines our extensions' Ruby classes), then the rest on every core, longest first (docs/adr/0092);
 * a page's source reaches Ruby as its UTF-8 bytes
 * ({@link org.polisi.site.render.RubyDocuments}, docs/adr/0086); our stateless
 * extensions ({@code tick:}, {@code policy:}) register through the AsciidoctorJ extension SPI, the
 * postprocessing that makes admonitions notes and tables readable on phones without inline styles
 * runs in Java on each converted page ({@code AsciidocConverter.postprocessed}, docs/adr/0086), and
 * what belongs to one build (the form macro, the log handler) is registered as instances by its
 * {@link org.polisi.site.render.RenderSession} while it bakes, one session at a time (docs/adr/0040).
 */
package org.polisi.site.render;
