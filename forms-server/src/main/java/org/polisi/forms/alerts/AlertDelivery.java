package org.polisi.forms.alerts;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.config.AlertMailSettings;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.OutboxDao;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.receipts.ReceiptCopies;
import org.polisi.forms.receipts.ReceiptMessage;
import org.polisi.contract.StaffRole;
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
            while (true) {
                long from = after;
                Optional<OutboxDao.Pending> leased = jdbi.inTransaction(handle -> {
                    OutboxDao outbox = handle.attach(OutboxDao.class);
                    Optional<OutboxDao.Pending> alert = outbox.leaseNext(from);
                    alert.ifPresent(next -> record(next, deliver(next), outbox, counts));
                    return alert;
                });
                if (leased.isEmpty()) {
                    break;
                }
                after = leased.get().id();
            }
        } else {
            for (OutboxDao.Pending alert : jdbi.withExtension(OutboxDao.class, OutboxDao::pending)) {
                Outcome outcome = deliver(alert);
                jdbi.useExtension(OutboxDao.class, outbox -> record(alert, outcome, outbox, counts));
            }
        }
        return new Round(counts[0], counts[1]);
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
     * Sends one alert, reading the report and the accounts now: an alert whose report was erased or
     * closed meanwhile is dropped (tester 3's fault 8: a purged report's urgent alert went out days
     * later), and one for a role nobody active holds goes to the headteacher, saying so.
     */
    private Outcome deliver(OutboxDao.Pending alert) {
        Optional<Manifest> school = manifests.school(alert.school());
        if (school.isEmpty()) {
            return new Outcome.Failed("no manifest for school " + alert.school());
        }
        if (ReceiptCopies.KIND.equals(alert.kind())) {
            return deliverReceipt(alert, school.get());
        }
        Optional<SubmissionRow> report = jdbi.withExtension(SubmissionDao.class, submissions ->
                submissions.findByReference(alert.reference()));
        Optional<String> gone = ReportState.whyNotAlert(jdbi, report);
        if (gone.isPresent()) {
            return new Outcome.Dropped(gone.get());
        }
        AlertRecipients.Resolution recipients = new AlertRecipients(jdbi).resolve(alert.school(), alert.recipientRole());
        if (recipients.emails().isEmpty()) {
            return new Outcome.Failed(StaffRole.HEADTEACHER.word().equals(alert.recipientRole())
                    ? "no active staff account with the role headteacher"
                    : "no active staff account with the role " + alert.recipientRole() + " or headteacher");
        }
        Optional<FormDefinition> form = report.map(SubmissionRow::formId).flatMap(school.get()::form);
        AlertMessage message = AlertMessage.of(alert, recipients, school.get(), form, staffUrl.get(), clock.instant(),
                messages);
        try {
            mailer.send(recipients.emails(), message.subject(), message.body(), clock.instant());
            if (recipients.inPlace()) {
                LOG.warn("Alert for {} {} sent to the headteacher in place of the {}: no active account holds that role",
                        alert.school(), alert.reference(), alert.recipientRole());
            }
            return new Outcome.Sent(recipients.deliveredRole().orElseThrow());
        } catch (MessagingException | RuntimeException e) {
            return new Outcome.Failed(String.valueOf(e.getMessage()));
        }
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
