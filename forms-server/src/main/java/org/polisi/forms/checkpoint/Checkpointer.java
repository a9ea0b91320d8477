package org.polisi.forms.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.alerts.SmtpMailer;
import org.polisi.forms.config.AlertMailSettings;
import org.polisi.forms.config.CheckpointSettings;
import org.polisi.forms.storage.ReadSnapshot;
import org.polisi.forms.storage.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a checkpoint of every chain's head and appends it to the log: at start, every interval
 * when a head has moved, and at shutdown; optionally e-mails each one (for example to the chair of
 * governors). A record acknowledged before a checkpoint is committed before the heads are read, so
 * it is covered.
 */
public final class Checkpointer implements AutoCloseable {

    public static final String START = "start";
    public static final String INTERVAL = "interval";
    public static final String SHUTDOWN = "shutdown";
    public static final String COMMAND = "command";

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Jdbi jdbi;
    private final CheckpointKey key;
    private final CheckpointLog log;
    private final CheckpointSettings settings;
    private final SmtpMailer mailer;
    private final Clock clock;
    private ScheduledExecutorService schedule;
    private List<Checkpoint.Head> lastHeads;

    public Checkpointer(Jdbi jdbi, CheckpointSettings settings, AlertMailSettings mail, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.key = CheckpointKey.loadOrCreate(settings.keyFile());
        this.log = new CheckpointLog(settings.logFile());
        this.mailer = mail.enabled() && !settings.mailTo().isEmpty() ? new SmtpMailer(mail) : null;
        this.clock = clock;
    }

    /** Takes the start checkpoint, then one every interval in which a head moved. */
    public synchronized void start() {
        take(START);
        schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "polisi-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        schedule.scheduleWithFixedDelay(this::intervalQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Checkpoints signed with key {} are appended to {} every {} min when something changed",
                CheckpointKey.fingerprint(key.publicKey()), log.file().toAbsolutePath(), settings.interval().toMinutes());
    }

    /** Signs and appends a checkpoint of the heads as they are now; e-mails it if configured. */
    public synchronized Checkpoint take(String reason) {
        Instant now = clock.instant();
        List<Checkpoint.Head> heads = ReadSnapshot.read(jdbi, ChainHeads::read);
        Checkpoint checkpoint = log.append(next -> key.sign(new Checkpoint(next.number(), Times.format(now),
                next.previous(), reason, "", heads, "")));
        lastHeads = heads;
        mail(checkpoint);
        return checkpoint;
    }

    /** The newest checkpoint in the log. */
    public Optional<Checkpoint> last() {
        return log.last();
    }

    private void intervalQuietly() {
        try {
            List<Checkpoint.Head> heads = ReadSnapshot.read(jdbi, ChainHeads::read);
            if (!Objects.equals(heads, lastHeads)) {
                take(INTERVAL);
            }
        } catch (RuntimeException e) {
            LOG.error("No checkpoint was taken this interval: {}", e.getMessage());
        }
    }

    private void mail(Checkpoint checkpoint) {
        if (mailer == null) {
            return;
        }
        try {
            mailer.send(settings.mailTo(), "Polisi checkpoint " + checkpoint.number() + " (" + checkpoint.reason() + ")",
                    CheckpointText.forFiling(checkpoint), clock.instant());
        } catch (Exception e) {
            LOG.warn("Checkpoint {} is in {} but could not be e-mailed: {}", checkpoint.number(), log.file(),
                    e.getMessage());
        }
    }

    /** Stops the interval and signs the shutdown checkpoint; call after the last write. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
        try {
            take(SHUTDOWN);
        } catch (RuntimeException e) {
            LOG.error("No shutdown checkpoint was taken: {}", e.getMessage());
        }
    }
}
