package org.polisi.forms.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.incident;
import static org.polisi.forms.Submissions.reference;
import static org.polisi.forms.Submissions.version;
import static org.polisi.forms.TestServer.form;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.contract.RetentionRule;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionLedger;

/**
 * Issue 14, fault 6: purge applies exactly the rule the privacy notice states. A consent kept "until
 * the end of the school year in which the pupil leaves, plus 1 year" stays while the pupil is at the
 * school and goes after; an incident kept "until a date staff set" stays until staff set one and it
 * has passed.
 */
class RetentionRulePurgeTest {

    private static final ZoneId SCHOOL = ZoneId.of("Europe/London");

    private static String[] classPhotos(String pupil, String yearGroup) {
        return new String[] {"form-id", "class-photos-consent", "form-lang", "en", "form-version", version("en", 6),
            "pupil-names", pupil, "year-group", yearGroup, "consent.class-photo", "given", "website", ""};
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(12, 0).atZone(SCHOOL).toInstant();
    }

    @Test
    void theLeavingRuleCountsFromTheEndOfTheSchoolYearInWhichThePupilIsInTheLastYearGroup() {
        RetentionRule rule = new RetentionRule(RetentionRule.Rule.AFTER_PUPIL_LEAVES, 1, RetentionRule.Unit.YEARS, "year-group", "year-6", null);
        // a Year 4 pupil in October 2026 is in Year 6 in 2028-29: that year ends 31 August 2029, plus 1 year
        assertEquals(Optional.of(LocalDate.parse("2030-08-31")),
                rule.keptUntil(at("2026-10-01"), Optional.of("year-4"), Optional.empty(), SCHOOL));
        // in July the school year 2025-26 is still running
        assertEquals(Optional.of(LocalDate.parse("2027-08-31")),
                rule.keptUntil(at("2026-07-01"), Optional.of("year-6"), Optional.empty(), SCHOOL));
        assertEquals(Optional.empty(), rule.keptUntil(at("2026-07-01"), Optional.empty(), Optional.empty(), SCHOOL),
                "no year group answered: kept, never guessed");
        RetentionRule years = new RetentionRule(RetentionRule.Rule.AFTER_SUBMISSION, 8, RetentionRule.Unit.YEARS, null, "year-6", null);
        assertEquals(Optional.of(LocalDate.parse("2034-10-01")),
                years.keptUntil(at("2026-10-01"), Optional.empty(), Optional.empty(), SCHOOL));
        RetentionRule hold = new RetentionRule(RetentionRule.Rule.UNTIL_STAFF_DATE, 0, RetentionRule.Unit.NONE, null, "year-6", null);
        assertEquals(Optional.empty(), hold.keptUntil(at("2026-10-01"), Optional.empty(), Optional.empty(), SCHOOL));
    }

    @Test
    void purgeKeepsAConsentWhileThePupilIsAtTheSchoolAndRemovesItAfterTheLeavingYearPlusOne(@TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder).load();
        String yearFive;
        String yearSix;
        try (TestServer then = TestServer.start(config, Clock.fixed(at("2026-10-01"), ZoneOffset.UTC))) {
            yearFive = reference(then.browser().post("/forms/testschool/class-photos-consent",
                    form(classPhotos("Efa Year Five", "year-5"))));
            yearSix = reference(then.browser().post("/forms/testschool/class-photos-consent",
                    form(classPhotos("Ifan Year Six", "year-6"))));
        }
        // Year 6 leaves at the end of August 2027, Year 5 a year later; each is kept one more year
        assertEquals(List.of(), purge(config, "2027-09-15"), "both pupils' leaving years have not ended plus 1");
        assertEquals(List.of(yearSix), purge(config, "2028-09-01").stream().map(PurgeService.Purged::reference).toList());
        List<PurgeService.Purged> later = purge(config, "2029-09-01");
        assertEquals(List.of(yearFive), later.stream().map(PurgeService.Purged::reference).toList());
        assertEquals(LocalDate.parse("2029-08-31"), later.get(0).keptUntil());
        assertEquals("end of the school year the pupil leaves (year-6) plus 1 year(s)", later.get(0).why());
    }

    @Test
    void anIncidentKeptUntilAStaffDateStaysUntilOneIsSetAndHasPassed(@TempDir Path folder) {
        ServerConfig config = TestServer.settings(folder).load();
        String report;
        try (TestServer then = TestServer.start(config, Clock.fixed(at("2020-01-10"), ZoneOffset.UTC))) {
            report = reference(then.browser().post("/forms/testschool/incident-report",
                    form(incident("en", "none", "What happened"))));
        }
        assertEquals(List.of(), purge(config, "2040-01-01"), "no date set: kept however old");
        try (TestServer now = TestServer.start(config, Clock.fixed(at("2040-01-01"), ZoneOffset.UTC))) {
            now.addStaff("testschool", "Gwen Safeguarding", "lead@testschool.example", "safeguarding-lead");
            TestServer.Browser lead = now.browser();
            lead.login("lead@testschool.example", TestServer.PASSWORD);
            assertEquals(303, lead.post("/staff/submissions/" + report + "/chronology",
                    form("csrf-token", lead.csrf(), "kind", "keep-until", "detail", "2040-06-30")).statusCode());
        }
        assertEquals(List.of(), purge(config, "2040-06-30"), "kept on its last day");
        List<PurgeService.Purged> purged = purge(config, "2040-07-01");
        assertEquals(List.of(report), purged.stream().map(PurgeService.Purged::reference).toList());
        assertEquals("the date staff set on it", purged.get(0).why());
    }

    private static List<PurgeService.Purged> purge(ServerConfig config, String day) {
        try (TestServer server = TestServer.start(config, Clock.fixed(at(day), ZoneOffset.UTC))) {
            List<PurgeService.Purged> purged;
            try (SubmissionLedger ledger = new SubmissionLedger(server.jdbi())) {
                purged = new PurgeService(new ManifestCatalog(config.manifestDir()), ledger).purge(at(day));
            }
            purged.forEach(each -> assertTrue(server.jdbi().onDemand(SubmissionDao.class)
                    .findByReference(each.reference()).orElseThrow().erased()));
            return purged;
        }
    }
}
