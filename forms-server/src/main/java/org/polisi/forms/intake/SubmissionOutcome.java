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
     * statements of the consent form to withdraw. Nothing is stored yet.
     */
    record ChooseStatements(Manifest manifest, FormDefinition form, String language, FormDefinition consentForm,
                            boolean request, List<FieldError> errors, Map<String, List<String>> typed)
            implements SubmissionOutcome {
    }

    /** The honeypot was filled: dropped without a trace, but answered as if received. */
    record Discarded(Manifest manifest, FormDefinition form, String language, String decoyReference)
            implements SubmissionOutcome {
    }

    /** No such school or form in the manifests. */
    record UnknownForm() implements SubmissionOutcome {
    }
}
