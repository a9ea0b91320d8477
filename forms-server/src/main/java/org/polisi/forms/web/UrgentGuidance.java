package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.StaffRole;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.ManifestCatalog;

/**
 * What a person reporting an incident must do now (call 999, tell the school's named roles at once),
 * in one set of words: the confirmation of an urgent report shows it ({@link ConfirmationHandler}),
 * and so does every page that refuses a post to an incident form ({@link ErrorPages}), so that a
 * report held back for any reason (too many posts, too large, a foreign origin…) never leaves the
 * reporter without the safety advice. The roles are the form's {@code notify.urgent}.
 */
final class UrgentGuidance {

    /** A form's address and the pages under it: {@code /forms/<school>/<form>[/…]}. */
    private static final Pattern FORM_PATH = Pattern.compile("/forms/([^/]+)/([^/]+)(?:/.*)?");
    static final List<String> STEPS = List.of("urgent.step.danger", "urgent.step.do-not-investigate",
            "urgent.step.do-not-view", "urgent.step.preserve", "urgent.step.report");

    private final Messages messages;
    private final ManifestCatalog manifests;

    UrgentGuidance(Messages messages, ManifestCatalog manifests) {
        this.messages = messages;
        this.manifests = manifests;
    }

    /** The guidance of a refusal page: its heading, a sentence saying why it is shown, and the steps. */
    record Guidance(String title, String intro, List<String> steps) {
    }

    /**
     * For a request to an incident form's address ({@code /forms/<school>/<form>} or a page under it):
     * the guidance in {@code language}, introduced as advice for a report that was not sent; empty for
     * any other address or kind of form.
     */
    Optional<Guidance> forRefusal(Context ctx, String language) {
        Matcher path = FORM_PATH.matcher(ctx.path());
        if (!path.matches()) {
            return Optional.empty();
        }
        return manifests.form(path.group(1), path.group(2))
                .filter(form -> form.kind() == FormKind.INCIDENT)
                .map(form -> new Guidance(messages.get(language, "urgent.title"),
                        messages.get(language, "urgent.refused.intro"), steps(language, roles(form, language))));
    }

    /** The steps, in {@code language}, naming {@code roles} (already in words) as the people to tell. */
    List<String> steps(String language, String roles) {
        return STEPS.stream().map(step -> messages.format(language, step, Map.of("roles", roles))).toList();
    }

    /** A form's urgent roles ({@code notify.urgent}) in words, joined by commas. */
    String roles(FormDefinition form, String language) {
        return roles(form.alerts().urgent(), language);
    }

    /** Roles named by their form words, in {@code language}'s words, joined by commas. */
    String roles(List<String> formWords, String language) {
        return String.join(", ", formWords.stream().map(role -> messages.get(language,
                "role." + StaffRole.fromFormWord(role).map(StaffRole::word).orElse(role))).toList());
    }
}
