package org.polisi.site.confirm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A setting given once, as one text, whose words are one language's, used by a page in the other
 * (tester 7, finding 2): listed "to confirm" at its line in school.yml, and a {@code setting-language}
 * warning at the line of the school's own page that names it (or at the setting's line when only the
 * template's pages use it). Built by the real build over the "good" fixture's demo cluster.
 */
class OneTextSettingsTest {

    /** The tester's school: what {@code new-school --cluster} wrote, and the tester's own value. */
    private static final String TESTER_SETTINGS = """
            name: {en: "Ysgol Tester Seven", cy: "Ysgol Tester Seven"}
            languages: [en, cy]
            adopts: demo
            roles:
              headteacher: the headteacher
            policy:
              version: ""
            contact-email: ""
            forms-endpoint: /forms
            attributes:
              technical-provider: "Flintshire IT Services team"
            """;
    private static final String TESTER_WELSH_PAGE = """
            = Polisi Diogelwch Ar-lein
            :adapts-template:

            // polisi: insert-after scope
            [[contacts]]
            == Cysylltu

            Bydd {headteacher} yn ateb pob pryder am {school-name} drwy e-bost.

            Mae'r hidlo'n cael ei roi ar waith gan y darparwr technegol, sef {technical-provider}.
            """;
    private static final String TESTER_ENGLISH_PAGE = """
            = Online Safety Policy
            :adapts-template:

            // polisi: insert-after scope
            [[contacts]]
            == Contacts

            {headteacher} answers every concern about {school-name} by e-mail.

            The filtering is applied by {technical-provider}.
            """;

    @TempDir
    static Path folder;
    /** One real build of every school below, which each test reads. */
    private static FixtureTree tree;
    private static BuildResult result;

    @BeforeAll
    static void buildEverySchool() {
        tree = tree(folder);
        result = tree.build();
    }

    private static FixtureTree tree(Path folder) {
        return FixtureTree.copyOf("good", folder)
                .write("schools/ysgol-t7/school.yml", TESTER_SETTINGS)
                .write("schools/ysgol-t7/en/policy.adoc", TESTER_ENGLISH_PAGE)
                .write("schools/ysgol-t7/cy/policy.adoc", TESTER_WELSH_PAGE)
                // Inherits every page: the template's Welsh page names {headteacher}.
                .write("schools/follower/school.yml", """
                        name: {en: Follower Primary, cy: Ysgol Dilynwr}
                        languages: [en, cy]
                        adopts: demo
                        roles:
                          headteacher: the headteacher
                        """)
                // Given per language, but the Welsh is the English words: the same fault under cy:.
                .write("schools/same-words/school.yml", """
                        name: {en: Same Words Primary, cy: Ysgol Yr Un Geiriau}
                        languages: [en, cy]
                        roles:
                          headteacher: {en: the headteacher, cy: the headteacher}
                        """)
                .write("schools/same-words/en/policy.adoc", "= Policy\n:page-kind: policy\n\n{headteacher} leads.\n")
                .write("schools/same-words/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\nBydd {headteacher} yn arwain.\n")
                // A Welsh text on the English page.
                .write("schools/welsh-words/school.yml", """
                        name: {en: Welsh Words Primary, cy: Ysgol Geiriau Cymraeg}
                        languages: [en, cy]
                        attributes:
                          technical-provider: y Cyngor Sir
                        """)
                .write("schools/welsh-words/en/policy.adoc", "= Policy\n:page-kind: policy\n\nThe filtering is applied by {technical-provider}.\n")
                .write("schools/welsh-words/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\nMae {technical-provider} yn hidlo'r rhyngrwyd.\n")
                // People's names, an address and values given per language: nothing to confirm.
                .write("schools/named/school.yml", """
                        name: {en: Named Primary, cy: Ysgol Enwog}
                        languages: [en, cy]
                        roles:
                          headteacher: Mrs Eleri Williams
                          safeguarding-lead: Dr Siân ap Rhys
                          online-safety-coordinator: {en: the Digital Leader, cy: yr Arweinydd Digidol}
                        attributes:
                          technical-provider: {en: Flintshire IT Services team, cy: tîm Gwasanaethau TG Sir y Fflint}
                          office-email: swyddfa@named.test
                          office-phone: 01352 123456
                        """)
                .write("schools/named/en/policy.adoc", "= Policy\n:page-kind: policy\n\n{headteacher}, {safeguarding-lead},"
                        + " {online-safety-coordinator}, {technical-provider}, {office-email}, {office-phone}.\n")
                .write("schools/named/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\n{headteacher}, {safeguarding-lead},"
                        + " {online-safety-coordinator}, {technical-provider}, {office-email}, {office-phone}.\n")
                // A school in England: English is right on its only pages.
                .write("schools/english/school.yml", """
                        name: English Primary
                        languages: [en]
                        roles:
                          headteacher: the headteacher
                        attributes:
                          technical-provider: Leeds IT Services team
                        """)
                .write("schools/english/en/policy.adoc", "= Policy\n:page-kind: policy\n\n{headteacher} and {technical-provider}.\n")
                // Confirmed by the school at its line: settled.
                .write("schools/settled/school.yml", """
                        name: {en: Settled Primary, cy: Ysgol Sefydlog}
                        languages: [en, cy]
                        attributes:
                          # polisi: confirmed by the head, 1 Dec 2026: the group's name is English in both languages
                          online-safety-committee: Digital Leaders group
                        """)
                .write("schools/settled/en/policy.adoc", "= Policy\n:page-kind: policy\n\nThe {online-safety-committee} meets.\n")
                .write("schools/settled/cy/policy.adoc", "= Polisi\n:page-kind: policy\n\nMae {online-safety-committee} yn cyfarfod.\n");
    }

    @Test
    void theTestersSettingsAreListedAtTheirLinesAndWarnedAtTheWelshPage() {
        assertEquals(List.of(
                        "school.yml:5 roles.headteacher is 'the headteacher' on the Welsh pages too (one text for every language)",
                        "school.yml:11 attributes.technical-provider is 'Flintshire IT Services team' on the Welsh pages too"
                                + " (one text for every language)"),
                oneText(result, "ysgol-t7"));
        // The warnings are at the school's own Welsh page, where it names them; the template's line is not warned.
        assertEquals(List.of("ysgol-t7/cy/policy.adoc:8 {headteacher}", "ysgol-t7/cy/policy.adoc:10 {technical-provider}"),
                warnings(result, tree, "ysgol-t7"));
        ToConfirm role = result.toConfirm().get("ysgol-t7").stream().filter(item -> item.what().startsWith("roles.")).findFirst().orElseThrow();
        assertTrue(role.why().contains("roles.headteacher: {en: ..., cy: ...}") && role.why().contains("leave the line out to use the template's"),
                role.why());
    }

    @Test
    void aSettingOnlyTheTemplatesPagesUseIsWarnedAtItsOwnLine() {
        assertEquals(List.of("school.yml:5 roles.headteacher is 'the headteacher' on the Welsh pages too (one text for every language)"),
                oneText(result, "follower"));
        assertEquals(List.of("follower/school.yml:5 {headteacher}"), warnings(result, tree, "follower"));
        Problem warning = result.warnings().stream().filter(p -> p.code().equals("setting-language") && p.file().toString().contains("follower"))
                .findFirst().orElseThrow();
        assertTrue(warning.message().contains("on a Welsh page (the template's demo/cy/policy.adoc:"), warning.message());
        assertTrue(result.warnings().stream().noneMatch(p -> p.code().equals("setting-language")
                && p.file().toString().contains("clusters")), result.warnings().toString());
    }

    @Test
    void aWelshTextOnTheEnglishPageIsListed() {
        assertEquals(List.of("school.yml:4 attributes.technical-provider is 'y Cyngor Sir' on the English pages too"
                + " (one text for every language)"), oneText(result, "welsh-words"));
        assertEquals(List.of("welsh-words/en/policy.adoc:4 {technical-provider}"), warnings(result, tree, "welsh-words"));
    }

    @Test
    void englishWordsUnderTheWelshKeyAreListed() {
        assertEquals(List.of("school.yml:4 roles.headteacher is 'the headteacher' on the Welsh pages"
                + " (another language's words under its key)"), oneText(result, "same-words"));
        assertEquals(List.of("same-words/cy/policy.adoc:4 {headteacher}"), warnings(result, tree, "same-words"));
    }

    @Test
    void namesAddressesValuesPerLanguageAnEnglandSchoolAndAConfirmedValueAreNotListed() {
        for (String school : List.of("named", "english", "settled", "adopter", "solo")) {
            assertEquals(List.of(), oneText(result, school), school);
            assertEquals(List.of(), warnings(result, tree, school), school);
        }
    }

    @Test
    void theRuleTellsWordsOfALanguageFromNamesNumbersAndAddresses() {
        assertEquals(Set.of("en"), OneTextSettings.languagesOf("the headteacher"));
        assertEquals(Set.of("en"), OneTextSettings.languagesOf("Flintshire IT Services team"));
        assertEquals(Set.of("cy"), OneTextSettings.languagesOf("y Cyngor Sir"));
        assertEquals(Set.of("?"), OneTextSettings.languagesOf("gweithdrefnau cwynion"));
        assertEquals(Set.of("cy", "en"), OneTextSettings.languagesOf("the Pennaeth"));
        for (String neutral : List.of("Mrs A. Example", "Dr Siân ap Rhys", "Mr Y. Jones", "office@school.test", "01352 123456",
                "2026-09-01", "https://school.test/a-page", "Mike Carne", "")) {
            assertEquals(Set.of(), OneTextSettings.languagesOf(neutral), neutral);
        }
    }

    /** The site's one-text items, as "file:line what". */
    private static List<String> oneText(BuildResult result, String school) {
        return result.toConfirm().getOrDefault(school, List.of()).stream()
                .filter(item -> item.source().equals(SettingsToConfirm.SOURCE) && (item.what().endsWith(OneTextSettings.WHAT_SUFFIX)
                        || item.what().endsWith(OneTextSettings.OTHER_WORDS_SUFFIX)))
                .map(item -> item.file().getFileName() + ":" + item.line() + " " + item.what()).toList();
    }

    /** The school's setting-language warnings, as "school/file:line {name}". */
    private static List<String> warnings(BuildResult result, FixtureTree tree, String school) {
        Path dir = tree.content().resolve("schools").resolve(school);
        return result.warnings().stream().filter(p -> p.code().equals("setting-language") && p.file().startsWith(dir))
                .sorted(java.util.Comparator.comparing((Problem p) -> p.file().toString()).thenComparingInt(Problem::line))
                .map(p -> school + "/" + dir.relativize(p.file()) + ":" + p.line() + " " + p.message().substring(0, p.message().indexOf('}') + 1))
                .toList();
    }
}
