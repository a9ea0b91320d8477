package org.polisi.site.forms.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.contract.YearGroups;

/** The theme's forms_en and forms_cy bundles. */
class FormsMessagesTest {

    private static final Map<String, String> ENGLISH = FormsFixtures.bundle("en");
    private static final Map<String, String> WELSH = FormsFixtures.bundle("cy");

    /** Words after which a Welsh noun mutates: a placeholder there would need a form the build cannot make. */
    private static final Set<String> MUTATING_WORDS = Set.of("a", "â", "ac", "am", "ar", "at", "dan", "dros", "drwy",
            "gan", "heb", "hyd", "i", "o", "tan", "wrth", "yn", "ei", "dy", "fy", "ein", "eich", "eu", "na", "neu",
            "mor", "pa", "pan", "y", "yr", "dau", "dwy", "tri", "chwe", "ym", "yng");

    @Test
    void englishAndWelshHaveTheSameKeys() {
        assertEquals(ENGLISH.keySet(), WELSH.keySet());
    }

    @Test
    void bothLanguagesUseTheSamePlaceholdersInEachMessage() {
        ENGLISH.forEach((key, english) -> assertEquals(placeholders(english), placeholders(WELSH.get(key)), key));
    }

    @Test
    void everyKeyTheFormsCodeAsksForIsThere() {
        List<String> keys = new ArrayList<>(List.of("forms.optional", "forms.select.choose", "forms.submit",
                "forms.submit.continue", "forms.consent.given", "forms.consent.refused", "forms.honeypot.label",
                "forms.missing", "forms.pupil-names.item", "forms.privacy.heading", "forms.privacy.who",
                "forms.privacy.why", "forms.privacy.lawful-basis", "forms.privacy.readers", "forms.privacy.retention",
                "forms.privacy.rights", "forms.privacy.contact", "forms.role.headteacher"));
        YearGroups.VALUES.forEach(value -> keys.add("forms.year-group." + value));
        keys.forEach(key -> assertTrue(ENGLISH.containsKey(key), key));
    }

    @Test
    void noWelshPlaceholderFollowsAWordThatWouldMutateIt() {
        // a colon between them breaks the grammatical link, so only a word directly before counts
        Pattern wordBefore = Pattern.compile("(\\p{L}+)\\s+\\{[a-zA-Z]+}");
        WELSH.forEach((key, welsh) -> {
            Matcher matcher = wordBefore.matcher(welsh);
            while (matcher.find()) {
                assertTrue(!MUTATING_WORDS.contains(matcher.group(1).toLowerCase()),
                        key + ": '" + matcher.group(1) + "' before a placeholder: reword so that it never needs to mutate");
            }
        });
    }

    private static List<String> placeholders(String message) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{[a-zA-Z]+}").matcher(message);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found.stream().sorted().toList();
    }
}
