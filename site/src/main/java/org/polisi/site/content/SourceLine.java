package org.polisi.site.content;

import java.nio.file.Path;

/** One line of AsciiDoc and where it came from, so that every later stage can point back to it. */
public record SourceLine(String text, Path file, int number) {
}
