package org.polisi.site.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.render.FileTrees;

/**
 * Fault 7 of issue 14: a withdrawal form on a school that publishes no consent form could only ever
 * answer "not found". The build refuses it with {@code withdrawal-without-consent} at the page's line,
 * and accepts it once the school publishes a consent form.
 */
class WithdrawalWithoutConsentTest {

    private Path content;

    private static final String WITHDRAWAL = """
            id: consent-withdrawal
            kind: withdrawal
            title: {en: Withdraw consent}
            confirmation: {en: The school will act on it.}
            reader-role: headteacher
            retention: {rule: after-submission, years: 1}
            purpose: {en: To record the withdrawal.}
            lawful-basis: {en: Legal obligation.}
            fields:
              - name: reference
                type: text
                label: {en: Reference number}
              - name: parent-name
                type: name
                label: {en: Your full name}
                required: true
              - name: pupil-names
                type: pupil-names
                label: {en: Your child's full name}
                required: true
              - name: consent-form
                type: consent-form
                label: {en: "Which consent form?"}
                required: true
            """;

    private static final String CONSENT = """
            id: photo-consent
            kind: consent
            title: {en: Photographs}
            confirmation: {en: Thank you.}
            reader-role: headteacher
            retention: {rule: after-submission, years: 1}
            purpose: {en: To know which photographs we may use.}
            lawful-basis: {en: Consent.}
            fields:
              - name: pupil-names
                type: pupil-names
                label: {en: Your child's full name}
                required: true
              - name: consent
                type: consent
                label: {en: Your consent}
                required: true
                statements:
                  - id: website
                    text: {en: Photographs on the website.}
            """;

    @BeforeEach
    void copyTheGoodFixture() throws IOException {
        content = Files.createTempDirectory("polisi-withdrawal-").resolve("content");
        FileTrees.copy(Fixtures.content("good"), content);
        Path solo = content.resolve("schools/solo");
        Files.createDirectories(solo.resolve("forms"));
        Files.writeString(solo.resolve("forms/consent-withdrawal.yml"), WITHDRAWAL);
        Files.writeString(solo.resolve("en/withdraw-consent.adoc"),
                "= Withdraw consent\n:page-kind: page\n:page-order: 9\n\nWithdraw with this form.\n\nform::consent-withdrawal[]\n");
    }

    @AfterEach
    void cleanUp() throws IOException {
        FileTrees.deleteRecursively(content.getParent());
    }

    @Test
    void aWithdrawPageWithoutAnyConsentFormFailsTheBuildAtItsLine() {
        BuildResult result = Fixtures.bake(content, List.of("solo")).result();
        List<String> problems = result.errors().stream().map(problem -> problem.describe(content.getParent())).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("content/schools/solo/en/withdraw-consent.adoc:7"), problems.get(0));
        assertTrue(problems.get(0).contains("withdrawal-without-consent"), problems.get(0));
        assertFalse(result.published());
    }

    @Test
    void withAConsentFormTheWithdrawPageOffersItByTitle() throws IOException {
        Files.writeString(content.resolve("schools/solo/forms/photo-consent.yml"), CONSENT);
        Fixtures.BakedSite baked = Fixtures.bake(content, List.of("solo"));
        assertEquals(List.of(), baked.result().errors().stream().map(p -> p.describe(content.getParent())).toList());
        String page = Files.readString(baked.pages().resolve("solo/en/withdraw-consent.html"));
        assertTrue(page.contains("value=\"photo-consent\""), page);
        assertTrue(page.contains(">Photographs</label>"), page);
    }

    @Test
    void aConsentFormWithNoWithdrawalFormOnAnyPageFailsTheBuildAtItsLine() throws IOException {
        Files.writeString(content.resolve("schools/solo/forms/photo-consent.yml"), CONSENT);
        Files.writeString(content.resolve("schools/solo/en/photographs.adoc"),
                "= Photographs\n:page-kind: page\n:page-order: 8\n\nGive consent with this form.\n\nform::photo-consent[]\n");
        Files.delete(content.resolve("schools/solo/en/withdraw-consent.adoc"));   // the withdrawal form stays defined, on no page

        BuildResult result = Fixtures.bake(content, List.of("solo")).result();

        List<String> problems = result.errors().stream().map(problem -> problem.describe(content.getParent())).toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("content/schools/solo/en/photographs.adoc:7"), problems.get(0));
        assertTrue(problems.get(0).contains("consent-without-withdrawal"), problems.get(0));
        assertFalse(result.published());
    }
}
