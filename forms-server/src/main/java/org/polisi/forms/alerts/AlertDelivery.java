package org.polisi.forms.alerts;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.contract.StaffRole;
import org.polisi.forms.config.AlertMailSettings;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.OutboxDao;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.receipts.ReceiptCopies;
import org.polisi.forms.receipts.ReceiptMessage;
import org.polisi.forms.storage.Dialect;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's alerts by e-mail, every few seconds, on one background thread. An alert is
 * marked sent only after the SMTP server has accepted the message; until then it stays queued and
 * is tried again at the next round (a failure is counted and its reason kept). An alert for a role
 * nobody active at the school holds goes to the headteacher instead, saying so ({@link AlertRecipients}),
 * so that it is never silently lost; one whose report was erased or closed before it went is dropped
 * and the reason kept ({@link ReportState}).
 * A receipt's copy (kind {@code receipt}, docs/adr/0060) goes out the same way to the address the
 * person gave, which is deleted once the mail server has taken it.
 */
public final class AlertDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDelivery.class);

    /** What one round did. */
    public record Round(int sent, int failed) {
    }

    private final Jdbi jdbi;
    private final ManifestCatalog manifests;
    private final Messages messages;
    private final AlertMailSettings settings;
    private final Supplier<String> staffUrl;
    private final Clock clock;
    private final SmtpMailer mailer;
    private ScheduledExecutorService schedule;

    public AlertDelivery(Jdbi jdbi, ManifestCatalog manifests, Messages messages, AlertMailSettings settings,
                         Supplier<String> defaultStaffUrl, Clock clock) {
        this.jdbi = jdbi;
        this.manifests = manifests;
        this.messages = messages;
        this.settings = settings;
        // the server's own address is known only once it listens (a free port in tests)
        this.staffUrl = () -> (settings.staffUrl().isBlank() ? defaultStaffUrl.get() : settings.staffUrl())
                .replaceAll("/+$", "");
        this.clock = clock;
        this.mailer = settings.enabled() ? new SmtpMailer(settings) : null;
    }

    /** Starts the rounds, or says once why alerts will only be queued. */
    public synchronized void start() {
        warnOfUnheldRoles();
        if (!settings.enabled()) {
            LOG.warn("ALERTS ARE NOT DELIVERED: no mail server is set, so urgent incident alerts only wait in the"
                    + " database. Set alerts.smtp-host and alerts.from (POLISI_ALERTS_SMTP_HOST, POLISI_ALERTS_FROM)."
                    + " Until then reporters are told to tell staff in person, and staff see this on their dashboard.");
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "polisi-alert-delivery");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        schedule.scheduleWithFixedDelay(this::roundQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Alerts are e-mailed through {}:{} every {} s", settings.smtpHost(), settings.smtpPort(),
                settings.interval().toSeconds());
    }

    /** One line per school whose forms alert a role no active account holds: those alerts go to the headteacher. */
    private void warnOfUnheldRoles() {
        AlertRecipients recipients = new AlertRecipients(jdbi);
        for (Manifest school : manifests.all()) {
            List<String> unheld = recipients.unheld(school.school(), school.forms());
            if (!unheld.isEmpty()) {
                LOG.warn("School {}: no active staff account holds the role {}: alerts for it go to the headteacher"
                        + " (or nobody, without one). Add or enable an account: polisi forms user add/enable",
                        school.school(), String.join(", ", unheld));
            }
        }
    }

    /**
     * Sends every alert still queued; returns how many were sent and how many failed this time.
     *
     * <p>On PostgreSQL, where several instances share the outbox, each alert is leased in a
     * transaction of its own ({@code SELECT … FOR UPDATE SKIP LOCKED}), sent, marked, and the
     * transaction committed: another instance skips it meanwhile and finds it sent afterwards, so an
     * alert is sent once. An instance that dies between the SMTP server's acceptance and the commit
     * leaves that one alert unmarked, and it is sent again (at least once, never lost). On SQLite
     * one process owns the database and the alerts are read and marked without a lease, so that no
     * write lock is held while the mail server answers.
     */
    public synchronized Round deliverPending() {
        if (mailer == null) {
            return new Round(0, 0);
        }
        int abandoned = jdbi.withHandle(handle -> ReceiptCopies.giveUpOld(handle, clock.instant()));
        if (abandoned > 0) {
            LOG.warn("{} receipt copies could not be sent within {} days: their addresses were deleted", abandoned,
                    ReceiptCopies.GIVE_UP_AFTER.toDays());
        }
        int[] counts = new int[2];
        if (jdbi.withHandle(Dialect::of).postgresql()) {
            long after = 0;
            Set<Long> tried = new HashSet<>();
            while (true) {
                long from = after;
                Optional<OutboxDao.Pending> leased = jdbi.inTransaction(handle -> {
                    OutboxDao outbox = handle.attach(OutboxDao.class);
                    Optional<OutboxDao.Pending> alert = outbox.leaseNext(from);
                    if (alert.isPresent() && tried.add(alert.get().id())) {
                        List<OutboxDao.Pending> report = new ArrayList<>(List.of(alert.get()));
                        if (!ReceiptCopies.KIND.equals(alert.get().kind())) {   // its report's other alerts, locked too
                            report.addAll(outbox.leaseSameReport(alert.get().school(), alert.get().reference(),
                                    alert.get().kind(), alert.get().id()));
                        }
                        report.forEach(each -> tried.add(each.id()));
                        deliver(report).forEach((each, outcome) -> record(each, outcome, outbox, counts));
                    }
                    return alert;
                });
                if (leased.isEmpty()) {
                    break;
                }
                after = leased.get().id();
            }
        } else {
            for (List<OutboxDao.Pending> report : byReport(jdbi.withExtension(OutboxDao.class, OutboxDao::pending))) {
                Map<OutboxDao.Pending, Outcome> outcomes = deliver(report);
                jdbi.useExtension(OutboxDao.class, outbox -> outcomes.forEach((each, outcome) ->
                        record(each, outcome, outbox, counts)));
            }
        }
        return new Round(counts[0], counts[1]);
    }

    /**
     * The pending rows in groups that go out together: each report's alerts (same school, kind and
     * reference) in one group, so that one person gets one e-mail per report (tester 4's fault 7);
     * each receipt's copy alone.
     */
    private static List<List<OutboxDao.Pending>> byReport(List<OutboxDao.Pending> pending) {
        Map<List<String>, List<OutboxDao.Pending>> groups = new LinkedHashMap<>();
        for (OutboxDao.Pending row : pending) {
            List<String> key = ReceiptCopies.KIND.equals(row.kind()) ? List.of(String.valueOf(row.id()))
                    : List.of(row.school(), row.kind(), row.reference());
            groups.computeIfAbsent(key, any -> new ArrayList<>()).add(row);
        }
        return List.copyOf(groups.values());
    }

    /** Marks the alert sent, dropped or failed, counts it in {@code counts} (sent, failed) and logs it. */
    private void record(OutboxDao.Pending alert, Outcome outcome, OutboxDao outbox, int[] counts) {
        if (outcome instanceof Outcome.Sent sent) {
            outbox.markSent(alert.id(), clock.instant(), sent.toRole());
            LOG.info("{} for {} {} e-mailed", what(alert), alert.school(), alert.reference());
            counts[0]++;
        } else if (outcome instanceof Outcome.Dropped dropped) {
            outbox.markDropped(alert.id(), dropped.reason());
            LOG.warn("Alert for {} {} to the {} dropped, not sent: {}", alert.school(), alert.reference(),
                    alert.recipientRole(), dropped.reason());
        } else {
            String problem = ((Outcome.Failed) outcome).problem();
            outbox.markFailed(alert.id(), problem);
            int tries = alert.attempts() + 1;
            // said at the first failure and every 20th after (every 5 minutes by default), so a
            // mail server down for a day does not bury the log; the reason is in the outbox too
            if (tries == 1 || tries % 20 == 0) {
                LOG.warn("{} for {} {} not sent (try {}), will keep trying: {}", what(alert), alert.school(),
                        alert.reference(), tries, problem);
            }
            counts[1]++;
        }
    }

    private static String what(OutboxDao.Pending row) {
        return ReceiptCopies.KIND.equals(row.kind()) ? "Receipt copy" : "Alert";
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    private void roundQuietly() {
        try {
            deliverPending();
        } catch (RuntimeException e) {
            // a broken round (the database busy, say) must not stop the next ones
            LOG.error("A round of alert delivery failed; the alerts stay queued", e);
        }
    }

    /**
     * What became of one try: sent (to the role whose accounts got it; null for a receipt's copy),
     * dropped for good (the report was erased or closed before the alert went), or failed for now.
     */
    private sealed interface Outcome {
        record Sent(String toRole) implements Outcome {
        }

        record Dropped(String reason) implements Outcome {
        }

        record Failed(String problem) implements Outcome {
        }
    }

    /**
     * Sends one report's alerts (or one receipt's copy), reading the report and the accounts now:
     * alerts whose report was erased or closed meanwhile are dropped (tester 3's fault 8: a purged
     * report's urgent alert went out days later); a role nobody active holds goes to the headteacher,
     * saying so; and each address gets one e-mail for the report, naming every role it answers for
     * ({@link AlertRecipients#letters}, tester 4's fault 7). An alert is sent when every e-mail for
     * its role was accepted; one whose e-mail failed stays queued and is tried again with its
     * report's other unsent alerts (at least once, never lost).
     *
     * @param alerts one receipt's copy, or unsent alerts of one report (same school, kind, reference)
     * @return each alert's outcome, in the order given
     */
    private Map<OutboxDao.Pending, Outcome> deliver(List<OutboxDao.Pending> alerts) {
        Map<OutboxDao.Pending, Outcome> outcomes = new LinkedHashMap<>();
        OutboxDao.Pending first = alerts.get(0);
        Optional<Manifest> school = manifests.school(first.school());
        if (school.isEmpty()) {
            alerts.forEach(alert -> outcomes.put(alert, new Outcome.Failed("no manifest for school " + first.school())));
            return outcomes;
        }
        if (ReceiptCopies.KIND.equals(first.kind())) {
            outcomes.put(first, deliverReceipt(first, school.get()));
            return outcomes;
        }
        Optional<SubmissionRow> report = jdbi.withExtension(SubmissionDao.class, submissions ->
                submissions.findByReference(first.reference()));
        Optional<String> gone = ReportState.whyNotAlert(jdbi, report);
        if (gone.isPresent()) {
            alerts.forEach(alert -> outcomes.put(alert, new Outcome.Dropped(gone.get())));
            return outcomes;
        }
        Optional<FormDefinition> form = report.map(SubmissionRow::formId).flatMap(school.get()::form);
        List<AlertRecipients.Letter> letters = new AlertRecipients(jdbi).letters(first.school(),
                alerts.stream().map(OutboxDao.Pending::recipientRole).toList());
        Map<String, String> deliveredAs = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        for (AlertRecipients.Letter letter : letters) {
            AlertMessage message = AlertMessage.of(first, letter, school.get(), form, staffUrl.get(), clock.instant(),
                    messages);
            letter.covers().forEach(role -> deliveredAs.put(role,
                    letter.inPlaceOf().contains(role) ? StaffRole.HEADTEACHER.word() : role));
            try {
                mailer.send(letter.emails(), message.subject(), message.body(), clock.instant());
                for (String unheld : letter.inPlaceOf()) {
                    LOG.warn("Alert for {} {} sent to the headteacher in place of the {}: no active account holds that role",
                            first.school(), first.reference(), unheld);
                }
            } catch (MessagingException | RuntimeException e) {
                letter.covers().forEach(role -> problems.putIfAbsent(role, String.valueOf(e.getMessage())));
            }
        }
        for (OutboxDao.Pending alert : alerts) {
            String role = alert.recipientRole();
            outcomes.put(alert, !deliveredAs.containsKey(role)
                    ? new Outcome.Failed(StaffRole.HEADTEACHER.word().equals(role)
                            ? "no active staff account with the role headteacher"
                            : "no active staff account with the role " + role + " or headteacher")
                    : problems.containsKey(role) ? new Outcome.Failed(problems.get(role))
                    : new Outcome.Sent(deliveredAs.get(role)));
        }
        return outcomes;
    }

    /**
     * A copy of a receipt (docs/adr/0060), to the address the person gave, in the language they
     * asked in. The record is read now: an erased one is never sent (erasure also clears the address).
     */
    private Outcome deliverReceipt(OutboxDao.Pending copy, Manifest school) {
        Optional<SubmissionRow> row = jdbi.withExtension(SubmissionDao.class, submissions ->
                submissions.findByReference(copy.reference())).filter(found -> !found.erased());
        Optional<FormDefinition> form = row.map(SubmissionRow::formId).flatMap(school::form);
        if (row.isEmpty() || form.isEmpty()) {
            return new Outcome.Failed("the record or its form is gone");
        }
        String language = school.publishes(copy.language()) ? copy.language() : row.get().lang();
        ReceiptMessage message = ReceiptMessage.of(school, form.get(), row.get(), language,
                Optional.of(settings.staffUrl().replaceAll("/+$", "")).filter(url -> !url.isBlank()), messages);
        try {
            mailer.send(List.of(copy.recipientAddress()), message.subject(), message.body(), clock.instant());
            return new Outcome.Sent(null);
        } catch (MessagingException | RuntimeException e) {
            return new Outcome.Failed(String.valueOf(e.getMessage()));
        }
    }
}
