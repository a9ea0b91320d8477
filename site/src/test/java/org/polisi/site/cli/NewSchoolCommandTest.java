package org.polisi.site.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.Fixtures;
import org.polisi.site.SiteBuild;
import org.polisi.site.render.FileTrees;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./polisi new-school} in a copy of the good fixture: the school it creates builds strictly. */
class NewSchoolCommandTest {
    /** The real theme, found before polisi.root points at the copy, which has content/ only. */
    private static final Path THEME = Fixtures.theme();
    private Path root;
    private String previousRoot;

    @BeforeEach
    void copyTheGoodFixture() throws IOException {
        root = Files.createTempDirectory("polisi-new-school-");
        FileTrees.copy(Fixtures.content("good"), root.resolve("content"));
        previousRoot = System.getProperty("polisi.root");
        System.setProperty("polisi.root", root.toString());
    }

    @AfterEach
    void restore() throws IOException {
        if (previousRoot == null) {
            System.clearProperty("polisi.root");
        } else {
            System.setProperty("polisi.root", previousRoot);
        }
        FileTrees.deleteRecursively(root);
    }

    private static int newSchool(String... arguments) {
        return new CommandLine(new NewSchoolCommand()).execute(arguments);
    }

    @Test
    void aNewSchoolAdoptingTheTemplateBuildsStrictly() throws IOException {
        int exit = newSchool("--cluster", "demo", "--id", "new-school", "--name", "New Primary School",
                "--welsh-name", "Ysgol Gynradd Newydd");

        assertEquals(0, exit);
        Path settings = root.resolve("content/schools/new-school/school.yml");
        assertTrue(Files.isRegularFile(settings));
        BuildResult result = build("new-school");
        assertEquals(List.of(), result.errors().stream().map(p -> p.describe(root)).toList());
        assertTrue(result.published());
        String english = Files.readString(root.resolve("public/new-school/en/policy.html"), StandardCharsets.UTF_8);
        assertTrue(english.contains("New Primary School publishes this policy"), english);
        String welsh = Files.readString(root.resolve("public/new-school/cy/policy.html"), StandardCharsets.UTF_8);
        assertTrue(welsh.contains("Ysgol Gynradd Newydd sy&#8217;n cyhoeddi"), welsh);
    }

    /**
     * Tester 7, finding 2: the school's settings wrote {@code headteacher: the headteacher}, one English
     * text over the template's {en, cy}, and the Welsh page read "the headteacher sy'n arwain...".
     * Every value it writes is blank, neutral (an address, an id) or the names it was given.
     */
    @Test
    void aSchoolAdoptingABilingualTemplateKeepsTheTemplatesWordsInEachLanguage() throws IOException {
        assertEquals(0, newSchool("--cluster", "demo", "--id", "ysgol-t7", "--name", "Ysgol Tester Seven"));

        List<String> written = Files.readAllLines(root.resolve("content/schools/ysgol-t7/school.yml")).stream()
                .filter(line -> !line.strip().startsWith("#")).toList();
        assertTrue(written.stream().noneMatch(line -> line.startsWith("roles:") || line.startsWith("attributes:")), written.toString());
        BuildResult result = build("ysgol-t7");
        assertEquals(List.of(), result.errors().stream().map(p -> p.describe(root)).toList());
        String welsh = Files.readString(root.resolve("public/ysgol-t7/cy/policy.html"), StandardCharsets.UTF_8);
        assertTrue(welsh.contains("y pennaeth sy&#8217;n arwain"), welsh);
        assertTrue(!welsh.contains("the headteacher"), welsh);
        // What the report lists for it: the name it was given in English only, and nothing given once in one language.
        assertEquals(List.of("the school's name in 'cy' is the English 'Ysgol Tester Seven'"), result.toConfirm().get("ysgol-t7").stream()
                .filter(item -> item.source().equals(org.polisi.site.confirm.SettingsToConfirm.SOURCE))
                .map(org.polisi.site.confirm.ToConfirm::what).filter(what -> !what.startsWith("no contact")).toList());
    }

    /** A template in English only (its file holds "cy" only inside "policy:") gives an English-only school. */
    @Test
    void aSchoolAdoptingAnEnglishTemplatePublishesInEnglishOnly() throws IOException {
        Path cluster = root.resolve("content/clusters/yorkshire");
        Files.createDirectories(cluster.resolve("en"));
        Files.writeString(cluster.resolve("cluster.yml"), """
                name: Yorkshire template
                languages: [en]
                roles:
                  headteacher: the headteacher
                policy:
                  version: ""
                """);
        Files.writeString(cluster.resolve("en/policy.adoc"), "= Policy\n:page-kind: policy\n\n{headteacher} leads online safety.\n");

        assertEquals(0, newSchool("--cluster", "yorkshire", "--id", "leeds-primary", "--name", "Leeds Primary"));

        Path school = root.resolve("content/schools/leeds-primary");
        assertTrue(Files.notExists(school.resolve("cy")));
        BuildResult result = build("leeds-primary");
        assertEquals(List.of(), result.errors().stream().map(p -> p.describe(root)).toList());
        assertEquals(List.of("en"), result.sites().get(0).languages());
        assertTrue(Files.readString(root.resolve("public/leeds-primary/en/policy.html")).contains("the headteacher leads"));
        assertEquals(List.of(), result.toConfirm().get("leeds-primary").stream().map(org.polisi.site.confirm.ToConfirm::what)
                .filter(what -> !what.startsWith("no contact")).toList());
    }

    /** Tester 7: --country england was ignored with --cluster, and the school got Welsh pages it need not have. */
    @Test
    void aSchoolInEnglandAdoptingABilingualTemplatePublishesInEnglishOnlyAndBuilds() throws IOException {
        assertEquals(0, newSchool("--cluster", "demo", "--id", "eng-two", "--name", "Eng Two Primary", "--country", "england"));

        Path school = root.resolve("content/schools/eng-two");
        assertTrue(Files.notExists(school.resolve("cy")));
        assertTrue(Files.readString(school.resolve("school.yml")).contains("languages: [en]\n"));
        BuildResult result = build("eng-two");
        assertEquals(List.of(), result.errors().stream().map(p -> p.describe(root)).toList());
        assertEquals(List.of("en"), result.sites().get(0).languages());
        assertTrue(Files.notExists(root.resolve("public/eng-two/cy")));
    }

    @Test
    void aSchoolInWalesCannotAdoptATemplateWithoutWelshPages() throws IOException {
        Path cluster = root.resolve("content/clusters/yorkshire");
        Files.createDirectories(cluster.resolve("en"));
        Files.writeString(cluster.resolve("cluster.yml"), "name: Yorkshire template\nlanguages: [en]\n");
        assertEquals(2, newSchool("--cluster", "yorkshire", "--id", "ysgol-dau", "--name", "Ysgol Dau", "--country", "wales"));
        assertTrue(Files.notExists(root.resolve("content/schools/ysgol-dau")), "nothing is written");
    }

    /** Tester 8's N5: a school called assets was written over the theme's files; one called staff inside the staff area. */
    @Test
    void anIdThatPolisiUsesForItsOwnAddressesOrWindowsCannotMakeIsRefused() throws IOException {
        for (String id : new String[] {"assets", "staff", "forms", "agreed-texts", "con", "nul", "com1"}) {
            assertEquals(2, newSchool("--id", id, "--name", "A School"), id);
            assertTrue(Files.notExists(root.resolve("content/schools/" + id)), id);
        }
        FileTrees.copy(Fixtures.content("good").resolve("schools/solo"), root.resolve("content/schools/staff"));
        BuildResult result = build("staff");
        assertTrue(result.errors().stream().anyMatch(p -> p.code().equals("reserved-name")
                && p.message().startsWith("'staff' cannot be a school id: /staff/ is an address Polisi uses itself")), result.errors().toString());
        assertTrue(Files.notExists(root.resolve("public/staff")), "nothing published at the staff area's address");
    }

    @Test
    void anIdThatIsNotLowerCaseWordsIsRefused() {
        assertEquals(2, newSchool("--cluster", "demo", "--id", "New School", "--name", "New School"));
        assertTrue(Files.notExists(root.resolve("content/schools/New School")));
    }

    @Test
    void anUnknownClusterIsRefused() {
        assertEquals(2, newSchool("--cluster", "nope", "--id", "new-school", "--name", "New School"));
        assertTrue(Files.notExists(root.resolve("content/schools/new-school")));
    }

    @Test
    void anExistingSchoolIsNotOverwritten() throws IOException {
        Path settings = root.resolve("content/schools/solo/school.yml");
        String before = Files.readString(settings);
        assertEquals(2, newSchool("--cluster", "demo", "--id", "solo", "--name", "Solo"));
        assertEquals(before, Files.readString(settings));
    }

    @Test
    void withoutAClusterAStandaloneSchoolStartsWithBothLanguagesAndBuildsItsIndexStrictly() throws IOException {
        assertEquals(0, newSchool("--id", "ysgol-annibynnol", "--name", "Independent Primary", "--welsh-name", "Ysgol Gynradd Annibynnol"));
        Path school = root.resolve("content/schools/ysgol-annibynnol");
        assertTrue(Files.isDirectory(school.resolve("en")) && Files.isDirectory(school.resolve("cy")));
        BuildResult result = build("ysgol-annibynnol");
        assertEquals(List.of(), result.errors().stream().map(p -> p.describe(root)).toList());
        assertTrue(result.published());
        assertTrue(Files.readString(root.resolve("public/ysgol-annibynnol/en/index.html")).contains("Independent Primary"));
        assertTrue(Files.readString(root.resolve("public/ysgol-annibynnol/cy/index.html")).contains("Ysgol Gynradd Annibynnol"));
        assertTrue(result.sites().get(0).source().settings().adopts().isEmpty());
    }

    @Test
    void aStandaloneSchoolInEnglandPublishesInEnglishOnly() throws IOException {
        assertEquals(0, newSchool("--id", "english-school", "--name", "English School", "--country", "england"));
        Path school = root.resolve("content/schools/english-school");
        assertTrue(Files.notExists(school.resolve("cy")));
        BuildResult result = build("english-school");
        assertEquals(List.of("en"), result.sites().get(0).languages());
        assertEquals(List.of(), result.errors());
    }

    @Test
    void everySettingOfAStandaloneSchoolIsExplainedByTheCommentAboveIt() throws IOException {
        assertEquals(0, newSchool("--id", "explained", "--name", "Explained School"));
        List<String> lines = Files.readAllLines(root.resolve("content/schools/explained/school.yml"));
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^[a-z-]+:.*")) {
                keys.add(lines.get(i).substring(0, lines.get(i).indexOf(':')));
                assertTrue(lines.get(i - 1).startsWith("#"), "no comment above " + lines.get(i));
            }
        }
        assertEquals(List.of("name", "languages", "adopts", "why-standalone", "local-authority", "approving-body", "children",
                "head-title", "roles", "policy", "contact-email", "forms-endpoint", "base-url", "attributes"), keys);
    }

    @Test
    void withoutAWelshNameTheReportListsTheEnglishNameOnWelshPagesToConfirm() throws IOException {
        assertEquals(0, newSchool("--id", "stand-alone", "--name", "Stand Alone Primary"));
        assertEquals(0, newSchool("--cluster", "demo", "--id", "adopting", "--name", "Adopting Primary"));
        assertEquals(0, newSchool("--cluster", "demo", "--id", "named", "--name", "Named Primary", "--welsh-name", "Ysgol Enwog"));

        java.util.Map<String, List<org.polisi.site.confirm.ToConfirm>> items = org.polisi.site.confirm.ToConfirmList.bySite(
                org.polisi.site.catalog.CatalogStage.load(options(List.of()), new org.polisi.site.problem.Problems()),
                new org.polisi.site.problem.Problems());

        for (String school : List.of("stand-alone", "adopting")) {
            List<String> names = items.get(school).stream().filter(item -> item.what().startsWith("the school's name in 'cy'"))
                    .map(item -> item.file().getFileName() + " " + item.what()).toList();
            assertEquals(1, names.size(), school + ": " + items.get(school));
            assertTrue(names.get(0).startsWith("school.yml the school's name in 'cy' is the English '"), names.get(0));
        }
        assertTrue(items.get("named").stream().noneMatch(item -> item.what().startsWith("the school's name")), items.get("named").toString());
    }

    @Test
    void anUnknownCountryIsRefused() {
        assertEquals(2, newSchool("--id", "somewhere", "--name", "Somewhere", "--country", "scotland"));
        assertTrue(Files.notExists(root.resolve("content/schools/somewhere")));
    }

    private BuildResult build(String school) throws IOException {
        return new SiteBuild(options(List.of(school)), line -> { }).run();
    }

    private BuildOptions options(List<String> schools) {
        return new BuildOptions(root.resolve("content"), THEME, root.resolve("public"),
                root.resolve("manifests"), root.resolve("build"), schools, true, Fixtures.TODAY, root.resolve("agreed-texts"));
    }
}
