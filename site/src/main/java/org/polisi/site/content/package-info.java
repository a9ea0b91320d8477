/**
 * Stage 1, load content. Input: the {@code content/} folder. Output: a {@link org.polisi.site.content.ContentTree}
 * of cluster templates and schools, each with settings and pages per language, every line keeping
 * its file and line number (includes expanded, from the school's and its template's folders only).
 * Each school and cluster is loaded on its own: a bad name or an unreadable settings file is one
 * problem at its file and leaves the others untouched. Why a stage of its own: later stages never touch the file system, so
 * they can be tested on trees built in memory and report problems against the author's files.
 */
package org.polisi.site.content;
