package org.polisi.forms.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.SignerGroup;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;

/**
 * Who on the roster has not yet returned a form. A pupil has returned it when a live (not erased)
 * submission of the form names them in a pupil-names answer ({@link PersonNames#same}); for a form
 * without a pupil-names question, when any of its answers mentions them ({@link PersonNames#mentions}),
 * a name particle left out not counting (ADR 0098).
 */
public final class Returns {

    private final Jdbi jdbi;

    public Returns(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** For one form: the roster's pupils with no submission naming them, in roster order, and the roster's size. */
    public record Missing(FormDefinition form, List<Roster.Entry> notReturned, int onRoster) {
    }

    /**
     * @param school the school (the caller's own)
     * @param forms  the agreement and consent forms the member of staff may read; those signed by staff
     *               are left out, since the roster lists pupils
     * @param roster the school's roster ({@link Roster#of})
     */
    public List<Missing> notReturned(String school, List<FormDefinition> forms, List<Roster.Entry> roster) {
        List<Missing> missing = new ArrayList<>();
        for (FormDefinition form : forms) {
            if (form.signers() == SignerGroup.STAFF) {
                continue; // the roster lists pupils: a staff agreement is never returned by a pupil's family
            }
            List<SubmissionRow> rows = jdbi.withExtension(SubmissionDao.class, dao -> dao.allOfForm(school, form.id()))
                    .stream().filter(row -> !row.erased()).toList();
            List<String> pupilFields = form.fields().stream().filter(field -> field.type() == FieldType.PUPIL_NAMES)
                    .map(FieldDefinition::name).toList();
            List<Roster.Entry> notReturned;
            if (!pupilFields.isEmpty()) {
                List<Roster.Entry> named = new ArrayList<>();
                for (SubmissionRow row : rows) {
                    Map<String, Object> fields = CanonicalJson.readFields(row.fieldsJson());
                    pupilFields.forEach(field -> values(fields.get(field)).forEach(name ->
                            named.add(new Roster.Entry(name, ""))));
                }
                PupilClasses returned = PupilClasses.of(named);
                notReturned = roster.stream().filter(entry -> !returned.contains(entry.pupil())).toList();
            } else {
                List<String> answers = rows.stream().flatMap(row -> CanonicalJson.readFields(row.fieldsJson()).values()
                        .stream().flatMap(value -> values(value).stream())).toList();
                notReturned = roster.stream().filter(entry -> {
                    PersonNames.Query pupil = PersonNames.query(entry.pupil());
                    return answers.stream().noneMatch(answer -> returns(pupil.mentions(answer)));
                }).toList();
            }
            missing.add(new Missing(form, notReturned, roster.size()));
        }
        return missing;
    }

    /**
     * Whether an answer that mentions a pupil this way counts as the pupil's return: every match but
     * a name particle left out (ADR 0098), which would mark "Dafydd Owen" returned by an answer naming
     * "Dafydd ab Owen", and so drop a pupil from the list the school chases.
     */
    private static boolean returns(NameMatch match) {
        return match.found() && match != NameMatch.WITHOUT_PARTICLES;
    }

    private static List<String> values(Object answer) {
        if (answer instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return answer == null ? List.of() : List.of(String.valueOf(answer));
    }
}
