package org.polisi.site.forms;

/** How long submissions are kept: {@code days} for the server, {@code text} for the privacy notice. */
public record Retention(int days, LocalizedText text) {
}
