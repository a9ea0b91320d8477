package org.polisi.forms.web;

import java.util.List;
import java.util.Map;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.StaffUser;

/**
 * The view of {@code server/choose-school.ftl}, "Which school?" (docs/adr/0080): one radio per live
 * membership of a person, its school's name and the role held there, in the GOV.UK radios pattern
 * with the question as the fieldset's legend and page heading. Used at sign-in (public frame) and to
 * switch school once signed in (staff frame, {@code staff} true).
 *
 * @param summary the error summary, or null
 */
record SchoolChoice(String title, String hint, String action, String csrfField, String csrfToken, ErrorSummary summary,
                    String error, String hiddenPrefix, List<Option> options, String submit, boolean staff) {

    /** One school: the membership's id (the posted value), the school's name, the role held there. */
    record Option(long value, String label, String hint, boolean checked) {
    }

    /**
     * @param current the membership signed in to now (checked), or -1 at sign-in (none checked)
     * @param error   what was wrong with the post, or null
     */
    static SchoolChoice of(Messages messages, String language, ManifestCatalog schools, List<StaffUser> memberships,
                           long current, String action, String csrfField, String csrfToken, String error) {
        List<Option> options = memberships.stream().map(membership -> new Option(membership.id(),
                schools.school(membership.school()).map(manifest -> Text.in(manifest.schoolName(), language))
                        .orElse(membership.school()),
                messages.format(language, "school.choose.role", Map.of("role", org.polisi.forms.manifest.RoleNames.of(messages,
                        schools.school(membership.school()), membership.role(), language))),
                membership.id() == current)).toList();
        ErrorSummary summary = error == null ? null : new ErrorSummary(messages.get(language, "error.summary-title"),
                List.of(new ErrorSummary.Problem(error, options.isEmpty() ? "" : "#school--" + options.get(0).value())));
        boolean staff = current >= 0;
        return new SchoolChoice(messages.get(language, staff ? "school.switch.title" : "school.choose.title"),
                messages.get(language, staff ? "school.switch.hint" : "school.choose.hint"), action, csrfField, csrfToken, summary, error,
                messages.get(language, "error.hidden-prefix"), options, messages.get(language, "school.choose.submit"), staff);
    }
}
