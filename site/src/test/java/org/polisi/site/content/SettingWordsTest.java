package org.polisi.site.content;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.cli.PolisiCli;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.FileTrees;
import org.polisi.site.theme.Messages;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words that fit the setting: who approves, what the children are called, the head's title,
 * from school.yml, as whole sentences in both languages.
 */
class SettingWordsTest {
    private Path root;

    @BeforeEach
    void standaloneSchool() throws IOException {
        root = Files.createTempDirectory("polisi-words-");
        Files.createDirectories(root.resolve("content/schools"));
        String previous = System.getProperty("polisi.root");
        System.setProperty("polisi.root", root.toString());
        try {
            assertEquals(0, new CommandLine(new PolisiCli()).execute("new-school", "--id", "meithrin", "--name", "Little Acorns Nursery",
                    "--welsh-name", "Meithrinfa Mesen Fach"));
        } finally {
            if (previous == null) {
                System.clearProperty("polisi.root");
            } else {
                System.setProperty("polisi.root", previous);
            }
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        FileTrees.deleteRecursively(root);
    }

    @Test
    void aNurseryRunByACommitteeReadsRightInBothLanguages() throws IOException {
        Path school = root.resolve("content/schools/meithrin");
        setting(school, "approving-body", "management-committee");
        setting(school, "children", "children");
        setting(school, "head-title", "manager");
        Files.createDirectories(school.resolve("forms"));
        Files.writeString(school.resolve("forms/trip-consent.yml"), """
                id: trip-consent
                kind: consent
                title: {en: Trip consent, cy: Caniatâd taith}
                confirmation: {en: Thank you., cy: Diolch.}
                reader-role: headteacher
                retention:
                  rule: after-submission
                  years: 1
                purpose: {en: to record your consent, cy: er mwyn cofnodi eich caniatâd}
                lawful-basis: {en: consent, cy: caniatâd}
                fields:
                  - name: children
                    type: pupil-names
                    label: {en: Names, cy: Enwau}
                    required: true
                  - name: consent
                    type: consent
                    label: {en: Your consent, cy: Eich caniatâd}
                    required: true
                    statements:
                      - id: trip
                        text: {en: My child may go on the trip., cy: Caiff fy mhlentyn fynd ar y daith.}
                """);
        // a consent form is published only with a way to withdraw it (consent-without-withdrawal)
        Files.writeString(school.resolve("forms/withdrawal.yml"), """
                id: withdrawal
                kind: withdrawal
                title: {en: Withdraw consent, cy: Tynnu caniatâd yn ôl}
                confirmation: {en: Thank you., cy: Diolch.}
                reader-role: headteacher
                retention:
                  rule: after-submission
                  years: 1
                purpose: {en: to record the withdrawal, cy: er mwyn cofnodi'r tynnu'n ôl}
                lawful-basis: {en: legal obligation, cy: rhwymedigaeth gyfreithiol}
                fields:
                  - name: reference
                    type: text
                    label: {en: Reference, cy: Cyfeirnod}
                  - name: pupil-names
                    type: pupil-names
                    label: {en: Names, cy: Enwau}
                    required: true
                  - name: consent-form
                    type: consent-form
                    label: {en: "Which form?", cy: "Pa ffurflen?"}
                    required: true
                """);
        page(school, "en", "= Trips policy\n:page-kind: policy\n:page-order: 1\n\nText.\n\nform::trip-consent[]\n\nform::withdrawal[]\n");
        page(school, "cy", "= Polisi teithiau\n:page-kind: policy\n:page-order: 1\n:translation-status: reviewed\n:translated-from: PENDING\n\nTestun.\n\nform::trip-consent[]\n\nform::withdrawal[]\n");
        Fixtures.BakedSite site = Fixtures.bake(root.resolve("content"), List.of("meithrin"));
        try {
            assertEquals(List.of(), site.result().errors());
            Document english = site.page("meithrin/en/trips-policy.html");
            Document welsh = site.page("meithrin/cy/trips-policy.html");
            assertTrue(english.select(".policy-details").text().contains("Awaiting approval by the management committee."), english.select(".policy-details").text());
            assertTrue(welsh.select(".policy-details").text().contains("Yn aros am gymeradwyaeth y pwyllgor rheoli."), welsh.select(".policy-details").text());
            assertTrue(english.select(".pupil-name label").eachText().contains("Child 1"), english.select(".pupil-name").text());
            assertTrue(welsh.select(".pupil-name label").eachText().contains("Plentyn 1"), welsh.select(".pupil-name").text());
            assertTrue(english.select(".privacy-notice").text().contains("Who will see it: the setting manager"), english.select(".privacy-notice").text());
            assertTrue(welsh.select(".privacy-notice").text().contains("rheolwr y lleoliad"), welsh.select(".privacy-notice").text());
        } finally {
            site.delete();
        }
    }

    @Test
    void anUnknownValueIsAnErrorAtItsLineNamingTheAllowedOnes() throws IOException {
        Path school = root.resolve("content/schools/meithrin");
        setting(school, "approving-body", "governers");
        Problems problems = new Problems();
        Path file = school.resolve("school.yml");
        SettingsLoader.load("meithrin", file, null, problems);
        Problem problem = problems.errors().get(0);
        int line = Files.readAllLines(file).indexOf("approving-body: governers") + 1;
        assertEquals(line, problem.line());
        assertTrue(problem.message().contains("governing-body, management-committee, trust-board, proprietor"), problem.message());
    }

    @Test
    void everyValueHasItsSentenceInEveryLanguage() {
        for (String language : List.of("en", "cy")) {
            Map<String, String> messages = Messages.load(Fixtures.theme().resolve("i18n"), language).all();
            SettingWords.VALUES.forEach((setting, values) -> values.stream().skip(1).forEach(value -> {
                SettingWords words = switch (setting) {
                    case "approving-body" -> new SettingWords(value, "pupils", "headteacher");
                    case "children" -> new SettingWords("governing-body", value, "headteacher");
                    default -> new SettingWords("governing-body", "pupils", value);
                };
                SettingWords.SENTENCES.get(setting).forEach(key ->
                        assertEquals(key + "." + value, words.key(key, messages), language + ": no sentence " + key + "." + value));
            }));
        }
    }

    private static void setting(Path school, String key, String value) throws IOException {
        Path file = school.resolve("school.yml");
        String text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("(?m)^" + key + ": .*$", key + ": " + value);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void page(Path school, String language, String text) throws IOException {
        Files.writeString(school.resolve(language).resolve("trips-policy.adoc"), text, StandardCharsets.UTF_8);
    }
}
