package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault 10 of the 1 Dec tester's report: an error message names the mistake the author made, not
 * another one. A date in the shape of a date that names no day says which part is impossible; a month
 * name not understood is named; a quote that closes a value too early inside braces is reported as
 * the quote, not as a brace left open.
 */
class MessagesNameTheSlipTest {

    @Test
    void aDayTheMonthDoesNotHaveIsNamed() {
        assertEquals("'31/02/2026' is not a day: February 2026 has no day 31 (it has 28 days)", refusal("31/02/2026"));
        assertEquals("'2028-02-30' is not a day: February 2028 has no day 30 (it has 29 days)", refusal("2028-02-30"));
        assertEquals("'31/04/2026' is not a day: April 2026 has no day 31 (it has 30 days)", refusal("31/04/2026"));
        assertEquals("'0/05/2026' is not a day: May 2026 has no day 0 (it has 31 days)", refusal("0/05/2026"));
        assertEquals("'29/02/2027' is not a day: February 2027 has no day 29 (it has 28 days)", refusal("29/02/2027"));
    }

    @Test
    void aMonthBeyondTwelveIsNamedAsTheMonthWrittenFirst() {
        assertEquals("'09/30/2026' has no month 30 (the day comes first, then the month)", refusal("09/30/2026"));
        // tester 7's finding 9b: a year-first date is not told that the day comes first
        assertEquals("'2026-13-01' has no month 13 (the year comes first, then the month, then the day)", refusal("2026-13-01"));
        assertEquals("'2027-00-10' has no month 0 (the year comes first, then the month, then the day)", refusal("2027-00-10"));
    }

    @Test
    void aMonthNameNotUnderstoodIsNamed() {
        assertEquals("'Sept 2026': 'Sept' is not the name of a month (write its whole name, in English or Welsh)", refusal("Sept 2026"));
        assertEquals("'Hyd 2026': 'Hyd' is not the name of a month (write its whole name, in English or Welsh)", refusal("Hyd 2026"));
    }

    @Test
    void somethingThatIsNoDateKeepsTheGeneralMessage() {
        assertEquals("'next year' is not a date this build understands", refusal("next year"));
        assertEquals("'2026/09/30' is not a date this build understands", refusal("2026/09/30"));
    }

    /** The tester's example: the quote before "Ysgol" closes the English value; the brace is closed. */
    @Test
    void aQuoteClosingAValueTooEarlyInBracesIsReportedAsTheQuote(@TempDir Path folder) throws IOException {
        Problem problem = slip(folder, "name: {en: \"Test Primary, cy: \"Ysgol Prawf\"}\nlanguages: [en, cy]\n");
        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("the quoted value closes at the \" before this text"), problem.message());
        assertFalse(problem.message().contains("not closed"), problem.message());
    }

    @Test
    void anApostropheInsideSingleQuotesIsReportedAsTheQuote(@TempDir Path folder) throws IOException {
        Problem problem = slip(folder, "name: {en: 'St Mary's School', cy: Ysgol y Santes Fair}\n");
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("an apostrophe inside '...' is written twice"), problem.message());
    }

    @Test
    void aMissingCommaBetweenQuotedItemsIsReportedAsTheComma(@TempDir Path folder) throws IOException {
        Problem problem = slip(folder, "name: {en: X}\nlanguages: [\"en\" \"cy\"]\n");
        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith("a comma is missing before this value"), problem.message());
    }

    /** The slips the old messages were right about keep them. */
    @Test
    void aBraceOrListLeftOpenIsStillReportedWhereItOpens(@TempDir Path folder) throws IOException {
        Problem brace = slip(folder, "name: {en: \"Test Primary\"\nlanguages: [en]\n");
        assertEquals(1, brace.line());
        assertTrue(brace.message().contains("'{' here is not closed"), brace.message());
        Problem quote = slip(folder, "name: {en: \"Test Primary, cy: Ysgol Prawf}\nlanguages: [en]\n");
        assertEquals(1, quote.line());
        assertTrue(quote.message().contains("quoted value that starts here is not closed"), quote.message());
    }

    private static String refusal(String written) {
        String message = assertThrows(IllegalArgumentException.class, () -> SettingsDate.parse(written), written).getMessage();
        assertTrue(message.endsWith(": " + SettingsDate.ACCEPTED), message);
        return message.substring(0, message.length() - SettingsDate.ACCEPTED.length() - 2);
    }

    private static Problem slip(Path folder, String yaml) throws IOException {
        Path file = Files.createTempFile(folder, "school", ".yml");
        Files.writeString(file, yaml);
        ContentException refused = assertThrows(ContentException.class, () -> YamlSyntax.compose(file));
        assertEquals(1, refused.problems().size(), refused.problems().toString());
        return refused.problems().get(0);
    }

    /** Tester 7's finding 9a: a list where one value belongs is an error at its line, not read as no value. */
    @Test
    void aSettingOfOneValueGivenAListOrABlockIsAnErrorAtItsLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("school.yml");
        for (String[] slip : new String[][] {
                {"name: Test Primary\nlanguages: [en]\nadopts: [ngp, other]\n", "3", "'adopts' takes the name of one cluster"},
                {"name: Test Primary\nlanguages: [en]\nadopts:\n  - ngp\n", "4", "'adopts' takes the name of one cluster"},
                {"name: Test Primary\nlanguages: [en]\ncontact-email: [a@example.org, b@example.org]\n", "3", "'contact-email' takes one e-mail address, not a list"},
                {"name: Test Primary\nlanguages: [en]\npolicy:\n  review-due: {en: 2027-09-01}\n", "4", "'policy.review-due' takes one date, not a block"}}) {
            Files.writeString(file, slip[0]);
            ContentException refused = assertThrows(ContentException.class, () -> SettingShapes.check(YamlFile.read(file)), slip[0]);
            Problem problem = refused.problems().get(0);
            assertEquals(Integer.parseInt(slip[1]), problem.line(), slip[0]);
            assertEquals("bad-settings", problem.code());
            assertTrue(problem.message().startsWith(slip[2]), problem.message());
        }
        Files.writeString(file, "name: {en: Test Primary, cy: Ysgol Prawf}\nlanguages: [en, cy]\nadopts: ngp\ncontact-email: a@example.org\n");
        SettingShapes.check(YamlFile.read(file));     // one value each: nothing to say
    }

    @Test
    void aSchoolAdoptingAListIsHeldBackByThatLineAloneNotByItsPages(@TempDir Path folder) {
        org.polisi.site.FixtureTree tree = org.polisi.site.FixtureTree.copyOf("good", folder);
        String settings = tree.read("schools/adopter/school.yml");
        tree.write("schools/adopter/school.yml", settings.replaceFirst("adopts: (\\S+)", "adopts: [$1, other]"));
        org.polisi.site.BuildResult result = tree.build("adopter");
        assertEquals(java.util.List.of("bad-settings school.yml"), result.errors().stream()
                .map(p -> p.code() + " " + p.file().getFileName()).toList(), result.errors().toString());
    }
}
