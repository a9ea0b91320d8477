package org.polisi.forms.web;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.alerts.AlertStatus;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.archive.SameAgreedText;
import org.polisi.forms.config.SealingKey;
import org.polisi.forms.config.SecretKey;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.consent.ConsentState;
import org.polisi.forms.consent.WithdrawalRequests;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.incident.IncidentChronology;
import org.polisi.forms.intake.BodyLimits;
import org.polisi.forms.intake.FormDrafts;
import org.polisi.forms.intake.SubmissionRateLimiter;
import org.polisi.forms.intake.SubmissionService;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.receipts.ReceiptCopies;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.roster.Returns;
import org.polisi.forms.roster.Roster;
import org.polisi.forms.staff.Dashboard;
import org.polisi.forms.consent.ConsentRegister;
import org.polisi.forms.signatures.SignatureRegister;
import org.polisi.forms.staff.GovernorSummary;
import org.polisi.forms.staff.IncidentViewDao;
import org.polisi.forms.alerts.LockoutMail;
import org.polisi.forms.staff.LoginService;
import org.polisi.forms.staff.LoginThrottle;
import org.polisi.forms.staff.PendingSignIns;
import org.polisi.forms.staff.SecondFactor;
import org.polisi.forms.staff.PasswordHasher;
import org.polisi.forms.staff.SessionStore;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.storage.SubmissionLedger;

/** The web layer's objects, wired once from the services; {@link Routes} maps addresses to them. */
public record Handlers(
        SecurityHeaders securityHeaders,
        RequestGuards guards,
        SubmissionHandler submissions,
        FormDraftPages drafts,
        ConfirmationHandler confirmation,
        LoginHandler login,
        StaffAuth auth,
        StaffPages staffPages,
        SchoolSwitch schoolSwitch,
        SiteHandler site,
        AgreedTextPage agreedTexts,
        ErrorPages errors) {

    /** The wait after the first failure past the free ones; it doubles with each further failure. */
    static final java.time.Duration LOGIN_FIRST_DELAY = java.time.Duration.ofSeconds(2);

    /**
     * Drafts one client may have kept per window (docs/forms.md, "Posting"): ten per submission it may
     * send, and never fewer than 100, so that a parent correcting a form is never stopped, while a
     * client posting refused forms in a loop cannot fill the database.
     */
    static int draftsPerWindow(int submissionsPerWindow) {
        return (int) Math.max(100, Math.min(Integer.MAX_VALUE, 10L * submissionsPerWindow));
    }

    public static Handlers wire(ServerConfig config, Jdbi jdbi, SecretKey key, SealingKey sealing, Clock clock,
                                Messages messages,
                                ManifestCatalog manifests, SubmissionLedger ledger, SubmissionService submissions,
                                AgreedTextArchive agreedTexts) {
        PageLayout layout = new PageLayout(messages, new ThemePages());
        ErrorPages errors = new ErrorPages(messages, layout, new UrgentGuidance(messages, manifests));
        SiteFiles site = new SiteFiles(config.siteDir());
        ReceiptLinks receipts = new ReceiptLinks(key, clock, config.receiptLifetime());
        FormDrafts drafts = new FormDrafts(jdbi, ledger, clock);   // its writes share the ledger writer's commits
        FormPageFiller filler = new FormPageFiller(layout);
        BakedFormPages baked = new BakedFormPages(site);   // one parse per page for refused posts and drafts
        ClientAddress clients = new ClientAddress();
        BodyLimits bodyLimits = new BodyLimits(manifests, config.maxBodyBytes());
        RequestGuards guards = new RequestGuards(
                new OriginPolicy(config.allowedOrigins(), config.secureCookies()),
                bodyLimits,
                new SubmissionRateLimiter(config.submissionsPerWindow(), config.submissionWindow(), clock),
                new SubmissionRateLimiter(config.loginsPerWindow(), config.submissionWindow(), clock),
                // drafts store what was typed, even when refused: bounded per client, generously (docs/forms.md)
                new SubmissionRateLimiter(draftsPerWindow(config.submissionsPerWindow()), config.submissionWindow(), clock),
                // junk posted to a form's address: its own allowance, so it never uses up a real form's
                new SubmissionRateLimiter(config.submissionsPerWindow(), config.submissionWindow(), clock),
                clients,
                errors,
                new PostedDrafts(drafts, manifests));
        StaffAuth auth = new StaffAuth(
                new SessionStore(jdbi, clock, config.sessionIdleTimeout(), config.sessionAbsoluteTimeout(), sealing),
                key, config.secureCookies());
        PasswordHasher hasher = new PasswordHasher();
        SecondFactor secondFactor = new SecondFactor(jdbi, clock, manifests, sealing);
        LoginService logins = new LoginService(jdbi, hasher,
                new LoginThrottle(jdbi, clock, config.loginFailuresBeforeLockout(), LOGIN_FIRST_DELAY,
                        config.lockoutDuration()),
                secondFactor, new LockoutMail(config.alertMail(), messages, clock));
        StaffRecords records = new StaffRecords(jdbi, manifests, clock);
        AlertStatus alertStatus = new AlertStatus(jdbi, config.alertMail().enabled());
        StaffFrame frame = new StaffFrame(layout, messages, manifests, records);
        ConsentState consentState = new ConsentState(jdbi);
        WithdrawalRequests withdrawalRequests = new WithdrawalRequests(jdbi, ledger);
        WithdrawalRequestSection withdrawals = new WithdrawalRequestSection(records, withdrawalRequests, frame, errors,
                messages, clock);
        IncidentChronology chronology = new IncidentChronology(jdbi, ledger);
        IncidentChronologySection chronologySection = new IncidentChronologySection(records, chronology, frame, errors,
                messages, clock);
        Roster roster = new Roster(jdbi);
        SameAgreedText sameText = new SameAgreedText(agreedTexts);
        SignatureRegister signatures = new SignatureRegister(jdbi, sameText,
                java.util.Optional.of(new org.polisi.forms.signatures.SourceChanged(agreedTexts, sameText)));
        ErasurePages erasurePages = new ErasurePages(records, new ErasureService(jdbi, ledger, manifests), frame, errors,
                messages, clock);
        StaffPages staffPages = new StaffPages(
                new SubmissionPages(records, new CsvExport(messages), frame, errors, messages),
                new RecordPage(records, consentState, erasurePages,
                        submissionId -> jdbi.withExtension(IncidentViewDao.class, views -> views.forSubmission(submissionId)),
                        frame, errors, messages, agreedTexts, withdrawals, chronologySection),
                new ConsentPage(records, consentState, withdrawalRequests, frame, errors, messages,
                        new ConsentRegister(jdbi, consentState), roster, new CsvExport(messages)),
                new GovernorsPage(records, new GovernorSummary(jdbi), chronology, frame, errors, messages,
                        signatures),
                new SignaturesPage(records, signatures, new CsvExport(messages), frame, errors, messages),
                new PersonPage(records, frame, errors, messages, clock),
                new AccountPage(secondFactor, frame, errors, messages),
                withdrawals, chronologySection, erasurePages,
                new DashboardPage(new Dashboard(jdbi, records), roster, new Returns(jdbi), alertStatus, withdrawalRequests,
                        frame, messages, clock),
                new RosterPage(roster, frame, errors, messages, clock), records);
        return new Handlers(
                new SecurityHeaders(config.secureCookies()),
                guards,
                new SubmissionHandler(submissions, baked, filler, receipts, errors, layout,
                        messages, bodyLimits, drafts, guards),
                new FormDraftPages(manifests, drafts, submissions, baked, filler, receipts, errors, layout),
                new ConfirmationHandler(manifests, ledger, receipts, errors, layout, messages, agreedTexts, alertStatus,
                        new ReceiptCopies(jdbi, config.alertMail().enabled(), clock), bodyLimits),
                new LoginHandler(logins, new PendingSignIns(jdbi, clock), auth, clients, errors, layout, messages, manifests),
                auth,
                staffPages,
                new SchoolSwitch(logins, auth, frame, errors, messages, manifests),
                new SiteHandler(site, manifests, layout, messages, errors),
                new AgreedTextPage(agreedTexts, manifests, layout, errors, messages),
                errors);
    }
}
