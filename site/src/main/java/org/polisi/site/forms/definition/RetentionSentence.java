package org.polisi.site.forms.definition;
import org.polisi.contract.RetentionRule;

/**
 * The privacy notice's "how long we keep it" sentence, generated from the form's {@link RetentionRule}
 * rule in each language from the message bundle, so that a page can promise nothing but what
 * {@code ./polisi forms purge} applies. The same sentence goes into the manifest
 * ({@code retentionText}) for the server's receipt.
 */
public final class RetentionSentence {

    private RetentionSentence() {
    }

    /**
     * The sentence in one language.
     *
     * @param bundle the forms messages of that language (forms_&lt;lang&gt;.properties), as the build merges them
     * @throws IllegalStateException when the bundle lacks a retention key (a build bug, not a content one)
     */
    public static String in(RetentionRule retention, String language, java.util.Map<String, String> bundle) {
        return of(retention, new Messages(language, bundle));
    }

    /** The sentence (without the "How long we keep it:" lead) in {@code messages}' language. */
    public static String of(RetentionRule retention, Messages messages) {
        return switch (retention.rule()) {
            case AFTER_SUBMISSION -> messages.get(counted("forms.retention.after-submission." + retention.unit().word(),
                    retention.amount()), "count", String.valueOf(retention.amount()));
            case AFTER_PUPIL_LEAVES -> retention.amount() == 0
                    ? messages.get("forms.retention.after-pupil-leaves")
                    : messages.get(counted("forms.retention.after-pupil-leaves.plus-years", retention.amount()),
                            "count", String.valueOf(retention.amount()));
            case UNTIL_STAFF_DATE -> messages.get("forms.retention.until-staff-date");
        };
    }

    /** One or more: the bundle has a {@code .one} and an {@code .other} wording. */
    private static String counted(String key, int count) {
        return key + (count == 1 ? ".one" : ".other");
    }
}
