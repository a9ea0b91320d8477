package org.polisi.site.forms.definition;

/** One choice of a select, radio or checkboxes field: the posted {@code value} and what people read. */
public record FieldOption(String value, LocalizedText label) {
}
