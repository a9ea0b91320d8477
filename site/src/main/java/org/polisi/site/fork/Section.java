package org.polisi.site.fork;

/**
 * A section of a page body, addressed by its explicit id. {@code start} is the first line that
 * belongs to it (its anchor or attribute lines), {@code end} the line after its last: it runs to
 * the next heading of the same or a higher level.
 */
public record Section(String id, int level, String title, int start, int end, int headingLine) {
}
