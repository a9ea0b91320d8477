package org.polisi.forms.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.consent;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.ErasureDao;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.SubmissionRow;

class PurgeTest {

    @Test
    void purgeRemovesOnlyRecordsPastTheirFormsRetentionAndRecordsWhatItRemoved(@TempDir Path temporaryFolder) {
        ServerConfig config = TestServer.settings(temporaryFolder).load();
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        String oldConsent;
        String oldAgreement;
        try (TestServer past = TestServer.start(config, Clock.fixed(now.minus(Duration.ofDays(40)), ZoneOffset.UTC))) {
            // consent forms are kept 30 days, agreements 365: 40 days on, only the consent has expired
            oldConsent = reference(past.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "Old Pupil", "given", "given"))));
            oldAgreement = reference(past.browser().post("/forms/testschool/parent-agreement",
                    form(with(agreement("en"), "parent-name", "Old Parent"))));
        }
        try (TestServer present = TestServer.start(config, Clock.fixed(now, ZoneOffset.UTC))) {
            String newConsent = reference(present.browser().post("/forms/testschool/images-consent",
                    form(consent("en", "New Pupil", "given", "given"))));

            List<PurgeService.Purged> purged = new PurgeService(new ManifestCatalog(config.manifestDir()),
                    new SubmissionLedger(present.jdbi())).purge(now);

            assertEquals(List.of(oldConsent), purged.stream().map(PurgeService.Purged::reference).toList());
            SubmissionDao dao = present.jdbi().onDemand(SubmissionDao.class);
            SubmissionRow tombstone = dao.findByReference(oldConsent).orElseThrow();
            assertTrue(tombstone.erased());
            assertFalse(tombstone.fieldsJson().contains("Old Pupil"));
            assertTrue(dao.findByReference(oldAgreement).orElseThrow().fieldsJson().contains("Old Parent"));
            assertTrue(dao.findByReference(newConsent).orElseThrow().fieldsJson().contains("New Pupil"));
            assertEquals("retention", present.jdbi().onDemand(ErasureDao.class).forSubmission(tombstone.id())
                    .orElseThrow().reason());
            assertEquals(0, present.count("SELECT count(*) FROM consent_event WHERE pupil = 'Old Pupil'"));
            assertTrue(new ChainVerifier(present.jdbi()).verifyAll().stream().allMatch(r -> r.problem().isEmpty()));
        }
    }
}
