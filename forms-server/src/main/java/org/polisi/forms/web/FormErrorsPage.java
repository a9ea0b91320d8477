package org.polisi.forms.web;

import io.javalin.http.Context;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.manifest.Text;

/**
 * What was wrong with a form whose baked page is missing (the site not built yet): the form's title,
 * the error summary and the way back ({@code server/form-errors.ftl}), in the submission's language.
 */
final class FormErrorsPage {

    private final PageLayout layout;
    private final Messages messages;

    FormErrorsPage(PageLayout layout) {
        this.layout = layout;
        this.messages = layout.messages();
    }

    /** @param urgent what to do now, first on the page, when the refused report says it is urgent; or null */
    void show(Context ctx, int status, SubmissionOutcome.Rejected rejected, UrgentGuidance.Guidance urgent) {
        String language = rejected.language();
        String sitePath = rejected.form().pages().get(language);
        String title = messages.get(language, "error.title-prefix") + " " + Text.in(rejected.form().title(), language);
        PageFrame frame = layout.frame(language, title, Text.in(rejected.manifest().schoolName(), language), "/", null);
        Responses.html(ctx, status, layout.render("form-errors", frame, new FormErrors(
                Text.in(rejected.form().title(), language), new ErrorSummary(messages.get(language, "error.summary-title"),
                        rejected.errors().stream().map(error -> new ErrorSummary.Problem(error.message(), "")).toList()),
                sitePath == null ? null : new PageLayout.Link(sitePath, messages.get(language, "error.back-to-form")),
                urgent)));
    }

    /** The view of {@code server/form-errors.ftl}: the form's title, what was wrong, the way back (or null) and what to do now (or null). */
    record FormErrors(String title, ErrorSummary summary, PageLayout.Link back, UrgentGuidance.Guidance urgent) {
    }
}
