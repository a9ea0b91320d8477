package org.polisi.forms;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.alerts.AlertDelivery;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.checkpoint.Checkpointer;
import org.polisi.forms.config.DataFiles;
import org.polisi.forms.config.SecretKey;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.SubmissionService;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.web.Handlers;
import org.polisi.forms.web.RefusalLog;
import org.polisi.forms.web.Routes;
import org.polisi.forms.web.ServerLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forms server, assembled from its configuration: makes its files private, opens (and
 * migrates) the database, loads the keys, wires the services and the routes, and signs checkpoints. {@link #create} does not listen yet, so
 * tests and the command line choose when to {@link #start()}.
 */
public final class FormsServer {

    private static final Logger LOG = LoggerFactory.getLogger(FormsServer.class);

    private final ServerConfig config;
    private final Javalin app;
    private final Database database;
    private final SubmissionLedger ledger;
    private final AlertDelivery alerts;
    private final Checkpointer checkpoints;
    private final Routes routes;

    private FormsServer(ServerConfig config, Javalin app, Database database, SubmissionLedger ledger,
                        AlertDelivery alerts, Checkpointer checkpoints, Routes routes) {
        this.routes = routes;
        this.config = config;
        this.app = app;
        this.database = database;
        this.ledger = ledger;
        this.alerts = alerts;
        this.checkpoints = checkpoints;
    }

    public static FormsServer create(ServerConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * With a clock of the caller's choosing: tests use it to make records that are already old.
     *
     * @throws UncheckedIOException wrapping an {@link org.polisi.contract.InvalidManifestException} (naming the
     *                              file and the property) when a manifest in the manifest folder is not valid
     */
    public static FormsServer create(ServerConfig config, Clock clock) {
        List<Path> tightened = DataFiles.secure(config);
        if (!tightened.isEmpty()) {
            LOG.warn("Made readable by the server's user only (they were open to others): {}", tightened);
        }
        try {   // a manifest the server would misread stops it here, naming the file, before it takes a post
            new ManifestCatalog(config.manifestDir()).checkAll();
        } catch (IOException invalid) {
            throw new UncheckedIOException(invalid);
        }
        List<String> unread = new ManifestCatalog(config.manifestDir()).readersWithoutAccounts();
        if (!unread.isEmpty()) {   // fault 10: say who really reads them, since their notice names someone else
            LOG.warn("These forms name a reader role no staff account can hold, so only the headteacher reads their"
                    + " records: {}. Rebuild the site with a reader-role of headteacher, safeguarding-lead,"
                    + " online-safety-coordinator or school-office.", String.join(", ", unread));
        }
        Database database = Database.connect(config.database());
        Jdbi jdbi = database.jdbi();
        SecretKey key = SecretKey.loadOrCreate(config.secretKeyFile());
        org.polisi.forms.config.SealingKey sealing;
        try {
            sealing = org.polisi.forms.staff.SecondFactorSecrets.prepare(jdbi, config.secondFactorKeyFile(), clock);
        } catch (RuntimeException unusable) {
            database.close();
            throw unusable;
        }
        Messages messages = new Messages();
        ManifestCatalog manifests = new ManifestCatalog(config.manifestDir());
        SubmissionLedger ledger = new SubmissionLedger(jdbi);
        AgreedTextArchive agreedTexts = new AgreedTextArchive(config.agreedTextsDir());
        SubmissionService submissions = new SubmissionService(manifests, messages, ledger, key, clock,
                config.duplicateWindow(), agreedTexts);
        Handlers handlers = Handlers.wire(config, jdbi, key, sealing, clock, messages, manifests, ledger, submissions,
                agreedTexts);
        Routes routes = new Routes(handlers);
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.maxRequestSize = config.maxBodyBytes();
            javalin.http.defaultContentType = "text/plain; charset=utf-8";
            ServerLimits.apply(javalin, config, handlers);
            RefusalLog.apply(javalin);
            routes.register(javalin.routes);
        });
        AlertDelivery alerts = new AlertDelivery(jdbi, manifests, messages, config.alertMail(),
                () -> "http://localhost:" + app.port(), clock);
        Checkpointer checkpoints = new Checkpointer(jdbi, config.checkpoints(), config.alertMail(), clock);
        return new FormsServer(config, app, database, ledger, alerts, checkpoints, routes);
    }

    public FormsServer start() {
        app.start();
        alerts.start();
        checkpoints.start();
        LOG.info("Polisi forms server on {}/{} serving {} with manifests from {}, database {}",
                config.origin(app.port()), config.listensEverywhere() ? " (every interface)" : "", config.siteDir().toAbsolutePath(), config.manifestDir().toAbsolutePath(),
                config.database());
        return this;
    }

    /**
     * Stops taking requests, lets the writes already queued commit, signs the shutdown checkpoint,
     * then closes the database.
     */
    public void stop() {
        int port = app.port();
        try {
            app.stop();
        } catch (RuntimeException graceTimedOut) {
            // Jetty stops its connectors and handlers whatever happens, then throws when requests were
            // still in progress after its grace period (2 s; a client holding hundreds of slow requests):
            // the writes already queued must still commit and the shutdown checkpoint still be signed
            LOG.warn("Requests still in progress at shutdown were cut off after the grace period: {}",
                    graceTimedOut.getMessage());
        }
        alerts.close();
        ledger.close();
        checkpoints.close();
        database.close();
        // one line the operator can find: the server stopped on purpose, after its last checkpoint
        LOG.info("Polisi forms server on port {} stopped: requests refused, queued writes committed, database closed",
                port);
    }

    /** The port actually listened on (a free one when the configuration says 0). */
    public int port() {
        return app.port();
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** The checkpoints: a caller (a test, an operator's command) may take one now. */
    public Checkpointer checkpoints() {
        return checkpoints;
    }

    /** The route table as registered, with the staff area gating each route: for a test that walks every route. */
    public Routes routes() {
        return routes;
    }

    /** The outbox's delivery, for a caller that wants a round now rather than at the next interval. */
    public AlertDelivery alerts() {
        return alerts;
    }
}
