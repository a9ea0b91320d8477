package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.contract.StaffRole;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.RoleNames;

/**
 * What a person reporting an incident must do now, in one set of words: the confirmation of an urgent
 * report shows it ({@link ConfirmationHandler}), and so does every page that refuses a post to an
 * incident form ({@link ErrorPages}), so that a report held back for any reason (too many posts, too
 * large, a foreign origin…) never leaves the reporter without it. The steps are the school's own, word
 * for word: the form definition's {@code urgent-steps} (its policy's flowchart); a form without them
 * gets a link to the page of the policy that publishes it, never advice written by the server
 * (ADR 0081; tester 2, finding 2). The roles named are the form's {@code notify.urgent}.
 */
final class UrgentGuidance {

    /** A form's address and the pages under it: {@code /forms/<school>/<form>[/…]}. */
    private static final Pattern FORM_PATH = Pattern.compile("/forms/([^/]+)/([^/]+)(?:/.*)?");

    private final Messages messages;
    private final ManifestCatalog manifests;

    UrgentGuidance(Messages messages, ManifestCatalog manifests) {
        this.messages = messages;
        this.manifests = manifests;
    }

    /**
     * The guidance of a refusal page: its heading, a sentence saying why it is shown (naming the roles
     * to tell), the school's steps, and the link to its policy when it gives none (else null).
     */
    record Guidance(String title, String intro, List<String> steps, PageLayout.Link procedure) {
    }

    /**
     * For a request to an incident form's address ({@code /forms/<school>/<form>} or a page under it):
     * the guidance in {@code language}, introduced as advice for a report that was not sent; empty for
     * any other address or kind of form.
     */
    Optional<Guidance> forRefusal(Context ctx, String language) {
        return forRefusal(ctx.path(), language);
    }

    /** As {@link #forRefusal(Context, String)}, for a request path (Jetty's own refusals have no Javalin context). */
    Optional<Guidance> forRefusal(String requestPath, String language) {
        Matcher path = FORM_PATH.matcher(requestPath == null ? "" : requestPath);
        if (!path.matches()) {
            return Optional.empty();
        }
        return manifests.form(path.group(1), path.group(2))
                .filter(form -> form.kind() == FormKind.INCIDENT)
                .map(form -> new Guidance(messages.get(language, "urgent.title"),
                        messages.format(language, "urgent.refused.intro", Map.of("roles",
                                roles(manifests.school(path.group(1)), form, language))),
                        steps(form, language), procedure(form, language)));
    }

    /**
     * For a refused post to an incident form whose answers say the concern is urgent (tester 3's fault
     * 12: a field error or a changed form showed the form again with no word of what to do now): the
     * guidance in the post's language, as {@link #forRefusal} gives it; empty for any other refusal.
     */
    Optional<Guidance> forRejected(org.polisi.forms.intake.SubmissionOutcome.Rejected rejected) {
        Map<String, Object> answers = new java.util.HashMap<>(rejected.typed());
        if (org.polisi.forms.intake.UrgentConcern.category(rejected.form(), answers).isEmpty()) {
            return Optional.empty();
        }
        String language = rejected.language();
        return Optional.of(new Guidance(messages.get(language, "urgent.title"),
                messages.format(language, "urgent.refused.intro", Map.of("roles",
                        roles(Optional.of(rejected.manifest()), rejected.form(), language))),
                steps(rejected.form(), language), procedure(rejected.form(), language)));
    }

    /** The school's steps in {@code language}, one a line as its content gives them; empty when it gives none. */
    List<String> steps(FormDefinition form, String language) {
        return form.urgentSteps(language);
    }

    /**
     * When the school's content gives no steps: a link to the page of its policy that publishes the
     * form (where its procedure is), in {@code language}; null when it gives steps or has no such page.
     */
    PageLayout.Link procedure(FormDefinition form, String language) {
        String page = form.pages().get(language);
        if (!form.urgentSteps(language).isEmpty() || page == null) {
            return null;
        }
        return new PageLayout.Link(page, messages.get(language, "urgent.procedure"));
    }

    /**
     * A form's urgent roles ({@code notify.urgent}) in words, joined by commas; the safeguarding lead
     * when it names none, as the intake alerts them then ({@code intake.IncidentAlerts}).
     */
    String roles(Optional<Manifest> school, FormDefinition form, String language) {
        List<String> urgent = form.alerts().urgent();
        return roles(school, urgent.isEmpty() ? List.of(StaffRole.SAFEGUARDING_LEAD.formWord()) : urgent, language);
    }

    /**
     * Roles named by their form words, as the school calls them in {@code language} (its own titles,
     * ADR 0101, else the server's words), joined by commas.
     */
    String roles(Optional<Manifest> school, List<String> formWords, String language) {
        return String.join(", ", formWords.stream().map(role -> RoleNames.of(messages, school,
                StaffRole.fromFormWord(role).map(StaffRole::word).orElse(role), language)).toList());
    }
}
