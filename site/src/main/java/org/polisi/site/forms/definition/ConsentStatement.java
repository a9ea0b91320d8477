package org.polisi.site.forms.definition;

/** One thing a consent field asks about; it is answered on its own, {@code given} or {@code refused}. */
public record ConsentStatement(String id, LocalizedText text) {
}
