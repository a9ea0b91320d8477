package org.polisi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One vocabulary of staff roles: each account word and form word names one role, and both halves have words for it. */
class StaffRoleTest {

    private static final Path I18N = Path.of("..", "themes", "default", "i18n");

    @Test
    void theOfficeIsSchoolOfficeInFormsAndOfficeOnItsAccount() {
        assertEquals(Optional.of(StaffRole.OFFICE), StaffRole.fromFormWord("school-office"));
        assertEquals(Optional.of(StaffRole.OFFICE), StaffRole.fromWord("office"));
        assertEquals("office", StaffRole.OFFICE.word());
        assertEquals("school-office", StaffRole.OFFICE.formWord());
    }

    @Test
    void everyRoleIsFoundByEitherOfItsWords() {
        for (StaffRole role : StaffRole.values()) {
            assertEquals(Optional.of(role), StaffRole.fromWord(role.word()), role.name());
            assertEquals(Optional.of(role), StaffRole.fromFormWord(role.formWord()), role.name());
        }
    }

    @Test
    void wordsAreUniqueSoThatNoWordNamesTwoRoles() {
        Set<String> accountWords = new HashSet<>();
        Set<String> formWords = new HashSet<>();
        for (StaffRole role : StaffRole.values()) {
            assertTrue(accountWords.add(role.word()), role.word());
            assertTrue(formWords.add(role.formWord()), role.formWord());
            assertTrue(InputIds.isNamePart(role.word()) && InputIds.isNamePart(role.formWord()),
                    "role words are lower-case words joined by hyphens: " + role);
        }
    }

    @Test
    void rolesWithoutAnAccountAndOtherSpellingsNameNoRole() {
        for (String word : List.of("deputy-headteacher", "chair-of-governors", "Headteacher", "headteacher ", "",
                "school_office")) {
            assertEquals(Optional.empty(), StaffRole.fromFormWord(word), word);
            assertEquals(Optional.empty(), StaffRole.fromWord(word), word);
        }
        assertEquals(Optional.empty(), StaffRole.fromFormWord(null));
        assertEquals(Optional.empty(), StaffRole.fromWord("school-office"), "the form word is not an account word");
        assertEquals(Optional.empty(), StaffRole.fromFormWord("office"), "the account word is not a form word");
    }

    @Test
    void knownWordsListEveryRoleForMessages() {
        assertEquals("headteacher, safeguarding-lead, online-safety-coordinator, office", StaffRole.knownWords());
        assertEquals("headteacher, safeguarding-lead, online-safety-coordinator, school-office",
                StaffRole.knownFormWords());
    }

    @Test
    void bothHalvesHaveWordsForEveryRoleInBothLanguages() throws IOException {
        for (String language : List.of("en", "cy")) {
            Properties server = bundle("server_" + language);
            Properties forms = bundle("forms_" + language);
            for (StaffRole role : StaffRole.values()) {
                assertTrue(server.containsKey("role." + role.word()), "server_" + language + ": role." + role.word());
                assertTrue(forms.containsKey("forms.role." + role.formWord()),
                        "forms_" + language + ": forms.role." + role.formWord());
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(I18N.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
