package org.polisi.forms.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.polisi.forms.names.NameMatch;
import org.polisi.forms.names.PersonNames;
import org.polisi.forms.storage.CanonicalJson;
import org.polisi.forms.storage.SubmissionRow;
import org.polisi.forms.text.TypedText;

/**
 * Finds everything held that names a person (a subject access request, UK GDPR Article 15):
 * submissions with an answer that mentions the name, consent events for a pupil of that name,
 * alerts they raised, and staff accounts of that name. Names are compared only with {@link
 * PersonNames} (never SQL {@code lower()} or {@code LIKE}), and each finding says how it matched:
 * exactly, or only once accents were set aside. The search is deliberately broad (a name inside a
 * longer answer counts); the school's data protection officer reviews the result before sending it.
 *
 * <p>The command line's {@code export --person} and the staff page "Find everything about a person"
 * both call {@link #find}, so they give the same result; the page passes a {@link Scope} limited to
 * the member of staff's school and the forms their role may read.
 */
public final class PersonSearch {

    /** The least a query may be: two characters of a name once folded. */
    public static final int SHORTEST_QUERY = 2;

    private final Jdbi jdbi;

    public PersonSearch(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * What a search may look at.
     *
     * @param school one school, or {@code null} for every school (the command line)
     * @param readable whether records of a school's form (school id, form id) may be shown
     * @param staffAccounts whether staff accounts are searched too
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

    /** Everything found, each list in the order it was stored. */
    public record Findings(String person, List<FoundSubmission> submissions, List<FoundConsentEvent> consentEvents,
                           List<FoundAlert> alertsRaised, List<FoundStaffAccount> staffAccounts) {

        public int count() {
            return submissions.size() + consentEvents.size() + alertsRaised.size() + staffAccounts.size();
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
        String person = TypedText.normalise(query).strip();
        return new Findings(person, submissions(person, scope), consentEvents(person, scope),
                alerts(person, scope), scope.staffAccounts() ? staffAccounts(person, scope) : List.of());
    }

    private List<FoundSubmission> submissions(String person, Scope scope) {
        List<FoundSubmission> found = new ArrayList<>();
        // A first sift on the derived key (V11; computed by PersonNames, so no SQL folding), then
        // each answer is compared. A submission without a key is compared answer by answer.
        jdbi.useHandle(handle -> {
            // SQLite's instr() is PostgreSQL's strpos(): both find a substring, with no folding or pattern
            String position = org.polisi.forms.storage.Dialect.of(handle).postgresql() ? "strpos" : "instr";
            String sql = """
                    SELECT s.* FROM submission s LEFT JOIN submission_name_key k ON k.submission_id = s.id
                    WHERE s.erased_at IS NULL AND (k.submission_id IS NULL OR %s(k.accent_free, :key) > 0)"""
                    .formatted(position) + (scope.school() == null ? "" : " AND s.school = :school")
                    + " ORDER BY s.school, s.seq";
            var query = handle.createQuery(sql).bind("key", PersonNames.accentFreeKey(person));
            if (scope.school() != null) {
                query.bind("school", scope.school());
            }
            try (Stream<SubmissionRow> rows = query.map(ConstructorMapper.of(SubmissionRow.class)).stream()) {
                rows.filter(row -> scope.covers(row.school(), row.formId())).forEach(row -> {
                    Map<String, Object> answers = CanonicalJson.readFields(row.fieldsJson());
                    NameMatch best = NameMatch.NONE;
                    List<String> fields = new ArrayList<>();
                    for (Map.Entry<String, Object> answer : answers.entrySet()) {
                        NameMatch match = mentions(person, answer.getValue());
                        if (match.found()) {
                            fields.add(answer.getKey());
                            best = best == NameMatch.EXACT || match == NameMatch.EXACT ? NameMatch.EXACT : match;
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

    private static NameMatch mentions(String person, Object answer) {
        if (answer instanceof List<?> values) {
            NameMatch best = NameMatch.NONE;
            for (Object value : values) {
                NameMatch match = PersonNames.mentions(person, String.valueOf(value));
                if (match == NameMatch.EXACT) {
                    return match;
                }
                best = match.found() ? match : best;
            }
            return best;
        }
        return PersonNames.mentions(person, String.valueOf(answer));
    }

    private List<FoundConsentEvent> consentEvents(String person, Scope scope) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT e.school, e.form_id, s.reference, e.pupil, e.statement, e.answer, e.recorded_at
                        FROM consent_event e JOIN submission s ON s.id = e.consent_submission
                        WHERE e.pupil <> '' ORDER BY e.id""")
                .map((rows, context) -> new FoundConsentEvent(rows.getString("school"), rows.getString("form_id"),
                        rows.getString("reference"), rows.getString("pupil"), rows.getString("statement"),
                        rows.getString("answer"), instant(rows.getString("recorded_at")),
                        PersonNames.mentions(person, rows.getString("pupil"))))
                .list())
                .stream()
                .filter(event -> event.match().found() && scope.covers(event.school(), event.formId()))
                .toList();
    }

    private List<FoundAlert> alerts(String person, Scope scope) {
        record Row(FoundAlert alert, String formId) {
        }
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT o.school, o.kind, o.reference, o.raised_by, o.category, o.raised_at, s.form_id
                        FROM outbox o LEFT JOIN submission s ON s.school = o.school AND s.reference = o.reference
                        WHERE o.raised_by IS NOT NULL ORDER BY o.id""")
                .map((rows, context) -> new Row(new FoundAlert(rows.getString("school"), rows.getString("kind"),
                        rows.getString("reference"), rows.getString("raised_by"), rows.getString("category"),
                        instant(rows.getString("raised_at")), PersonNames.mentions(person, rows.getString("raised_by"))),
                        rows.getString("form_id")))
                .list())
                .stream()
                .filter(row -> row.alert().match().found() && scope.covers(row.alert().school(), row.formId()))
                .map(Row::alert)
                .distinct()   // one alert is one outbox row per recipient: it was raised once
                .toList();
    }

    private List<FoundStaffAccount> staffAccounts(String person, Scope scope) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT school, name, email, role, created_at FROM staff_user ORDER BY id")
                .map((rows, context) -> new FoundStaffAccount(rows.getString("school"), rows.getString("name"),
                        rows.getString("email"), rows.getString("role"), instant(rows.getString("created_at")),
                        PersonNames.mentions(person, rows.getString("name"))))
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
