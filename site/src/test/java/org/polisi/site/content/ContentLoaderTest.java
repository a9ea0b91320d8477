package org.polisi.site.content;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problems;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading the good fixture: one cluster template, a bilingual school that adopts it, a monolingual one. */
class ContentLoaderTest {
    private static final Problems problems = new Problems();
    private static ContentTree tree;

    @BeforeAll
    static void load() {
        tree = Fixtures.load("good", problems);
    }

    @Test
    void theGoodFixtureLoadsWithoutProblems() {
        assertEquals(List.of(), problems.all());
    }

    @Test
    void clustersAndSchoolsAreFoundByTheirFolders() {
        assertEquals(Set.of("demo"), tree.clusters().keySet());
        assertEquals(Set.of("adopter", "solo"), tree.schools().keySet());
    }

    @Test
    void aSchoolsSettingsNameItsLanguagesAndTheTemplateItAdopts() {
        Settings adopter = tree.schools().get("adopter").settings();
        assertEquals("Riverside Primary School", adopter.name().inOrEnglish("en"));
        assertEquals("Ysgol Gynradd Glan yr Afon", adopter.name().inOrEnglish("cy"));
        assertEquals(List.of("en", "cy"), adopter.languages());
        assertEquals(Optional.of("demo"), adopter.adopts());
        assertEquals("2027-11-30", adopter.policy().reviewDue());
        assertEquals("", adopter.policy().approvedBy());
        assertEquals("office@riverside.test", adopter.contactEmail());
    }

    @Test
    void aSchoolsOwnValuesWinOverItsTemplatesAndTheRestAreInherited() {
        Settings adopter = tree.schools().get("adopter").settings();
        assertEquals("Ysgol Gynradd Glan yr Afon", adopter.attributes().get("school-name").inOrEnglish("cy"));
        assertEquals("Mrs Rhian Example", adopter.attributes().get("headteacher").inOrEnglish("cy"));
        assertEquals("Cyngor Sir Enghreifftiol", adopter.attributes().get("local-authority").inOrEnglish("cy"));
        assertEquals("the safeguarding lead", adopter.attributes().get("safeguarding-lead").inOrEnglish("en"));
    }

    @Test
    void aMonolingualSchoolThatStandsAlonePublishesEnglishOnly() {
        Settings solo = tree.schools().get("solo").settings();
        assertEquals(List.of("en"), solo.languages());
        assertEquals(Optional.empty(), solo.adopts());
        assertEquals("Solo Primary School", solo.attributes().get("school-name").inOrEnglish("en"));
        assertEquals(Set.of("en"), tree.schools().get("solo").pagesByLanguage().keySet());
    }

    @Test
    void pagesAreKeyedByFileNameInEachLanguage() {
        SiteSource demo = tree.clusters().get("demo");
        assertEquals(Set.of("policy", "appendix-a-agreement"), demo.pages("en").keySet());
        assertEquals(Set.of("policy", "appendix-a-agreement"), demo.pages("cy").keySet());
        SiteSource adopter = tree.schools().get("adopter");
        assertEquals(Set.of("policy", "about"), adopter.pages("en").keySet());
        assertEquals(Set.of("policy", "about"), adopter.pages("cy").keySet());
    }

    @Test
    void aPagesHeaderGivesItsTitleAndAttributes() {
        SourcePage appendix = tree.clusters().get("demo").page("cy", "appendix-a-agreement").orElseThrow();
        assertEquals("Cytundeb rhieni a gofalwyr", appendix.title());
        assertEquals("appendix", appendix.attribute("page-kind"));
        assertEquals("policy", appendix.attribute("page-parent"));
        assertEquals("A", appendix.attribute("appendix-label"));
        assertEquals("reviewed", appendix.attribute("translation-status"));
        assertTrue(tree.schools().get("adopter").page("en", "policy").orElseThrow().adaptsTemplate());
    }

    @Test
    void everyBodyLineKnowsItsFileAndLineNumber() {
        SourcePage policy = tree.clusters().get("demo").page("en", "policy").orElseThrow();
        SourceLine intro = policy.body().stream().filter(l -> l.text().equals("[[intro]]")).findFirst().orElseThrow();
        assertEquals(policy.file(), intro.file());
        assertEquals(5, intro.number());
        assertTrue(policy.file().endsWith("clusters/demo/en/policy.adoc"));
    }
}
