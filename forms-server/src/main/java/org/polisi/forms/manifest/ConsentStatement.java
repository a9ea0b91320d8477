package org.polisi.forms.manifest;

import java.util.Map;

/** One statement of a consent field, answered {@code given} or {@code refused} on its own. */
public record ConsentStatement(String id, Map<String, String> text) {
}
