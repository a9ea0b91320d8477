package org.polisi.forms.intake;

import java.util.List;
import java.util.Map;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.storage.SubmissionRow;

/** What became of a submission. */
public sealed interface SubmissionOutcome {

    /** Stored (or found already stored, when {@code duplicate}) and committed. */
    record Accepted(Manifest manifest, FormDefinition form, SubmissionRow record, boolean duplicate)
            implements SubmissionOutcome {
    }

    /**
     * Not stored: the person must correct it. {@code typed} is what they sent, to put back in the
     * page; {@code unreadable} when part of the body could not be decoded (a 400, not a 422).
     */
    record Rejected(Manifest manifest, FormDefinition form, String language, List<FieldError> errors,
                    Map<String, List<String>> typed, boolean unreadable) implements SubmissionOutcome {
    }

    /**
     * A withdrawal whose first page is valid (or whose choice of statements was not): ask which
     * statements of the consent form to withdraw, offering only {@code withdrawable} (statement keys:
     * those given and not withdrawn on the referenced consent; every statement for a request).
     * Nothing is stored yet.
     */
    record ChooseStatements(Manifest manifest, FormDefinition form, String language, FormDefinition consentForm,
                            boolean request, List<String> withdrawable, List<FieldError> errors,
                            Map<String, List<String>> typed)
            implements SubmissionOutcome {
    }

    /**
     * Valid, and not stored: the person checks the answers before the record is made (GOV.UK "Check
     * your answers"), or a draft's answers were checked again and need no correction. {@code answers}
     * are as they would be stored; {@code typed} is what was sent, to keep in the draft.
     */
    record ReadyToSend(Manifest manifest, FormDefinition form, String language, Map<String, Object> answers,
                       Map<String, List<String>> typed) implements SubmissionOutcome {
    }

    /**
     * The honeypot was filled (a robot, or a browser's autofill): nothing is stored, and the sender is
     * told so, never acknowledged as if received (docs/forms.md, "Posting").
     */
    record Discarded(Manifest manifest, FormDefinition form, String language) implements SubmissionOutcome {
    }

    /**
     * The person pressed "add another" (GOV.UK's add-another pattern, without JavaScript): nothing is
     * checked or stored; the form is shown again with what was typed and one more box for {@code field}.
     */
    record AddAnother(Manifest manifest, FormDefinition form, String language, String field,
                      Map<String, List<String>> typed) implements SubmissionOutcome {
    }

    /** A form of a cluster template's preview: it takes no submissions, and nothing is stored. */
    record Preview(Manifest manifest, FormDefinition form, String language) implements SubmissionOutcome {
    }

    /** No such school or form in the manifests. */
    record UnknownForm() implements SubmissionOutcome {
    }
}
