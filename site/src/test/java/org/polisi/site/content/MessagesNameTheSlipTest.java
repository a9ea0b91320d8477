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
        assertEquals("'2026-13-01' has no month 13 (the day comes first, then the month)", refusal("2026-13-01"));
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
}
