package org.polisi.forms.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.retention.LegalHold;
import org.polisi.forms.staff.StaffPermissions;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.text.TypedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure done with care (issue 20, fault 5): {@code GET /staff/submissions/{reference}/erase} asks
 * the headteacher to confirm and say why (a plain form, no script needed), the POST erases unless
 * the record is under a legal hold, and an erased record's page is its tombstone ("answers erased
 * on …, by …, because …") instead of "Page not found"; both are the theme's templates
 * ({@code server/erase-confirm.ftl}, {@code server/tombstone.ftl}). Who may do what is decided by
 * {@link StaffPermissions}; what may be erased by {@link ErasureService}.
 */
final class ErasurePages {

    private static final Logger LOG = LoggerFactory.getLogger(ErasurePages.class);
    static final String REASON = "reason";
    static final String CONFIRM = "confirm";
    /** A reason longer than this is refused: it is a sentence or two, not a file. */
    static final int MAX_REASON = 2000;

    private final StaffRecords records;
    private final ErasureService erasure;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Clock clock;

    ErasurePages(StaffRecords records, ErasureService erasure, StaffFrame frame, ErrorPages errors, Messages messages,
                 Clock clock) {
        this.records = records;
        this.erasure = erasure;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The record page's erasure section: a link to the confirm page, or why the record cannot be
     * erased yet; null for a member of staff who may not erase ({@link StaffPermissions#mayErase}).
     */
    Section section(StaffSession session, String reference) {
        if (!StaffPermissions.mayErase(session.user())) {
            return null;
        }
        String language = session.language();
        String title = messages.get(language, "staff.erase.title");
        Optional<LegalHold.Held> hold = erasure.holdOn(session.user().school(), reference, clock.instant());
        if (hold.isPresent()) {
            return new Section(title, held(hold.get(), language), null, null);
        }
        return new Section(title, null, messages.get(language, "staff.erase.explanation"), new PageLayout.Link(
                "/staff/submissions/" + reference + "/erase", messages.get(language, "staff.erase.button")));
    }

    /**
     * The erasure section in {@code server/record.ftl}: {@code held} says why the record cannot be
     * erased yet (then nothing else), or the explanation and the link to the confirm page.
     */
    record Section(String title, String held, String explanation, PageLayout.Link erase) {
    }

    /** The confirm page. */
    void confirm(Context ctx, StaffSession session) {
        Optional<StaffRecords.Opened.Found> found = openForErasure(ctx, session);
        if (found.isPresent()) {
            confirmPage(ctx, session, found.get(), "", false, List.of(), 200);
        }
    }

    /** Erases on a confirmed request with a reason; otherwise the confirm page again with what is missing (422). */
    void erase(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        Optional<StaffRecords.Opened.Found> found = openForErasure(ctx, session);
        if (found.isEmpty()) {
            return;
        }
        String reason = TypedText.normalise(Optional.ofNullable(ctx.formParam(REASON)).orElse(""));
        boolean confirmed = "yes".equals(ctx.formParam(CONFIRM));
        List<String> problems = new ArrayList<>();
        if (!TypedText.hasVisibleCharacter(reason) || reason.length() > MAX_REASON) {
            problems.add(REASON);
        }
        if (!confirmed) {
            problems.add(CONFIRM);
        }
        if (!problems.isEmpty()) {
            LOG.info("Refused an erasure of {}: {} missing", found.get().record().reference(), problems);
            confirmPage(ctx, session, found.get(), reason, confirmed, problems, 422);
            return;
        }
        StaffUser user = session.user();
        ErasureService.Outcome outcome = erasure.eraseOnRequest(user.school(), found.get().record().reference(),
                Optional.of(reason), user.name() + " <" + user.email() + ">", clock.instant());
        if (outcome instanceof ErasureService.Outcome.Erased erased) {
            LOG.info("Staff account {} erased {} on request", user.id(), erased.row().reference());
            Responses.seeOther(ctx, "/staff/submissions/" + erased.row().reference());
        } else if (outcome instanceof ErasureService.Outcome.Held held) {
            heldPage(ctx, session, found.get(), held.hold());
        } else {
            errors.notFound(ctx);
        }
    }

    /**
     * The tombstone of an erased record, when the reference is one this member of staff may see.
     *
     * @return false when there is none (the caller answers "not found")
     */
    boolean tombstone(Context ctx, StaffSession session, String reference) {
        StaffUser user = session.user();
        Optional<ErasureService.Tombstone> tombstone = erasure.tombstone(user.school(), reference);
        if (tombstone.isEmpty()) {
            return false;
        }
        Optional<FormDefinition> form = records.manifestOf(user).flatMap(manifest -> manifest.form(
                tombstone.get().formId()));
        if (!StaffPermissions.maySeeTombstone(user, form)) {
            return false; // as for a live record of another role: nothing said about it
        }
        String language = session.language();
        ErasureService.Tombstone erased = tombstone.get();
        String because = erased.explanation().orElse(messages.get(language,
                ErasureService.RETENTION.equals(erased.reason()) ? "staff.tombstone.retention"
                        : "staff.tombstone.no-reason"));
        List<Row> rows = List.of(
                new Row(messages.get(language, "csv.form"),
                        form.map(definition -> Text.in(definition.title(), language)).orElse(erased.formId())),
                new Row(messages.get(language, "csv.received"), Dates.display(erased.receivedAt(), language)),
                new Row(messages.get(language, "staff.tombstone.erased-on"), Dates.display(erased.erasedAt(), language)),
                new Row(messages.get(language, "staff.tombstone.erased-by"), erased.erasedBy()),
                new Row(messages.get(language, "staff.tombstone.because"), because));
        frame.render(ctx, session, 200, "staff.tombstone.title", Map.of("reference", reference), "tombstone",
                new Tombstone(messages.get(language, "staff.tombstone.lead"), rows));
        return true;
    }

    /** The live record the headteacher may erase, or the error page already sent. */
    private Optional<StaffRecords.Opened.Found> openForErasure(Context ctx, StaffSession session) {
        if (!StaffPermissions.mayErase(session.user())) {
            errors.forbidden(ctx);
            return Optional.empty();
        }
        StaffRecords.Opened opened = records.open(session.user(), ctx.pathParam("reference"));
        if (opened instanceof StaffRecords.Opened.Found found) {
            return Optional.of(found);
        }
        if (opened instanceof StaffRecords.Opened.Forbidden) {
            errors.forbidden(ctx);
        } else {
            errors.notFound(ctx);
        }
        return Optional.empty();
    }

    private void confirmPage(Context ctx, StaffSession session, StaffRecords.Opened.Found found, String reason,
                             boolean confirmed, List<String> problems, int status) {
        String language = session.language();
        String reference = found.record().reference();
        Optional<LegalHold.Held> hold = erasure.holdOn(session.user().school(), reference, clock.instant());
        if (hold.isPresent()) {
            heldPage(ctx, session, found, hold.get());
            return;
        }
        ErrorSummary summary = problems.isEmpty() ? null : new ErrorSummary(messages.get(language,
                "error.summary-title"), problems.stream().map(problem -> new ErrorSummary.Problem(
                messages.get(language, "error.erase." + problem), "#erase--" + problem)).toList());
        Confirm body = new Confirm(messages.format(language, "staff.erase.confirm.lead", Map.of(
                "form", Text.in(found.form().title(), language),
                "received", Dates.display(found.record().receivedAt(), language))),
                "/staff/submissions/" + reference + "/erase", summary, StaffAuth.CSRF_FIELD, session.csrfToken(),
                new Field(messages.get(language, "staff.erase.reason"), messages.get(language, "staff.erase.reason-hint"),
                        reason, problems.contains(REASON) ? messages.get(language, "error.erase.reason") : null),
                MAX_REASON,
                new Box(messages.get(language, "staff.erase.confirm"), confirmed,
                        problems.contains(CONFIRM) ? messages.get(language, "error.erase.confirm") : null),
                messages.get(language, "staff.erase.button"), "/staff/submissions/" + reference,
                messages.get(language, "staff.erase.cancel"));
        frame.render(ctx, session, status, "staff.erase.confirm.title", Map.of("reference", reference),
                "erase-confirm", body);
    }

    /** The view of {@code server/erase-confirm.ftl}. */
    record Confirm(String lead, String action, ErrorSummary summary, String csrfField, String csrfToken, Field reason,
                   int maxLength, Box confirm, String button, String cancelHref, String cancel) {
    }

    /** The reason's text area: label, hint, what was typed, and its error or null. */
    record Field(String label, String hint, String value, String error) {
    }

    /** The "I understand" check box: label, whether ticked, and its error or null. */
    record Box(String label, boolean checked, String error) {
    }

    /** The view of {@code server/tombstone.ftl}: a lead paragraph and the summary list's rows. */
    record Tombstone(String lead, List<Row> rows) {
    }

    /** A summary-list row: a term and its value (text as stored, drawn with a {@code <bdi>} per line). */
    record Row(String term, String value) {
    }

    /** The record is under a legal hold: said plainly, with the way back (409, and one log line). */
    private void heldPage(Context ctx, StaffSession session, StaffRecords.Opened.Found found, LegalHold.Held hold) {
        String language = session.language();
        String reference = found.record().reference();
        LOG.info("Refused an erasure of {}: under a legal hold", reference);
        frame.render(ctx, session, 409, "staff.erase.held.title", Map.of(), "erase-held", new Held(held(hold, language),
                new PageLayout.Link("/staff/submissions/" + reference + "#chronology",
                        messages.get(language, "staff.erase.cancel"))));
    }

    /** The view of {@code server/erase-held.ftl}: why the record cannot be erased, and the way back. */
    record Held(String held, PageLayout.Link back) {
    }

    private String held(LegalHold.Held hold, String language) {
        return hold.until().map(day -> messages.format(language, "staff.erase.held",
                        Map.of("date", Dates.day(day, language))))
                .orElse(messages.get(language, "staff.erase.held-no-date"));
    }

}
