package org.polisi.forms.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polisi.contract.ReservedNames;

/**
 * What arrived: the school and form from the address, every posted parameter that could be read,
 * the names of the fields that could not ({@link PostedBody#unreadable()}) and why ({@link
 * PostedBody#causes()}, for the log line).
 */
public record SubmissionRequest(String school, String formId, Map<String, List<String>> parameters,
                                Set<String> unreadable, Set<String> unreadableCauses) {

    public SubmissionRequest(String school, String formId, Map<String, List<String>> parameters) {
        this(school, formId, parameters, Set.of(), Set.of());
    }

    /** The hidden fields every rendered form posts, and the honeypot; never stored as answers. */
    public static final String FORM_ID = ReservedNames.FORM_ID;
    public static final String FORM_LANG = ReservedNames.FORM_LANG;
    public static final String FORM_VERSION = ReservedNames.FORM_VERSION;
    public static final String HONEYPOT = ReservedNames.HONEYPOT;
    public static final String IDEMPOTENCY_KEY = ReservedNames.IDEMPOTENCY_KEY;
    /** The "add another" submit button's name; its value names the field that gets one more box. */
    public static final String ADD_ANOTHER = ReservedNames.ADD_ANOTHER;
    /** Sent by the form's page for a consent or agreement form: check the answers before the record is made. */
    public static final String CHECK_ANSWERS = ReservedNames.CHECK_ANSWERS;
    public static final String SWITCH_LANGUAGE = ReservedNames.SWITCH_LANGUAGE;
    static final List<String> RESERVED = List.of(FORM_ID, FORM_LANG, FORM_VERSION, HONEYPOT, IDEMPOTENCY_KEY, ADD_ANOTHER,
            CHECK_ANSWERS, SWITCH_LANGUAGE);

    public String single(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).strip();
    }
}
