package org.polisi.site.proof;

import java.nio.file.Path;

/**
 * One line of text a reader sees, in one language, with the file and line an author edits to
 * change it. {@code text} has already lost what is not prose: markup, link targets, e-mail
 * addresses, attribute references, code.
 */
public record Prose(Path file, int line, String language, String text) {
}
