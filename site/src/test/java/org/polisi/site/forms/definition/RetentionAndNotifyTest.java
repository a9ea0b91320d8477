package org.polisi.site.forms.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.contract.RetentionRule;
import org.polisi.contract.StaffRole;

/** RetentionRule rules, notify roles and withdrawal fields: what a definition may say, and the sentence each rule gives. */
class RetentionAndNotifyTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            kind: %s
            title: {en: A form, cy: Ffurflen}
            confirmation: {en: Thanks., cy: Diolch.}
            reader-role: headteacher
            purpose: {en: to test, cy: i brofi}
            lawful-basis: {en: consent, cy: caniatâd}
            """;

    /** What an incident form asks besides (FormKindRules): what happened, and whether it is urgent. */
    private static final String INCIDENT_FIELDS = """
              - name: incident
                type: textarea
                label: {en: What happened, cy: Beth ddigwyddodd}
                required: true
              - name: urgent-concern
                type: radio
                label: {en: Urgent, cy: Brys}
                required: true
                options:
                  - value: none
                    label: {en: No, cy: Na}
                  - value: immediate-risk
                    label: {en: Immediate risk, cy: Perygl uniongyrchol}
            """;

    private static final String FIELDS = """
            fields:
              - name: pupil-names
                type: pupil-names
                label: {en: Name, cy: Enw}
                required: true
              - name: year-group
                type: year-group
                label: {en: Year group, cy: Grŵp blwyddyn}
            """;

    @Test
    void theOldFreeTextRetentionIsRefusedWithTheReason() throws IOException {
        List<FormProblem> problems = problems("consent", "retention:\n  days: 2555\n  text: {en: for ever, cy: am byth}\n");
        assertTrue(has(problems, "retention takes no 'text': the privacy notice's sentence is generated from the rule"),
                problems.toString());
        assertTrue(has(problems, "retention has no 'rule'"), problems.toString());
    }

    @Test
    void anUnknownRuleAndAMissingAmountAreReportedAtTheirLines() throws IOException {
        assertTrue(has(problems("consent", "retention: {rule: for-ever}\n"), "unknown retention rule 'for-ever'"));
        assertTrue(has(problems("consent", "retention: {rule: after-submission}\n"), "needs exactly one of 'days' or 'years'"));
        assertTrue(has(problems("consent", "retention: {rule: after-submission, days: 3, years: 1}\n"),
                "needs exactly one of 'days' or 'years'"));
        assertTrue(has(problems("consent", "retention: {rule: until-staff-date, years: 1}\n"),
                "'years' does not apply to retention rule until-staff-date"));
    }

    @Test
    void theLeavingRuleNeedsAYearGroupFieldOfTheForm() throws IOException {
        assertTrue(has(problems("consent", "retention: {rule: after-pupil-leaves, year-group-field: class}\n"),
                "retention year-group-field 'class' is not a field of type year-group in this form"));
        assertTrue(has(problems("consent", "retention: {rule: after-pupil-leaves, year-group-field: year-group,"
                + " last-year-group: year-13}\n"), "last-year-group 'year-13' is not a year group"));
        assertTrue(has(problems("consent", "retention: {rule: after-pupil-leaves}\n"),
                "retention after-pupil-leaves has no 'year-group-field'"));
    }

    @Test
    void anIncidentFormMustSayWhomItNotifiesAndOnlyWithAccountRoles() throws IOException {
        String rule = "retention: {rule: until-staff-date}\n";
        assertTrue(has(problems("incident", rule), "an incident form needs 'notify:'"));
        assertTrue(has(problems("incident", rule + "notify: {incident: [headteacher]}\n"), "notify has no 'urgent' roles"));
        assertTrue(has(problems("incident", rule + "notify: {urgent: [deputy-headteacher]}\n"),
                "notify urgent role 'deputy-headteacher' is not a staff account role"));
        assertTrue(has(problems("consent", "retention: {rule: after-submission, years: 1}\nnotify: {urgent: [headteacher]}\n"),
                "'notify' applies to incident forms only"));
    }

    @Test
    void notifyNamesTheOfficeByItsFormWordAndListsTheKnownRoles() throws IOException, FormDefinitionException {
        String rule = "retention: {rule: until-staff-date}\n";
        Path forms = Files.createDirectories(dir.resolve("forms-office"));
        Files.writeString(forms.resolve("a-form.yml"), "id: a-form\n" + HEAD.formatted("incident") + rule
                + "notify: {incident: [school-office], urgent: [safeguarding-lead, headteacher]}\n" + FIELDS + INCIDENT_FIELDS);
        assertEquals(List.of("school-office"), SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(forms))
                .find("a-form").orElseThrow().alerts().incident(), "school-office is the office's form word");
        for (String word : List.of("office", "Headteacher", "governors")) {
            assertTrue(has(problems("incident", rule + "notify: {urgent: [" + word + "]}\n"),
                    "notify urgent role '" + word + "' is not a staff account role (known: "
                            + StaffRole.knownFormWords() + ")"), word);
        }
    }

    @Test
    void aWithdrawalFormNamesTheConsentFormTheChildAndAnOptionalReference() throws IOException {
        assertTrue(has(problems("withdrawal", "retention: {rule: after-submission, years: 1}\n"),
                "a withdrawal form needs one required 'consent-form' field"));
    }

    @Test
    void eachRuleGivesItsOwnSentenceInEachLanguage() {
        Map<String, String> english = FormsFixtures.bundle("en");
        Map<String, String> welsh = FormsFixtures.bundle("cy");
        RetentionRule eightYears = new RetentionRule(RetentionRule.Rule.AFTER_SUBMISSION, 8, RetentionRule.Unit.YEARS,
                null, "year-6", null);
        RetentionRule oneDay = new RetentionRule(RetentionRule.Rule.AFTER_SUBMISSION, 1, RetentionRule.Unit.DAYS,
                null, "year-6", null);
        RetentionRule leaving = new RetentionRule(RetentionRule.Rule.AFTER_PUPIL_LEAVES, 0, RetentionRule.Unit.YEARS,
                "year-group", "year-6", null);
        RetentionRule hold = new RetentionRule(RetentionRule.Rule.UNTIL_STAFF_DATE, 0, RetentionRule.Unit.NONE,
                null, "year-6", "no source");
        assertEquals("for 8 years after you send it.", RetentionSentence.in(eightYears, "en", english));
        assertEquals("hyd nes y bydd 8 o flynyddoedd wedi mynd heibio ers i chi ei hanfon.",
                RetentionSentence.in(eightYears, "cy", welsh));
        assertEquals("for 1 day after you send it.", RetentionSentence.in(oneDay, "en", english));
        assertEquals("am ddiwrnod ar ôl i chi ei hanfon.", RetentionSentence.in(oneDay, "cy", welsh));
        assertTrue(RetentionSentence.in(leaving, "en", english).startsWith("until the end of the school year in which"));
        assertTrue(RetentionSentence.in(leaving, "cy", welsh).startsWith("hyd ddiwedd y flwyddyn ysgol"));
        assertEquals("until a date the school sets for this record; it is not deleted before then.",
                RetentionSentence.in(hold, "en", english));
        assertTrue(RetentionSentence.in(hold, "cy", welsh).startsWith("hyd ddyddiad y bydd yr ysgol yn ei osod"));
    }

    private List<FormProblem> problems(String kind, String extra) throws IOException {
        Path forms = Files.createDirectories(dir.resolve("forms-" + System.nanoTime()));
        Files.writeString(forms.resolve("a-form.yml"), "id: a-form\n" + HEAD.formatted(kind) + extra + FIELDS);
        FormDefinitionException failure = assertThrows(FormDefinitionException.class,
                () -> SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(forms)));
        return failure.problems();
    }

    private static boolean has(List<FormProblem> problems, String text) {
        return problems.stream().anyMatch(problem -> problem.message().contains(text));
    }
}
