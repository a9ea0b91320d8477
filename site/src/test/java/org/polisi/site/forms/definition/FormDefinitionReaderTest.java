package org.polisi.site.forms.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.contract.ReservedNames;
import org.polisi.site.forms.FormsFixtures;

/** Each bad definition fails the build with the file and the line of the offending node. */
class FormDefinitionReaderTest {

    @Test
    void anUnknownFieldTypeIsReportedAtItsTypeLine() {
        assertOnlyProblem("unknown-type", 11, "unknown type 'signature'");
    }

    @Test
    void aFieldWithoutALabelIsReportedAtTheField() {
        assertOnlyProblem("missing-label", 10, "field 'full-name' has no 'label'");
    }

    @Test
    void aTextWithoutItsWelshIsReportedForABilingualSchool() {
        assertOnlyProblem("missing-welsh", 13, "'hint' has no 'cy' text");
    }

    @Test
    void anEnglishOnlySchoolDoesNotNeedWelsh() throws FormDefinitionException {
        SchoolForms forms = SchoolForms.load("ashby", List.of("en"), List.of(FormsFixtures.dir("bad/missing-welsh")));
        assertEquals("As on the register", forms.find("missing-welsh").orElseThrow().fields().get(0).hint().orElseThrow().in("en"));
    }

    @Test
    void anIdThatIsNotTheFileNameIsReported() {
        assertOnlyProblem("id-mismatch", 1, "id 'trip-consent' does not match the file name: the id must be 'school-trip-consent'");
    }

    @Test
    void aRadioWithoutOptionsIsReported() {
        assertOnlyProblem("missing-options", 13, "field 'relationship' (radio) has no options");
    }

    @Test
    void aConsentWithoutStatementsIsReported() {
        assertOnlyProblem("missing-statements", 10, "field 'consent' (consent) has no statements");
    }

    @Test
    void anAgreementMustSayWhoSignsIt() {
        assertOnlyProblem("unsigned-agreement", 1, "an agreement must say who signs it: signed-by: staff, pupils, parents or others");
    }

    @Test
    void onlyAnAgreementMaySayWhoSignsIt() {
        assertOnlyProblem("signed-consent", 3, "signed-by is for agreements only, not a consent form");
    }

    @Test
    void anUnknownSignerGroupIsReportedAtItsLine() {
        assertOnlyProblem("unknown-signer", 3, "signed-by 'governors' is not one of staff, pupils, parents, others");
    }

    /** Issue 15: a notice of objection that could be sent with nothing ticked would say nothing. */
    @Test
    void anObjectionMustHaveARequiredCheckboxesField() {
        assertOnlyProblem("objection-empty-allowed", 10, "an objection form needs a required 'checkboxes' field");
    }

    /** An opt-out does not rest on consent: Article 6(1)(a), however spaced, is refused in each language at its line. */
    @Test
    void anObjectionMayNotGiveConsentAsItsLawfulBasis() {
        List<FormProblem> problems = problems("objection-consent-basis");
        assertHas(problems, 9, "the lawful basis of an objection form must not be consent (its 'en' text)");
        assertHas(problems, 10, "the lawful basis of an objection form must not be consent (its 'cy' text)");
        assertEquals(2, problems.size(), problems.toString());
    }

    /** The Welsh word for consent (caniatâd, and its mutations) is found as well as the English. */
    @Test
    void anObjectionMayNotGiveConsentAsItsLawfulBasisInWelsh() {
        assertOnlyProblem("objection-welsh-consent-basis", 10,
                "the lawful basis of an objection form must not be consent (its 'cy' text)");
    }

    @Test
    void anObjectionAsksNoConsentStatements() {
        assertOnlyProblem("objection-with-statements", 10, "an objection form asks no consent statements (field 'images')");
    }

    /** Fault 4 of the 1 Dec tester's report: a consent form asking no consent is refused at its fields line. */
    @Test
    void aConsentFormWithoutAConsentFieldIsReported() {
        assertOnlyProblem("consent-without-consent", 9, "a consent form needs a 'consent' field with its statements");
    }

    /** The same kind for agreements: the signer's name is the signature, so it must be asked and required. */
    @Test
    void anAgreementWithoutARequiredNameIsReported() {
        assertOnlyProblem("agreement-name-optional", 10, "an agreement needs a required 'name' field");
    }

    /** An incident form without urgent-concern would never send the urgent alerts its notify: promises. */
    @Test
    void anIncidentFormWithoutUrgentConcernIsReported() {
        assertOnlyProblem("incident-without-urgent", 12, "an incident form needs a required field named 'urgent-concern'");
    }

    /** An optional urgent-concern is reported at that field's own line. */
    @Test
    void anOptionalUrgentConcernIsReportedAtItsField() {
        assertOnlyProblem("incident-urgent-optional", 17, "an incident form needs a required field named 'urgent-concern'");
    }

    @Test
    void anIncidentFormWithoutARequiredAccountIsReported() {
        assertOnlyProblem("incident-without-account", 12, "an incident form needs a required 'textarea' field");
    }

    /** Every name the server reads from a post, or whose input id the form already uses, is refused at its line. */
    @Test
    void reservedNamesAreRefusedAtTheirLines() {
        List<FormProblem> problems = problems("reserved-names");
        assertHas(problems, 10, "field name 'idempotency-key' is reserved");
        assertHas(problems, 13, "field name 'withdraw-step' is reserved");
        assertHas(problems, 16, "field name 'title' is reserved");
        assertHas(problems, 23, "option value 'heading' is reserved");
        assertHas(problems, 28, "statement id 'error' is reserved");
        assertEquals(5, problems.size(), problems.toString());
        problems.forEach(problem -> assertTrue(problem.toString().contains("/bad/reserved-names/reserved-names.yml:"),
                problem.toString()));
    }

    /** The contract's list, not a copy: every reserved parameter the server reads is refused as a field name. */
    @Test
    void everyReservedParameterIsRefusedAsAFieldName(@TempDir Path folder) throws IOException {
        String form = Files.readString(FormsFixtures.dir("bad/reserved-names").resolve("reserved-names.yml"));
        for (String parameter : ReservedNames.PARAMETERS) {
            Path dir = Files.createDirectories(folder.resolve(parameter));
            Files.writeString(dir.resolve("reserved-names.yml"), form.replace("name: idempotency-key", "name: " + parameter));
            FormDefinitionException failure = assertThrows(FormDefinitionException.class, () ->
                    SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(dir)));
            assertHas(failure.problems(), 10, "field name '" + parameter + "' is reserved");
        }
    }

    @Test
    void everyProblemOfAFileIsReportedInOneRun() {
        List<FormProblem> problems = problems("many-problems");
        assertHas(problems, 2, "unknown kind 'permission'");
        assertHas(problems, 3, "'title' has no 'cy' text");
        assertHas(problems, 6, "'days' should be a whole number of 1 or more, not 'none'");
        assertHas(problems, 12, "unknown key 'lable' in a field");
        assertHas(problems, 10, "field 'full-name' has no 'label'");
        assertHas(problems, 16, "'required' should be true or false, not 'yes'");
        assertEquals(6, problems.size(), problems.toString());
    }

    private static void assertOnlyProblem(String fixture, int line, String message) {
        List<FormProblem> problems = problems(fixture);
        assertEquals(1, problems.size(), problems.toString());
        assertHas(problems, line, message);
        FormProblem problem = problems.get(0);
        assertTrue(problem.toString().matches(".*/bad/" + fixture + "/[a-z-]+\\.yml:" + line + ": .*"), problem.toString());
    }

    static List<FormProblem> problems(String fixture) {
        FormDefinitionException failure = assertThrows(FormDefinitionException.class, () ->
                SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(FormsFixtures.dir("bad/" + fixture))));
        failure.problems().forEach(problem -> assertTrue(failure.getMessage().contains(problem.toString())));
        return failure.problems();
    }

    static void assertHas(List<FormProblem> problems, int line, String message) {
        assertTrue(problems.stream().anyMatch(problem -> problem.line() == line && problem.message().contains(message)),
                "expected line " + line + ": " + message + " in " + problems);
    }
}
