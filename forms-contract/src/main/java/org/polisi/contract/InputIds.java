package org.polisi.contract;

import java.util.regex.Pattern;

/**
 * The element ids of docs/forms.md, which the site renders and the server's error summary links to:
 * {@code <form-id>--<field>} for a field, {@code <form-id>--<field>--<part>} for one of its controls
 * (an option, a statement, the n-th pupil name), and {@code …--hint}, {@code …--error} beside them.
 * Every part is lower-case words joined by single hyphens ({@link #isNamePart}), so an id can always be
 * split back at its double hyphens.
 */
public final class InputIds {

    /** The separator between an id's parts. */
    public static final String SEPARATOR = "--";
    /** {@code <form-id>--title}: the form's heading, which whole-form errors link to. */
    public static final String TITLE = "title";
    /** {@code <id>--hint}: a field's hint, which the control's aria-describedby names. */
    public static final String HINT = "hint";
    /** {@code <id>--error}: the server's message beside a failing field. */
    public static final String ERROR = "error";
    /** {@code <form-id>--<consent field>--heading}: the heading over a consent field's statements. */
    public static final String HEADING = "heading";
    /**
     * {@code <form-id>--<field>[--<statement-id>]--question}: a question's form group, where a
     * check-your-answers "Change" link leads (the question, not only its first answer, in view).
     */
    public static final String QUESTION = "question";

    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private InputIds() {
    }

    /** True for lower-case ASCII words and digits joined by single hyphens: what a form id, field name, option value or statement id must be. */
    public static boolean isNamePart(String text) {
        return text != null && NAME_PART.matcher(text).matches();
    }

    /** {@code <form-id>--<field>}. */
    public static String field(String formId, String fieldName) {
        return formId + SEPARATOR + fieldName;
    }

    /** {@code <id>--<part>}: an option, a statement, the n-th pupil name, or a hint or error of {@code id}. */
    public static String part(String id, String part) {
        return id + SEPARATOR + part;
    }

    /** {@code <id>--hint}. */
    public static String hint(String id) {
        return part(id, HINT);
    }

    /** {@code <id>--error}. */
    public static String error(String id) {
        return part(id, ERROR);
    }

    /** {@code <form-id>--<field>--question}, or for a statement ({@code <field>.<statement-id>}) {@code <form-id>--<field>--<statement-id>--question}. */
    public static String question(String formId, String answerKey) {
        return part(field(formId, answerKey.replace(".", SEPARATOR)), QUESTION);
    }

    /** {@code <form-id>--title}. */
    public static String title(String formId) {
        return part(formId, TITLE);
    }

    /**
     * Where an error summary's link for the field lands: the field's own id, the first pupil name
     * ({@code …--1}), or a consent field's first statement ({@code …--<statement-id>}).
     */
    public static String firstControl(String formId, FieldDefinition field) {
        String id = field(formId, field.name());
        if (field.type() == FieldType.PUPIL_NAMES) {
            return part(id, "1");
        }
        if (field.type() == FieldType.CONSENT && !field.statements().isEmpty()) {
            return part(id, field.statements().get(0).id());
        }
        return id;
    }
}
