package org.polisi.site.forms;

/** One thing a consent field asks about; it is answered on its own, {@code given} or {@code refused}. */
public record ConsentStatement(String id, LocalizedText text) {
}
