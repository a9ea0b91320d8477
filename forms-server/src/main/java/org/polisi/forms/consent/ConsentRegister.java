package org.polisi.forms.consent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.roster.PupilClasses;
import org.polisi.forms.roster.Roster;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;

/**
 * The consents that stand now ({@link ConsentState#of}), each with the pupil's class, filtered by
 * statement, class or answer: "who may appear on the website photo from class 3?" The class is the
 * roster's ({@link PupilClasses}, when the school uploaded one and it names the pupil; every class
 * of the name when it names several pupils so, since it cannot say which one a form means: ADR
 * 0102), and the year group the consent form asked for, if it asked.
 */
public final class ConsentRegister {

    private final Jdbi jdbi;
    private final ConsentState state;

    public ConsentRegister(Jdbi jdbi, ConsentState state) {
        this.jdbi = jdbi;
        this.state = state;
    }

    /**
     * One standing consent with the pupil's class on the roster and the year group the form gave.
     *
     * @param rosterClasses the class of each of the roster's pupils of that name ({@link PupilClasses}
     *                      compares names; one entry per pupil): none when the roster does not name the pupil, more than one when
     *                      several pupils of the roster share the name (then the roster cannot say
     *                      which one the form means: ADR 0102)
     */
    public record Line(CurrentConsent consent, List<String> rosterClasses, Optional<String> yearGroup) {
        public Line {
            rosterClasses = List.copyOf(rosterClasses);
        }

        /** The class on the roster, when the roster names exactly one pupil of that name. */
        public Optional<String> rosterClass() {
            return rosterClasses.size() == 1 ? Optional.of(rosterClasses.get(0)) : Optional.empty();
        }

        /** True when more than one pupil on the roster has that name. */
        public boolean rosterAmbiguous() {
            return rosterClasses.size() > 1;
        }
    }

    /**
     * What to show; each empty part shows all.
     *
     * @param statement {@code formId.statementId}, as the filter's options send it
     * @param className a class on the roster
     * @param yearGroup a year-group word ({@code year-3})
     * @param answer    {@code given}, {@code refused} or {@code withdrawn}; for a notice of objection
     *                  {@code objects} or {@code no-objection}
     */
    public record Filter(Optional<String> statement, Optional<String> className, Optional<String> yearGroup,
                         Optional<String> answer) {

        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        boolean accepts(Line line) {
            CurrentConsent consent = line.consent();
            return statement.map(key -> key.equals(consent.formId() + "." + consent.statement())).orElse(true)
                    && className.map(line.rosterClasses()::contains).orElse(true)
                    && yearGroup.map(wanted -> line.yearGroup().filter(wanted::equals).isPresent()).orElse(true)
                    && answer.map(consent.answer()::equals).orElse(true);
        }
    }

    /**
     * @param school the member of staff's school
     * @param forms  the consent forms they may read
     * @param roster  the school's roster (empty when there is none, or the reader may not use it)
     */
    public ConsentState.Verified<List<Line>> lines(String school, List<FormDefinition> forms,
                                                  List<Roster.Entry> roster, Filter filter) {
        ConsentState.Verified<List<CurrentConsent>> verified = state.of(school, forms);
        RosterClasses classes = new RosterClasses(roster);
        List<String> readable = forms.stream().map(FormDefinition::id).toList();
        Map<String, Optional<String>> yearGroups = new HashMap<>();
        for (FormDefinition form : forms) {
            Optional<String> field = form.fields().stream().filter(each -> each.type() == FieldType.YEAR_GROUP)
                    .map(each -> each.name()).findFirst();
            if (field.isEmpty()) {
                continue;
            }
            for (SubmissionRow row : jdbi.withExtension(SubmissionDao.class, dao -> dao.allOfForm(school, form.id()))) {
                Object answer = CanonicalJson.readFields(row.fieldsJson()).get(field.get());
                yearGroups.put(row.reference(), Optional.ofNullable(answer).map(String::valueOf));
            }
        }
        List<Line> lines = verified.value().stream().filter(consent -> readable.contains(consent.formId()))
                .map(consent -> new Line(consent, classes.of(consent.pupil()),
                        yearGroups.getOrDefault(consent.reference(), Optional.empty())))
                .filter(filter::accepts).toList();
        return new ConsentState.Verified<>(lines, verified.problem());
    }

    /**
     * Every class of the roster's pupils of a name: {@link PupilClasses} gives the first only, which
     * would put one child's form in another's class when two pupils share a name (tester 7's finding 1).
     */
    private static final class RosterClasses {
        private final Map<String, List<Roster.Entry>> byName = new HashMap<>();

        RosterClasses(List<Roster.Entry> roster) {
            for (Roster.Entry entry : roster) {
                byName.computeIfAbsent(PersonNames.accentFreeKey(entry.pupil()), key -> new ArrayList<>()).add(entry);
            }
        }

        List<String> of(String pupil) {
            List<Roster.Entry> found = byName.getOrDefault(PersonNames.accentFreeKey(pupil), List.of());
            if (found.isEmpty() || PersonNames.searchKey(pupil).isEmpty()) {
                return List.of();
            }
            PupilClasses one = PupilClasses.of(found);
            return one.contains(pupil) ? found.stream().map(Roster.Entry::className).toList() : List.of();
        }
    }
}
