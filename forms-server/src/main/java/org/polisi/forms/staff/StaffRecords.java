package org.polisi.forms.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.export.PersonSearch;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.manifest.FormKind;
import org.polisi.forms.manifest.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member of staff may see of their school's submissions. Every opening of an incident
 * report is recorded (who, when, how) in the same call that returns it, so a view cannot happen
 * without its record.
 */
public final class StaffRecords {

    private static final Logger LOG = LoggerFactory.getLogger(StaffRecords.class);
    /** Submissions on one page of {@code /staff/submissions}; every one is reachable by paging. */
    public static final int PAGE_SIZE = 50;

    private final Jdbi jdbi;
    private final ManifestCatalog manifests;
    private final Clock clock;

    public StaffRecords(Jdbi jdbi, ManifestCatalog manifests, Clock clock) {
        this.jdbi = jdbi;
        this.manifests = manifests;
        this.clock = clock;
    }

    /** One record and its form, when it exists in the user's school. */
    public sealed interface Opened {
        record Found(SubmissionRow record, FormDefinition form) implements Opened { }
        record Forbidden() implements Opened { }
        record NotFound() implements Opened { }
    }

    public Optional<Manifest> manifestOf(StaffUser user) {
        return manifests.school(user.school());
    }

    public List<FormDefinition> readableForms(StaffUser user) {
        return manifestOf(user).map(manifest -> RecordAccess.readableForms(user, manifest)).orElse(List.of());
    }

    /**
     * Every submission of the forms the user may read (optionally one form), newest first, erased
     * ones left out: for exports, which must never stop silently at a limit.
     */
    public List<SubmissionRow> list(StaffUser user, Optional<String> formId, Instant from, Instant to) {
        List<String> forms = formIds(user, formId);
        if (forms.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(SubmissionDao.class,
                submissions -> submissions.livePage(user.school(), forms, from, to, false, -1, 0));
    }

    /** One page of a list, the total it pages through, and which page it is (1 = newest). */
    public record Page(List<SubmissionRow> rows, int total, int page, int pages) {
    }

    /**
     * One page of {@link #list}, {@link #PAGE_SIZE} rows long.
     *
     * @param page       1 for the newest; a page past the last gives the last
     * @param urgentOnly only submissions flagged urgent
     */
    public Page page(StaffUser user, Optional<String> formId, Instant from, Instant to, boolean urgentOnly, int page) {
        List<String> forms = formIds(user, formId);
        if (forms.isEmpty()) {
            return new Page(List.of(), 0, 1, 1);
        }
        return jdbi.withExtension(SubmissionDao.class, submissions -> {
            int total = submissions.liveCount(user.school(), forms, from, to, urgentOnly);
            int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
            int shown = Math.min(Math.max(1, page), pages);
            return new Page(submissions.livePage(user.school(), forms, from, to, urgentOnly, PAGE_SIZE,
                    (shown - 1) * PAGE_SIZE), total, shown, pages);
        });
    }

    private List<String> formIds(StaffUser user, Optional<String> formId) {
        return readableForms(user).stream().map(FormDefinition::id)
                .filter(id -> formId.isEmpty() || formId.get().equals(id)).toList();
    }

    public Opened open(StaffUser user, String reference) {
        Optional<SubmissionRow> row = jdbi.withExtension(SubmissionDao.class,
                submissions -> submissions.findByReference(reference == null ? "" : reference));
        if (row.isEmpty() || !row.get().school().equals(user.school()) || row.get().erased()) {
            return new Opened.NotFound(); // another school's record is "not found", not "forbidden"
        }
        Optional<FormDefinition> form = manifests.form(user.school(), row.get().formId());
        if (form.isEmpty() || !RecordAccess.mayRead(user, form.get())) {
            LOG.warn("Staff account {} ({}) was refused record {}", user.id(), user.role(), reference);
            return new Opened.Forbidden();
        }
        recordIncidentViews(user, List.of(row.get()), "page");
        return new Opened.Found(row.get(), form.get());
    }

    /**
     * Everything in the user's school that names a person, as the command line's subject access
     * export finds it ({@link PersonSearch}), limited to the forms the user's role may read; staff
     * accounts for a headteacher only. Incident reports found are recorded as viewed ({@code search}).
     *
     * @throws IllegalArgumentException when the name has fewer than two characters
     */
    public PersonSearch.Findings findPerson(StaffUser user, String name) {
        List<String> readable = readableForms(user).stream().map(FormDefinition::id).toList();
        PersonSearch.Findings findings = new PersonSearch(jdbi).find(name, new PersonSearch.Scope(user.school(),
                (school, formId) -> readable.contains(formId), user.staffRole() == StaffRole.HEADTEACHER));
        recordIncidentViews(user, findings.submissions().stream().map(PersonSearch.FoundSubmission::record).toList(),
                "search");
        LOG.info("Staff account {} of {} searched for a person: {} records found", user.id(), user.school(),
                findings.count());
        return findings;
    }

    /** Records that the user saw these rows, for each that is an incident report. */
    public void recordIncidentViews(StaffUser user, List<SubmissionRow> rows, String channel) {
        Instant now = clock.instant();
        List<SubmissionRow> incidents = rows.stream()
                .filter(row -> FormKind.INCIDENT.word().equals(row.formKind())).toList();
        if (incidents.isEmpty()) {
            return;
        }
        String viewer = user.name() + " <" + user.email() + ">";
        IncidentViews.record(jdbi, incidents, user.id(), viewer, channel, now);
    }
}
