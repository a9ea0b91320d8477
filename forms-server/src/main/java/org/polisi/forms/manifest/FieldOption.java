package org.polisi.forms.manifest;

import java.util.Map;

/** One choice of a select, radio or checkboxes field. */
public record FieldOption(String value, Map<String, String> label) {
}
