/**
 * Stage 2, resolve the school fork. Input: a school and the cluster template it adopts (if any).
 * Output: a {@link org.polisi.site.fork.ResolvedSite} with every page the school publishes and a
 * {@link org.polisi.site.fork.SectionChange} for every template section (inherited, replaced,
 * removed) and every section the school inserted. Why here, on lines rather than on Asciidoctor's
 * tree: the merge must keep each line's source file so that errors point at what an author edits,
 * and a replaced section's hash must be taken from the template text the author saw.
 */
package org.polisi.site.fork;
