package org.polisi.forms.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Welsh is never second-class: every English message has a Welsh one, and the other way round. */
class MessageBundleParityTest {

    private static final Properties ENGLISH = Messages.load("/i18n/server_en.properties");
    private static final Properties WELSH = Messages.load("/i18n/server_cy.properties");

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        Set<String> onlyEnglish = new TreeSet<>(ENGLISH.stringPropertyNames());
        onlyEnglish.removeAll(WELSH.stringPropertyNames());
        Set<String> onlyWelsh = new TreeSet<>(WELSH.stringPropertyNames());
        onlyWelsh.removeAll(ENGLISH.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "keys missing from server_cy.properties");
        assertEquals(Set.of(), onlyWelsh, "keys missing from server_en.properties");
    }

    @Test
    void noMessageIsEmpty() {
        // Argument names and plural forms are checked for every bundle of the theme by the site's
        // MessageBundlesTest; counted sentences by CountedMessagesTest.
        for (String key : ENGLISH.stringPropertyNames()) {
            assertTrue(!ENGLISH.getProperty(key).isBlank() && !WELSH.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void welshIsReadAsUtf8() {
        assertEquals("Rwy'n rhoi caniatâd", WELSH.getProperty("consent.answer.given"));
        assertEquals("Gwall:", new Messages().get("cy", "error.title-prefix"));
        assertEquals("Rhaid i ‘Enw’ fod yn 5 nod neu lai",
                new Messages().format("cy", "error.too-long", java.util.Map.of("field", "Enw", "max", 5)));
    }
}
