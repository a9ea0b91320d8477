package org.polisi.site.forms.definition;

import java.util.Optional;

/**
 * One thing a consent field asks about; it is answered on its own, {@code given} or {@code refused}.
 * {@code label} is its short name ("Photos on the website"), which an error message and a list of
 * answers use instead of the whole statement; without one they use the statement's text.
 */
public record ConsentStatement(String id, LocalizedText text, Optional<LocalizedText> label) {
    public ConsentStatement(String id, LocalizedText text) {
        this(id, text, Optional.empty());
    }
}
