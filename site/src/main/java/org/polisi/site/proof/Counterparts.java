package org.polisi.site.proof;

import java.util.List;

/**
 * The same text in English and in another language: a page and its translation, a form's label
 * and its Welsh label, a bundle key in both files. The glossary check compares them.
 * {@code translated} is the other language's prose, in order; its first line stands for the whole
 * where no better line is known.
 */
record Counterparts(List<Prose> english, List<Prose> translated) {
}
