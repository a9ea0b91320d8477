/**
 * Stage 1, load content. Input: the {@code content/} folder. Output: a {@link org.polisi.site.content.ContentTree}
 * of cluster templates and schools, each with settings and pages per language, every line keeping
 * its file and line number. Why a stage of its own: later stages never touch the file system, so
 * they can be tested on trees built in memory and report problems against the author's files.
 */
package org.polisi.site.content;
