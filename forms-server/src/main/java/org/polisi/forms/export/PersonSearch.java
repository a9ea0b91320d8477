package org.polisi.forms.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.text.TypedText;

/**
 * Finds everything held that names a person (a subject access request, UK GDPR Article 15):
 * submissions with an answer that mentions the name, consent events for a pupil of that name,
 * alerts they raised, incident chronology entries they recorded or that name them (and the whole
 * chronology of each incident report found), the record of incident reports they viewed, the
 * withdrawal decisions they made, the erasures they made, staff accounts of that name and the
 * changes to staff accounts they made, roster uploads they made, and pupils of that name on the roster.
 *
 * <p>The columns searched: every column that names a person in the migrations ({@code db/migration};
 * {@code PersonSearchCoverageTest} fails when a new one is not listed here):
 * <ul>
 *   <li>{@code submission.fields_json}: the answers (erased submissions' answers are gone);
 *   <li>{@code consent_event.pupil};
 *   <li>{@code outbox.raised_by};
 *   <li>{@code incident_event.recorded_by} and its {@code detail};
 *   <li>{@code incident_view.viewer};
 *   <li>{@code withdrawal_decision.decided_by};
 *   <li>{@code erasure.erased_by};
 *   <li>{@code staff_user.name};
 *   <li>{@code staff_account_event.changed_by} (never its value, which may be a second factor's secret);
 *   <li>{@code roster_upload.uploaded_by};
 *   <li>{@code roster_pupil.pupil}.
 * </ul>
 * The last four (staff accounts, the changes made to them, the roster) only when {@link Scope#staffAccounts()}: they are the
 * headteacher's. Everything else only for a school and form the {@link Scope} covers.
 *
 * <p>The command line's {@code export --person} and the staff page "Find everything about a person"
 * both call {@link #find}, so they give the same result; the page passes a {@link Scope} limited to
 * the member of staff's school and the forms their role may read.
 */
public final class PersonSearch {

    /** The least a query may be: two characters of a name once folded. */
    public static final int SHORTEST_QUERY = 2;

    private final Jdbi jdbi;
    private final java.util.function.BiFunction<String, String, Optional<FormDefinition>> forms;

    /** A search that compares every answer of a submission (no form definitions to tell typed answers apart). */
    public PersonSearch(Jdbi jdbi) {
        this(jdbi, (school, formId) -> Optional.empty());
    }

    /**
     * A search that compares only the answers a person typed (tester 3's fault 6: a search for "Eve"
     * found every consent whose statement speaks of school events): a submission's answer is
     * compared when its form's field of that name is typed text ({@link FieldType#hasLength}: a
     * name, a text, an e-mail address, pupils' names); choices, consent answers and the school's own
     * labels are not. A submission whose form is no longer published has every answer compared, so
     * a subject access search never misses a record for want of its definition.
     *
     * @param forms the form definition of (school id, form id), or empty when it is no longer published
     */
    public PersonSearch(Jdbi jdbi, java.util.function.BiFunction<String, String, Optional<FormDefinition>> forms) {
        this.jdbi = jdbi;
        this.forms = forms;
    }

    /**
     * What a search may look at.
     *
     * @param school one school, or {@code null} for every school (the command line)
     * @param readable whether records of a school's form (school id, form id) may be shown
     * @param staffAccounts whether the headteacher's records are searched too: staff accounts, the
     *     changes made to them, and the roster (uploads and pupils)
     */
    public record Scope(String school, BiPredicate<String, String> readable, boolean staffAccounts) {

        /** Everything, in every school: the operator's command line. */
        public static Scope everything() {
            return new Scope(null, (school, form) -> true, true);
        }

        boolean covers(String school, String formId) {
            return (this.school == null || this.school.equals(school)) && readable.test(school, formId);
        }
    }

    /** A submission with an answer that names the person; {@code fields} are the answers that did. */
    public record FoundSubmission(SubmissionRow record, NameMatch match, List<String> fields,
                                  Map<String, Object> answers) {
    }

    /** One consent event of a pupil of that name. */
    public record FoundConsentEvent(String school, String formId, String reference, String pupil, String statement,
                                    String answer, Instant recordedAt, NameMatch match) {
    }

    /** An urgent-incident alert the person raised. */
    public record FoundAlert(String school, String kind, String reference, String raisedBy, String category,
                             Instant raisedAt, NameMatch match) {
    }

    /** A staff account of that name. */
    public record FoundStaffAccount(String school, String name, String email, String role, Instant createdAt,
                                    NameMatch match) {
    }

    /**
     * One entry of an incident report's chronology: recorded by the person, naming them in what was
     * done, or part of the chronology of an incident report found among the submissions.
     */
    public record FoundIncidentEvent(String school, String formId, String reference, int seq, String kind,
                                     String detail, String recordedBy, Instant recordedAt, NameMatch match) {
    }

    /** One time the person (a member of staff) viewed an incident report. */
    public record FoundIncidentView(String school, String formId, String reference, String viewer, String channel,
                                    Instant viewedAt, NameMatch match) {
    }

    /** A decision on a withdrawal request that the person (a member of staff) made. */
    public record FoundWithdrawalDecision(String school, String formId, String reference, String decision,
                                          String decidedBy, Instant decidedAt, NameMatch match) {
    }

    /** An erasure the person made (the submission's answers are gone; its reference and form remain). */
    public record FoundErasure(String school, String formId, String reference, String reason, String erasedBy,
                               Instant erasedAt, NameMatch match) {
    }

    /** A change to a staff account that the person made; {@code account} is the changed account's name. */
    public record FoundAccountChange(String school, String account, String change, String changedBy, Instant changedAt,
                                     NameMatch match) {
    }

    /** A roster upload the person made. */
    public record FoundRosterUpload(String school, String uploadedBy, int pupils, Instant uploadedAt, NameMatch match) {
    }

    /** A pupil of that name on the school's roster. */
    public record FoundRosterPupil(String school, String pupil, String className, NameMatch match) {
    }

    /** Everything found, each list in the order it was stored. */
    public record Findings(String person, List<FoundSubmission> submissions, List<FoundConsentEvent> consentEvents,
                           List<FoundAlert> alertsRaised, List<FoundIncidentEvent> incidentEvents,
                           List<FoundIncidentView> incidentViews, List<FoundWithdrawalDecision> withdrawalDecisions,
                           List<FoundErasure> erasures, List<FoundStaffAccount> staffAccounts,
                           List<FoundAccountChange> accountChanges, List<FoundRosterUpload> rosterUploads,
                           List<FoundRosterPupil> rosterPupils) {

        public int count() {
            return submissions.size() + consentEvents.size() + alertsRaised.size() + incidentEvents.size()
                    + incidentViews.size() + withdrawalDecisions.size() + erasures.size() + staffAccounts.size()
                    + accountChanges.size() + rosterUploads.size() + rosterPupils.size();
        }
    }

    /** Whether the query is long enough to search with (two characters once folded). */
    public static boolean searchable(String query) {
        String key = PersonNames.searchKey(TypedText.normalise(query));
        return key.codePointCount(0, key.length()) >= SHORTEST_QUERY;
    }

    /**
     * @param query the name as typed (any Unicode; NFD, curly apostrophes and missing accents are fine)
     * @param scope what may be looked at
     * @return every record in scope that names the person, with how it matched
     * @throws IllegalArgumentException when the query has fewer than two characters once folded
     */
    public Findings find(String query, Scope scope) {
        if (!searchable(query)) {
            throw new IllegalArgumentException("give at least two letters of the person's name");
        }
        String typed = TypedText.normalise(query).strip();
        PersonNames.Query person = PersonNames.query(typed);   // its keys made once for every record compared
        List<FoundSubmission> submissions = submissions(person, scope);
        return new Findings(typed, submissions, consentEvents(person, scope), alerts(person, scope),
                incidentEvents(person, scope, submissions), incidentViews(person, scope),
                withdrawalDecisions(person, scope), erasures(person, scope),
                scope.staffAccounts() ? staffAccounts(person, scope) : List.of(),
                scope.staffAccounts() ? accountChanges(person, scope) : List.of(),
                scope.staffAccounts() ? rosterUploads(person, scope) : List.of(),
                scope.staffAccounts() ? rosterPupils(person, scope) : List.of());
    }

    private List<FoundErasure> erasures(PersonNames.Query person, Scope scope) {
        return found("""
                SELECT s.school, s.form_id, s.reference, x.reason, x.erased_by, x.erased_at
                FROM erasure x JOIN submission s ON s.id = x.submission_id WHERE 1 = 1""", "s.school", "x.id", scope,
                (rows, context) -> new FoundErasure(rows.getString("school"), rows.getString("form_id"),
                        rows.getString("reference"), rows.getString("reason"), rows.getString("erased_by"),
                        instant(rows.getString("erased_at")), person.mentions(rows.getString("erased_by"))),
                erasure -> erasure.match().found() && scope.covers(erasure.school(), erasure.formId()));
    }

    private List<FoundAccountChange> accountChanges(PersonNames.Query person, Scope scope) {
        return found("""
                SELECT e.school, u.name, e.change, e.changed_by, e.changed_at
                FROM staff_account_event e JOIN staff_user u ON u.id = e.staff_user_id WHERE 1 = 1""",
                "e.school", "e.id", scope,
                (rows, context) -> new FoundAccountChange(rows.getString("school"), rows.getString("name"),
                        rows.getString("change"), rows.getString("changed_by"), instant(rows.getString("changed_at")),
                        person.mentions(rows.getString("changed_by"))),
                change -> change.match().found());
    }

    private List<FoundRosterUpload> rosterUploads(PersonNames.Query person, Scope scope) {
        return found("SELECT school, uploaded_by, pupils, uploaded_at FROM roster_upload WHERE 1 = 1",
                "school", "id", scope,
                (rows, context) -> new FoundRosterUpload(rows.getString("school"), rows.getString("uploaded_by"),
                        rows.getInt("pupils"), instant(rows.getString("uploaded_at")),
                        person.mentions(rows.getString("uploaded_by"))),
                upload -> upload.match().found());
    }

    private List<FoundRosterPupil> rosterPupils(PersonNames.Query person, Scope scope) {
        return found("SELECT school, pupil, class_name FROM roster_pupil WHERE 1 = 1", "school", "id", scope,
                (rows, context) -> new FoundRosterPupil(rows.getString("school"), rows.getString("pupil"),
                        rows.getString("class_name"), person.mentions(rows.getString("pupil"))),
                pupil -> pupil.match().found());
    }

    private List<FoundIncidentEvent> incidentEvents(PersonNames.Query person, Scope scope, List<FoundSubmission> submissions) {
        Map<Long, NameMatch> found = new LinkedHashMap<>();
        submissions.forEach(each -> found.put(each.record().id(), each.match()));
        return found("""
                SELECT e.school, s.form_id, s.reference, e.submission_id, e.seq, e.kind, e.detail,
                       e.recorded_by, e.recorded_at
                FROM incident_event e JOIN submission s ON s.id = e.submission_id
                WHERE s.erased_at IS NULL""", "e.school", "e.id", scope,
                (rows, context) -> new FoundIncidentEvent(rows.getString("school"), rows.getString("form_id"),
                        rows.getString("reference"), rows.getInt("seq"), rows.getString("kind"),
                        rows.getString("detail"), rows.getString("recorded_by"),
                        instant(rows.getString("recorded_at")),
                        better(person.mentions(rows.getString("recorded_by")),
                                better(person.mentions(rows.getString("detail")),
                                        found.getOrDefault(rows.getLong("submission_id"), NameMatch.NONE)))),
                event -> event.match().found() && scope.covers(event.school(), event.formId()));
    }

    private List<FoundIncidentView> incidentViews(PersonNames.Query person, Scope scope) {
        return found("""
                SELECT s.school, s.form_id, s.reference, v.viewer, v.channel, v.viewed_at
                FROM incident_view v JOIN submission s ON s.id = v.submission_id
                WHERE s.erased_at IS NULL""", "s.school", "v.id", scope,
                (rows, context) -> new FoundIncidentView(rows.getString("school"), rows.getString("form_id"),
                        rows.getString("reference"), rows.getString("viewer"), rows.getString("channel"),
                        instant(rows.getString("viewed_at")), person.mentions(rows.getString("viewer"))),
                view -> view.match().found() && scope.covers(view.school(), view.formId()));
    }

    private List<FoundWithdrawalDecision> withdrawalDecisions(PersonNames.Query person, Scope scope) {
        return found("""
                SELECT d.school, s.form_id, s.reference, d.decision, d.decided_by, d.decided_at
                FROM withdrawal_decision d JOIN submission s ON s.id = d.withdrawal_submission
                WHERE s.erased_at IS NULL""", "d.school", "d.id", scope,
                (rows, context) -> new FoundWithdrawalDecision(rows.getString("school"),
                        rows.getString("form_id"), rows.getString("reference"), rows.getString("decision"),
                        rows.getString("decided_by"), instant(rows.getString("decided_at")),
                        person.mentions(rows.getString("decided_by"))),
                decision -> decision.match().found() && scope.covers(decision.school(), decision.formId()));
    }

    /**
     * The rows of a query (whose WHERE clause is open) in the scope's school, in stored order, each
     * mapped and kept when {@code keep} says so: names are compared in Java, never in SQL.
     */
    private <T> List<T> found(String sql, String schoolColumn, String order, Scope scope, RowMapper<T> mapper,
                              Predicate<T> keep) {
        String school = scope.school() == null ? "" : " AND " + schoolColumn + " = :school";
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql + school + " ORDER BY " + order);
            if (scope.school() != null) {
                query.bind("school", scope.school());
            }
            return query.map(mapper).list();
        }).stream().filter(keep).toList();
    }

    private static NameMatch better(NameMatch one, NameMatch other) {
        return one.stronger(other);
    }

    private List<FoundSubmission> submissions(PersonNames.Query person, Scope scope) {
        List<FoundSubmission> found = new ArrayList<>();
        // A first sift on the derived key (V11; computed by PersonNames, so no SQL folding), then
        // each answer is compared. A submission without a key is compared answer by answer.
        jdbi.useHandle(handle -> {
            // SQLite's instr() is PostgreSQL's strpos(): both find a substring, with no folding or pattern
            String position = org.polisi.forms.storage.Dialect.of(handle).postgresql() ? "strpos" : "instr";
            // The sift looks for a piece of the name in the key without its spaces, apostrophes and
            // separators (replace() only removes characters PersonNames has already folded), so that
            // "Ann Marie" still finds "Ann-Marie" and "OBrien" finds "O'Brien" (ADR 0094); the piece
            // lies inside one word of the name, so "Dafydd Owen" still finds "Dafydd ab Owen" (ADR 0098).
            String removes = PersonNames.siftRemoves();
            String compact = "k.accent_free";
            for (int i = 0; i < removes.length(); i++) {
                compact = "replace(" + compact + ", :remove" + i + ", '')";
            }
            String sql = """
                    SELECT s.* FROM submission s LEFT JOIN submission_name_key k ON k.submission_id = s.id
                    WHERE s.erased_at IS NULL AND (k.submission_id IS NULL OR %s(%s, :key) > 0)"""
                    .formatted(position, compact) + (scope.school() == null ? "" : " AND s.school = :school")
                    + " ORDER BY s.school, s.seq";
            var query = handle.createQuery(sql).bind("key", person.siftPiece());
            for (int i = 0; i < removes.length(); i++) {
                query.bind("remove" + i, String.valueOf(removes.charAt(i)));
            }
            if (scope.school() != null) {
                query.bind("school", scope.school());
            }
            try (Stream<SubmissionRow> rows = query.map(ConstructorMapper.of(SubmissionRow.class)).stream()) {
                rows.filter(row -> scope.covers(row.school(), row.formId())).forEach(row -> {
                    Map<String, Object> answers = CanonicalJson.readFields(row.fieldsJson());
                    Optional<FormDefinition> form = forms.apply(row.school(), row.formId());
                    NameMatch best = NameMatch.NONE;
                    List<String> fields = new ArrayList<>();
                    for (Map.Entry<String, Object> answer : answers.entrySet()) {
                        if (form.isPresent() && !typed(form.get(), answer.getKey())) {
                            continue;
                        }
                        NameMatch match = mentions(person, answer.getValue());
                        if (match.found()) {
                            fields.add(answer.getKey());
                            best = best.stronger(match);
                        }
                    }
                    if (best.found()) {
                        found.add(new FoundSubmission(row, best, List.copyOf(fields), answers));
                    }
                });
            }
        });
        return found;
    }

    /** Whether the stored answer under {@code key} is one the person typed (a field of typed text). */
    private static boolean typed(FormDefinition form, String key) {
        return form.field(key).map(field -> field.type().hasLength()).orElse(false);
    }

    private static NameMatch mentions(PersonNames.Query person, Object answer) {
        if (answer instanceof List<?> values) {
            NameMatch best = NameMatch.NONE;
            for (Object value : values) {
                best = best.stronger(person.mentions(String.valueOf(value)));
            }
            return best;
        }
        return person.mentions(String.valueOf(answer));
    }

    private List<FoundConsentEvent> consentEvents(PersonNames.Query person, Scope scope) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT e.school, e.form_id, s.reference, e.pupil, e.statement, e.answer, e.recorded_at
                        FROM consent_event e JOIN submission s ON s.id = e.consent_submission
                        WHERE e.pupil <> '' ORDER BY e.id""")
                .map((rows, context) -> new FoundConsentEvent(rows.getString("school"), rows.getString("form_id"),
                        rows.getString("reference"), rows.getString("pupil"), rows.getString("statement"),
                        rows.getString("answer"), instant(rows.getString("recorded_at")),
                        person.mentions(rows.getString("pupil"))))
                .list())
                .stream()
                .filter(event -> event.match().found() && scope.covers(event.school(), event.formId()))
                .toList();
    }

    private List<FoundAlert> alerts(PersonNames.Query person, Scope scope) {
        record Row(FoundAlert alert, String formId) {
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT o.school, o.kind, o.reference, o.raised_by, o.category, o.raised_at, s.form_id
                        FROM outbox o LEFT JOIN submission s ON s.school = o.school AND s.reference = o.reference
                        WHERE o.raised_by IS NOT NULL ORDER BY o.id""")
                .map((rows, context) -> new Row(new FoundAlert(rows.getString("school"), rows.getString("kind"),
                        rows.getString("reference"), rows.getString("raised_by"), rows.getString("category"),
                        instant(rows.getString("raised_at")), person.mentions(rows.getString("raised_by"))),
                        rows.getString("form_id")))
                .list())
                .stream()
                .filter(row -> row.alert().match().found() && scope.covers(row.alert().school(), row.formId()))
                .map(Row::alert)
                .distinct()   // one alert is one outbox row per recipient: it was raised once
                .toList();
    }

    private List<FoundStaffAccount> staffAccounts(PersonNames.Query person, Scope scope) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT school, name, email, role, created_at FROM staff_user ORDER BY id")
                .map((rows, context) -> new FoundStaffAccount(rows.getString("school"), rows.getString("name"),
                        rows.getString("email"), rows.getString("role"), instant(rows.getString("created_at")),
                        person.mentions(rows.getString("name"))))
                .list())
                .stream()
                .filter(account -> account.match().found()
                        && (scope.school() == null || scope.school().equals(account.school())))
                .toList();
    }

    private static Instant instant(String stored) {
        return stored == null ? null : org.polisi.forms.storage.Times.parse(stored);
    }
}
