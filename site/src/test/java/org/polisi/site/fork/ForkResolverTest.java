package org.polisi.site.fork;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The school "adopter" over the template "demo" (fixtures/good): it replaces roles, inserts
 * devices-at-home after scope, removes community with a stale hash, and appends complaints.
 */
class ForkResolverTest {
    private static final Problems problems = new Problems();
    private static ContentTree tree;
    private static ResolvedSite adopter;

    @BeforeAll
    static void resolve() {
        tree = Fixtures.load("good", problems);
        adopter = ForkResolver.resolve(tree.schools().get("adopter"), tree.cluster("demo"), problems);
    }

    private static ResolvedPage policy(String language) {
        return adopter.page(language, "policy").orElseThrow();
    }

    private static List<String> sectionIds(ResolvedPage page) {
        return SectionIndex.of(page.body()).sections().stream().map(Section::id).toList();
    }

    private static Path adopterFile(String language) {
        return tree.schools().get("adopter").page(language, "policy").orElseThrow().file();
    }

    @Test
    void theGoodFixtureResolvesWithoutProblems() {
        assertEquals(List.of(), problems.all());
    }

    @Test
    void sectionsAreInTemplateOrderWithTheSchoolsChangesInPlace() {
        List<String> expected = List.of("intro", "scope", "devices-at-home", "roles", "review", "complaints");
        assertEquals(expected, sectionIds(policy("en")));
        assertEquals(expected, sectionIds(policy("cy")));
    }

    @Test
    void aReplacedSectionHasTheSchoolsTextAndPointsAtTheSchoolsFile() {
        String text = policy("en").bodyText();
        assertTrue(text.contains("Our digital leader, Mr Owen Example, looks after online safety"), text);
        assertFalse(text.contains("{headteacher} leads online safety"), text);
        SourceLine roles = policy("en").body().stream().filter(l -> l.text().equals("[[roles]]")).findFirst().orElseThrow();
        assertEquals(adopterFile("en"), roles.file());
        assertEquals(5, roles.number());
        assertTrue(policy("cy").bodyText().contains("Ein harweinydd digidol"));
    }

    @Test
    void aRemovedSectionIsGoneInEveryLanguage() {
        assertFalse(policy("en").bodyText().contains("Community users"));
        assertFalse(policy("cy").bodyText().contains("Defnyddwyr cymunedol"));
    }

    @Test
    void anAppendedSectionComesLast() {
        List<SourceLine> body = policy("en").body();
        assertEquals("Parents raise a concern about online safety with the class teacher first.",
                body.get(body.size() - 1).text().isBlank() ? body.get(body.size() - 2).text() : body.get(body.size() - 1).text());
    }

    @Test
    void templateSectionsTheSchoolLeftAloneAreListedAsInherited() {
        List<String> inherited = adopter.sectionChanges().stream()
                .filter(c -> c.language().equals("en") && c.pageKey().equals("policy"))
                .filter(c -> c.status() == SectionChange.Status.INHERITED)
                .map(SectionChange::sectionId).toList();
        assertEquals(List.of("intro", "scope", "review"), inherited);
    }

    @Test
    void everyChangeIsRecordedWithItsStatus() {
        List<String> changes = adopter.sectionChanges().stream()
                .filter(c -> c.language().equals("en") && c.status() != SectionChange.Status.INHERITED)
                .map(c -> c.status() + " " + c.sectionId() + " line " + c.line()).toList();
        assertEquals(List.of("REPLACED roles line 4", "INSERTED devices-at-home line 12", "REMOVED community line 16",
                "INSERTED complaints line 20"), changes);
    }

    @Test
    void onlyThePlantedOverrideIsStale() {
        List<SectionChange> stale = adopter.sectionChanges().stream().filter(SectionChange::stale).toList();
        assertEquals(1, stale.size(), stale.toString());
        SectionChange community = stale.get(0);
        assertEquals("policy", community.pageKey());
        assertEquals("en", community.language());
        assertEquals("community", community.sectionId());
        assertEquals(SectionChange.Status.REMOVED, community.status());
        assertEquals("0123456789ab", community.recordedHash());
        assertNotEquals(community.recordedHash(), community.currentHash());
        assertEquals(adopterFile("en"), community.file());
        assertEquals(16, community.line());
    }

    @Test
    void aReplacementRecordingTheCurrentHashIsNotStale() {
        SectionChange roles = adopter.sectionChanges().stream()
                .filter(c -> c.language().equals("en") && "roles".equals(c.sectionId())).findFirst().orElseThrow();
        SectionIndex template = SectionIndex.of(tree.clusters().get("demo").page("en", "policy").orElseThrow().body());
        assertEquals(template.hash(template.find("roles").orElseThrow()), roles.currentHash());
        assertEquals(roles.currentHash(), roles.recordedHash());
        assertFalse(roles.stale());
    }

    @Test
    void templatePagesAreKeptAndTheSchoolsOwnPagesAdded() {
        assertEquals(ResolvedPage.Origin.ADAPTED, policy("en").origin());
        assertEquals(ResolvedPage.Origin.TEMPLATE, adopter.page("cy", "appendix-a-agreement").orElseThrow().origin());
        assertEquals(ResolvedPage.Origin.SCHOOL, adopter.page("cy", "about").orElseThrow().origin());
    }

    @Test
    void anAdaptedPageKeepsTheTemplatesHeader() {
        assertEquals("policy", policy("en").kind());
        assertEquals("1", policy("en").attribute("page-order"));
        assertFalse(policy("en").header().containsKey("adapts-template"));
    }

    @Test
    void anUnknownSectionIdIsAnErrorAtTheDirectivesLine() {
        Problems found = new Problems();
        ContentTree stray = Fixtures.load("unknown-section", found);
        ForkResolver.resolve(stray.schools().get("stray"), stray.cluster("tiny"), found);

        assertEquals(1, found.all().size(), found.all().toString());
        Problem problem = found.all().get(0);
        assertEquals("unknown-section", problem.code());
        assertEquals(Fixtures.content("unknown-section").resolve("schools/stray/en/policy.adoc"), problem.file());
        assertEquals(10, problem.line());
        assertTrue(problem.message().contains("no-such-section"), problem.message());
    }

    @Test
    void aSchoolWithoutATemplatePublishesItsOwnPagesOnly() {
        ResolvedSite solo = ForkResolver.resolve(tree.schools().get("solo"), Optional.empty(), new Problems());
        assertEquals(List.of("policy"), List.copyOf(solo.pages("en").keySet()));
        assertEquals(List.of(), solo.sectionChanges());
    }
}
