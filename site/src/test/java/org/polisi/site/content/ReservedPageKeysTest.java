package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page may not take a name the build gives its own page, or one Windows cannot make (tester 7's
 * finding 14: an imported page called index replaced the school's home page, the list of its policies,
 * with 0 errors).
 */
class ReservedPageKeysTest {

    @Test
    void aPageCalledIndexOrAWindowsDeviceNameIsAnErrorAtItsFileAndTheHomePageStaysTheList(@TempDir Path folder) throws Exception {
        FixtureTree tree = FixtureTree.copyOf("good", folder)
                .write("schools/solo/en/index.adoc", "= Internet policy\n:page-kind: policy\n\nPupils use the internet in class.\n")
                .write("schools/solo/en/con.adoc", "= Contacts\n:page-kind: page\n\nThe office.\n")
                .write("schools/solo/en/com1.adoc", "= Communications\n:page-kind: page\n\nLetters.\n");
        BuildResult result = tree.build("solo");
        List<String> reserved = result.errors().stream().filter(p -> p.code().equals("reserved-page-key"))
                .map(p -> p.file().getFileName().toString()).sorted().toList();
        assertEquals(List.of("com1.adoc", "con.adoc", "index.adoc"), reserved, result.errors().toString());
        Problem index = result.errors().stream().filter(p -> p.file().getFileName().toString().equals("index.adoc")).findFirst().orElseThrow();
        assertTrue(index.message().contains("the school's home page, the list of its policies"), index.message());
    }

    @Test
    void theHomePageListsThePoliciesWhenNoPageClaimsItsName(@TempDir Path folder) throws Exception {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        BuildResult result = tree.build("solo");
        assertEquals(List.of(), result.errors());
        String home = Files.readString(tree.published("solo/en/index.html"));
        assertTrue(home.contains("policy.html"), "the generated list links the school's policy");
    }

    @Test
    void namesThatOnlyLookLikeReservedOnesAreFree() {
        for (String key : List.of("index-of-policies", "console-use", "com", "com10", "nullify", "contacts", "lpt")) {
            assertEquals(java.util.Optional.empty(), Names.reservedPageKey(key), key);
        }
        for (String key : List.of("index", "con", "prn", "aux", "nul", "com1", "com9", "lpt1")) {
            assertTrue(Names.reservedPageKey(key).isPresent(), key);
        }
    }
}
