package org.polisi.forms.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.export.PersonSearch;
import org.polisi.forms.logging.LogText;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.intake.ReferenceGenerator;
import org.polisi.contract.Manifest;
import org.polisi.contract.StaffRole;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a member of staff (or the command line's operator) may see of a school's submissions: the
 * one place that decides, for the staff pages, the CSV export and the command line's exports alike
 * (issue 13). Every incident report handed out with its content is recorded as viewed (who, when,
 * how: {@code page}, {@code csv}, {@code search} or {@code command-line}) in the same call that
 * returns it, so a view cannot happen without its record. Handlers only turn the answers into
 * responses: {@link Decision.Forbidden} into 403, {@link Decision.NotFound} into 404.
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

    /**
     * A decision on what was asked: granted with what may be shown, forbidden to this user's role,
     * or not found (no manifest for the school, or another school's record).
     */
    public sealed interface Decision<T> {
        /** @param value what the user may see */
        record Granted<T>(T value) implements Decision<T> { }
        record Forbidden<T>() implements Decision<T> { }
        record NotFound<T>() implements Decision<T> { }
    }

    /**
     * Rows to export or list, with the manifest they belong to and the one form asked for (if any).
     *
     * @param form the form asked for, or empty for every form the user may read
     */
    public record Rows(Manifest manifest, Optional<FormDefinition> form, List<SubmissionRow> rows) { }

    /**
     * One record and its form, when it exists in the user's school and the user's role may read it;
     * otherwise not found, whichever it is, so that the answer never tells a role that a record it
     * may not read exists (OWASP ASVS 5.0 V8: no existence oracle through 403 against 404).
     */
    public sealed interface Opened {
        record Found(SubmissionRow record, FormDefinition form) implements Opened { }
        record NotFound() implements Opened { }
    }

    public Optional<Manifest> manifestOf(StaffUser user) {
        return manifests.school(user.school());
    }

    public List<FormDefinition> readableForms(StaffUser user) {
        return manifestOf(user).map(manifest -> RecordAccess.readableForms(user, manifest)).orElse(List.of());
    }

    /**
     * The staff submissions list: what the user may read of one form (or every form they may read),
     * received between the instants. Only references, forms and dates are shown, so no view is recorded.
     *
     * @return forbidden when the form asked for is not one the user may read
     */
    public Decision<Rows> submissions(StaffUser user, Optional<String> formId, Instant from, Instant to) {
        return rows(user, formId, from, to);
    }

    /**
     * The staff CSV export: as {@link #submissions}, and every incident report exported is recorded
     * as viewed ({@code csv}) before the rows are returned.
     */
    public Decision<Rows> csvExport(StaffUser user, Optional<String> formId, Instant from, Instant to) {
        Decision<Rows> decision = rows(user, formId, from, to);
        if (decision instanceof Decision.Granted<Rows> granted) {
            recordIncidentViews(user, granted.value().rows(), "csv");
        }
        return decision;
    }

    private Decision<Rows> rows(StaffUser user, Optional<String> formId, Instant from, Instant to) {
        return readableForm(user, formId, manifestAndForm -> new Rows(manifestAndForm.manifest(),
                manifestAndForm.form(), list(user, formId, from, to)));
    }

    /** One page of a list, the total it pages through, and which page it is (1 = newest). */
    public record Page(List<SubmissionRow> rows, int total, int page, int pages) {
    }

    /**
     * One page ({@link #PAGE_SIZE} rows) of the staff submissions list, instead of a silent limit
     * (issue 20): as {@link #submissions}, optionally urgent submissions only.
     *
     * @param page 1 for the newest; a page past the last gives the last
     * @return forbidden when the form asked for is not one the user may read
     */
    public Decision<Page> submissionsPage(StaffUser user, Optional<String> formId, Instant from, Instant to,
                                          boolean urgentOnly, int page) {
        return readableForm(user, formId, ignored -> {
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
        });
    }

    private record ManifestAndForm(Manifest manifest, Optional<FormDefinition> form) {
    }

    /** The user's school's manifest and the form asked for, when the user may read it (or every form when none). */
    private <T> Decision<T> readableForm(StaffUser user, Optional<String> formId,
                                         java.util.function.Function<ManifestAndForm, T> granted) {
        Optional<Manifest> manifest = manifestOf(user);
        if (manifest.isEmpty()) {
            return new Decision.NotFound<>();
        }
        List<FormDefinition> readable = RecordAccess.readableForms(user, manifest.get());
        Optional<FormDefinition> form = formId.flatMap(id -> readable.stream().filter(f -> f.id().equals(id)).findFirst());
        if (formId.isPresent() && form.isEmpty()) {
            LOG.warn("Staff account {} ({}) was refused the submissions of form {}", user.id(), user.role(),
                    LogText.escape(formId.get()));
            return new Decision.Forbidden<>();
        }
        return new Decision.Granted<>(granted.apply(new ManifestAndForm(manifest.get(), form)));
    }

    /**
     * The consents page: the consent forms and notices of objection (docs/adr/0057) the user may read.
     *
     * @return forbidden when the user may read none
     */
    public Decision<List<FormDefinition>> consentForms(StaffUser user) {
        List<FormDefinition> forms = readableForms(user).stream()
                .filter(org.polisi.forms.consent.ConsentForms::onRegister).toList(); // by question, not kind (ADR 0106)
        return forms.isEmpty() ? new Decision.Forbidden<>() : new Decision.Granted<>(forms);
    }

    /**
     * Whether the user may open the record's page ({@code /staff/submissions/<reference>}): a live
     * record of their school whose form they may read, or an erased one whose tombstone they may see.
     * Asked before a page links to another record (a consent form's withdrawal, a withdrawal's
     * consent form), so nobody is shown a link that answers 403. Records no view: nothing is shown.
     */
    public boolean mayOpenRecord(StaffUser user, String reference) {
        Optional<SubmissionRow> row = jdbi.withExtension(SubmissionDao.class,
                submissions -> submissions.findByReference(ReferenceGenerator.normalise(reference))); // ADR 0106
        if (row.isEmpty() || !row.get().school().equals(user.school())) {
            return false;
        }
        Optional<FormDefinition> form = manifests.form(user.school(), row.get().formId());
        return row.get().erased() ? StaffPermissions.maySeeTombstone(user, form)
                : form.filter(definition -> RecordAccess.mayRead(user, definition)).isPresent();
    }

    /**
     * Whether the user may open a page of the staff area: the decision each page makes for itself
     * ({@link #consentForms}, {@link #governorSummary}, {@link StaffPermissions#mayUseRoster}),
     * asked before a link to it is shown, and by the routes before the page or its CSV answers
     * (one decision per area: a page and its export never disagree). The submissions and the people
     * search are for a role that reads some form of the school, the signatures for one that reads an
     * agreement; a role that reads none (the dashboard then says so) is refused them, as it is the
     * consents. The dashboard and the account are open to every role.
     */
    public boolean mayOpen(StaffUser user, StaffArea area) {
        return switch (area) {
            case CONSENTS -> consentForms(user) instanceof Decision.Granted<List<FormDefinition>>;
            case GOVERNORS -> RecordAccess.maySeeGovernorSummary(user);
            case ROSTER -> StaffPermissions.mayUseRoster(user);
            case SUBMISSIONS, PEOPLE -> !readableForms(user).isEmpty();
            case SIGNATURES -> readableForms(user).stream().anyMatch(form -> form.kind() == FormKind.AGREEMENT);
            case DASHBOARD, ACCOUNT -> true;
        };
    }

    /**
     * The governors' summary (counts only, no names or content): the user's school's manifest.
     *
     * @return forbidden for a role that does not report to governors ({@link RecordAccess#maySeeGovernorSummary})
     */
    public Decision<Manifest> governorSummary(StaffUser user) {
        if (!RecordAccess.maySeeGovernorSummary(user)) {
            return new Decision.Forbidden<>();
        }
        return manifestOf(user).<Decision<Manifest>>map(Decision.Granted::new).orElseGet(Decision.NotFound::new);
    }

    /**
     * The command line's CSV export of a school (run by whoever holds the database: every form),
     * every incident report exported recorded as viewed ({@code command-line}) by the operator.
     *
     * @param operator who ran it, as the record of views names them
     * @return not found when the school has no manifest or no such form
     */
    public Decision<Rows> commandLineExport(String school, Optional<String> formId, String operator) {
        Optional<Manifest> manifest = manifests.school(school);
        Optional<FormDefinition> form = formId.flatMap(id -> manifest.flatMap(found -> found.form(id)));
        if (manifest.isEmpty() || (formId.isPresent() && form.isEmpty())) {
            return new Decision.NotFound<>();
        }
        List<String> formIds = form.map(f -> List.of(f.id()))
                .orElse(manifest.get().forms().stream().map(FormDefinition::id).toList());
        List<SubmissionRow> rows = jdbi.withExtension(SubmissionDao.class, submissions -> submissions.livePage(
                school, formIds, Instant.EPOCH, END_OF_TIME, false, SubmissionDao.NO_LIMIT, 0));
        recordCommandLineViews(rows, operator);
        return new Decision.Granted<>(new Rows(manifest.get(), form, rows));
    }

    /**
     * The command line's subject access export: everything in every school that names the person,
     * every incident report found recorded as viewed ({@code command-line}) by the operator.
     *
     * @throws IllegalArgumentException when the name has fewer than two characters
     */
    public PersonSearch.Findings commandLinePersonExport(String name, String operator) {
        PersonSearch.Findings findings = new PersonSearch(jdbi, manifests::form).find(name, PersonSearch.Scope.everything());
        recordCommandLineViews(findings.submissions().stream().map(PersonSearch.FoundSubmission::record).toList(),
                operator);
        return findings;
    }

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private void recordCommandLineViews(List<SubmissionRow> rows, String operator) {
        IncidentViews.record(jdbi, rows.stream().filter(row -> FormKind.INCIDENT.word().equals(row.formKind())).toList(),
                null, "command line (" + operator + ")", "command-line", clock.instant());
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
                submissions -> submissions.livePage(user.school(), forms, from, to, false, SubmissionDao.NO_LIMIT, 0));
    }

    private List<String> formIds(StaffUser user, Optional<String> formId) {
        return readableForms(user).stream().map(FormDefinition::id)
                .filter(id -> formId.isEmpty() || formId.get().equals(id)).toList();
    }

    public Opened open(StaffUser user, String reference) {
        return open(user, reference, true);
    }

    /**
     * As {@link #open}, recording no view: for a HEAD request, which sends no body, so nobody read the
     * record (tester 3's fault 17: a HEAD of the CSV export recorded 310 downloads that never happened).
     */
    public Opened peek(StaffUser user, String reference) {
        return open(user, reference, false);
    }

    private Opened open(StaffUser user, String reference, boolean recordView) {
        Optional<SubmissionRow> row = jdbi.withExtension(SubmissionDao.class,
                submissions -> submissions.findByReference(ReferenceGenerator.normalise(reference))); // ADR 0106
        if (row.isPresent() && !row.get().school().equals(user.school())) {
            // another school's record is "not found", not "forbidden"; the probe is logged with who made it
            LOG.warn("Staff account {} ({}) of {} asked for record {} of another school: answered as not found",
                    user.id(), user.role(), user.school(), LogText.escape(reference));
            return new Opened.NotFound();
        }
        if (row.isEmpty() || row.get().erased()) {
            return new Opened.NotFound();
        }
        Optional<FormDefinition> form = manifests.form(user.school(), row.get().formId());
        if (form.isEmpty() || !RecordAccess.mayRead(user, form.get())) {
            LOG.warn("Staff account {} ({}) was refused record {}: answered as not found", user.id(), user.role(),
                    LogText.escape(reference));
            return new Opened.NotFound();
        }
        if (recordView) {
            recordIncidentViews(user, List.of(row.get()), "page");
        }
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
        PersonSearch.Findings findings = new PersonSearch(jdbi, manifests::form).find(name, new PersonSearch.Scope(user.school(),
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
