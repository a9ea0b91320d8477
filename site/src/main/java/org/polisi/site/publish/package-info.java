/**
 * Stage 7, publish ({@link org.polisi.site.publish.PublishStage}). Input: the
 * {@code render.RenderedSite} of a checked build and the sites it may publish (those without errors;
 * {@code problem.Verdict} decides). Output: the root index, each fresh site's forms manifest, and the live {@code site/target/public} and {@code site/target/manifests},
 * assembled from those sites and every other site's last good output ({@link org.polisi.site.publish.MergedTree})
 * and swapped in whole ({@link org.polisi.site.publish.AtomicPublisher}); each school's {@code sitemap.xml}
 * ({@link org.polisi.site.publish.Sitemap}) is written with its pages, and the root's {@code sitemap.xml}
 * index and {@code robots.txt} list them ({@link org.polisi.site.publish.SitemapIndex}). Every published file and
 * folder gets the mode the umask gives a new one ({@link org.polisi.site.publish.PublishedModes}), whatever mode a
 * stage wrote it with, so the web server can read it (ADR 0088). Linking, setting modes and deleting the
 * replaced tree work on each site's folder on several threads ({@code render.FileTrees.inParallel}, ADR 0091):
 * they wait on the disk, not the processor. Why a stage: publishing
 * only what passed is what keeps the last good site of every school online when content breaks (ADR 30).
 */
package org.polisi.site.publish;
