package org.polisi.forms.intake;

/**
 * One problem with a submission. {@code field} is the key the error is reported under (a field
 * name, {@code <field>.<statement-id>} for a consent statement, or {@code form} for the form as a
 * whole) and the {@code data-field} of the form group in the page; {@code inputId} is the element
 * the error summary links to.
 */
public record FieldError(String field, String inputId, String message) {

    public static final String WHOLE_FORM = "form";
}
