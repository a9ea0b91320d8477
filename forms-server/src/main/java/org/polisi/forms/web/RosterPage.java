package org.polisi.forms.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.roster.Roster;
import org.polisi.forms.roster.RosterCsv;
import org.polisi.forms.staff.StaffPermissions;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.text.DisplayText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /staff/roster}: the headteacher uploads the school's roster of pupils and classes (a CSV
 * file, or the two columns pasted from a spreadsheet) and sees when it was last replaced and how
 * many pupils each class has. The names themselves are never shown or exported here: the roster
 * only answers "who has not returned a form" and "which class" on the dashboard and consents pages.
 */
final class RosterPage {

    private static final Logger LOG = LoggerFactory.getLogger(RosterPage.class);
    static final String FILE = "roster-file";
    static final String TEXT = "roster-text";

    private final Roster roster;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final Clock clock;

    RosterPage(Roster roster, StaffFrame frame, ErrorPages errors, Messages messages, Clock clock) {
        this.roster = roster;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.clock = clock;
    }

    void show(Context ctx, StaffSession session) {
        if (!StaffPermissions.mayUseRoster(session.user())) {
            errors.forbidden(ctx);
            return;
        }
        page(ctx, session, "", List.of(), 200);
    }

    void upload(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid || !StaffPermissions.mayUseRoster(session.user())) {
            errors.forbidden(ctx);
            return;
        }
        Optional<String> text = uploaded(ctx);
        if (text.isEmpty()) {
            LOG.info("Refused a roster upload: the file is not UTF-8 text");
            page(ctx, session, "", List.of(new RosterCsv.Problem(0, "roster.error.encoding")), 422);
            return;
        }
        RosterCsv.Parsed parsed = RosterCsv.parse(text.get());
        if (!parsed.ok()) {
            LOG.info("Refused a roster upload: {} problem(s)", parsed.problems().size());
            page(ctx, session, ctx.isMultipartFormData() ? "" : text.get(), parsed.problems(), 422);
            return;
        }
        roster.replace(session.user(), parsed.pupils(), clock.instant());
        Responses.seeOther(ctx, "/staff/roster");
    }

    /** The file's text when one was chosen, else the pasted text; empty when the file is not UTF-8. */
    private static Optional<String> uploaded(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile(FILE) : null;
        if (file != null && file.size() > 0) {
            try (InputStream in = file.content()) {
                return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                        .toString());
            } catch (CharacterCodingException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the uploaded roster", e);
            }
        }
        return Optional.of(Optional.ofNullable(ctx.formParam(TEXT)).orElse(""));
    }

    private void page(Context ctx, StaffSession session, String typed, List<RosterCsv.Problem> problems, int status) {
        String language = session.language();
        String school = session.user().school();
        Optional<Roster.Upload> last = roster.lastUpload(school);
        String lastUpload = null;
        Table classes = null;
        if (last.isPresent()) {
            lastUpload = messages.format(language, "staff.roster.last-upload", Map.of(
                    "count", last.get().pupils(), "date", Dates.display(last.get().uploadedAt(), language),
                    "by", DisplayText.isolated(last.get().uploadedBy())));
            Map<String, Integer> perClass = new LinkedHashMap<>();
            roster.of(school).forEach(entry -> perClass.merge(entry.className(), 1, Integer::sum));
            classes = new Table(Table.headings(messages, language, "staff.consents.class", "staff.roster.pupils"),
                    perClass.entrySet().stream().map(each -> Table.Row.of(
                            Table.Cell.typed(each.getKey().isEmpty() ? messages.get(language, "staff.roster.no-class")
                                    : each.getKey()), Table.Cell.text(String.valueOf(each.getValue())))).toList());
        }
        ErrorSummary summary = problems.isEmpty() ? null : new ErrorSummary(messages.get(language, "error.summary-title"),
                problems.stream().limit(20).map(problem -> {
                    String message = messages.get(language, problem.key());
                    return new ErrorSummary.Problem(problem.line() > 0 ? messages.format(language, "staff.roster.on-line",
                            Map.of("line", problem.line(), "problem", message)) : message, "#roster--file");
                }).toList());
        frame.render(ctx, session, status, "staff.roster.title", Map.of(), "roster", new View(
                PageLayout.paragraphs(messages.get(language, "staff.roster.explanation")), lastUpload, classes,
                last.isPresent() ? null : messages.get(language, "staff.roster.none"),
                messages.get(language, "staff.roster.upload-title"), summary, StaffAuth.CSRF_FIELD, session.csrfToken(),
                FILE, messages.get(language, "staff.roster.file"), messages.get(language, "staff.roster.file-hint"),
                TEXT, messages.get(language, "staff.roster.text"), typed, messages.get(language, "staff.roster.upload")));
    }

    /**
     * The view of {@code server/roster.ftl}: the explanation's paragraphs; the last upload and its
     * pupils per class (both null when there is none, then {@code none} says so); the upload form with
     * its problems (or null), the file box and the pasted text as typed.
     */
    record View(List<String> explanation, String lastUpload, Table classes, String none, String uploadTitle,
                ErrorSummary summary, String csrfField, String csrfToken, String fileName, String fileLabel,
                String fileHint, String textName, String textLabel, String text, String button) {
    }
}
