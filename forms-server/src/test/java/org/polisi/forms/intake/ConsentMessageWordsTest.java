package org.polisi.forms.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.polisi.contract.FormDefinition;
import org.polisi.forms.i18n.Messages;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consent statement left unanswered is named by the words the person sees, its legend, not by the
 * short label staff lists use (tester 7's finding 13: Rumney's Welsh form was told about ‘Defnyddio
 * delweddau ar gyfer dysgu a chyhoeddusrwydd’, a label that appears nowhere on the page).
 */
class ConsentMessageWordsTest {
    /** The fixture's consent form, its statements replaced by two with labels, as Rumney's are written. */
    private static final String STATEMENTS = """
            [{"id": "learning", "label": {"en": "Use of images for learning and publicity", "cy": "Defnyddio delweddau ar gyfer dysgu a chyhoeddusrwydd"},
              "text": {"en": "I understand that images of my child will only be used to support learning activities or in publicity that celebrates success.",
                       "cy": "Rwy'n deall mai dim ond i gefnogi gweithgareddau dysgu neu mewn cyhoeddusrwydd sy'n dathlu llwyddiant y defnyddir delweddau o fy mhlentyn."}},
             {"id": "short", "label": {"en": "Group photos", "cy": "Lluniau grŵp"},
              "text": {"en": "Group photos on the website", "cy": "Lluniau grŵp ar y wefan"}}]
            """;

    private static List<String> messages(String language) throws Exception {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode manifest = json.readTree(org.polisi.forms.TestServer.fixture()
                .resolve("manifests/testschool.json").toFile());
        com.fasterxml.jackson.databind.node.ObjectNode consent = null;
        for (com.fasterxml.jackson.databind.JsonNode form : manifest.get("forms")) {
            if (form.get("id").asText().equals("images-consent")) {
                consent = (com.fasterxml.jackson.databind.node.ObjectNode) form;
            }
        }
        for (com.fasterxml.jackson.databind.JsonNode field : consent.get("fields")) {
            if (field.get("type").asText().equals("consent")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) field).set("statements", json.readTree(STATEMENTS));
            } else {
                ((com.fasterxml.jackson.databind.node.ObjectNode) field).put("required", false);
            }
        }
        FormDefinition form = json.treeToValue(consent, FormDefinition.class);
        return new FormValidator(new Messages(), Clock.systemUTC()).validate(form, language, Map.of()).errors().stream()
                .map(FieldError::message).toList();
    }

    @Test
    void eachMessageQuotesTheOpeningOfTheStatementAsTheFormShowsIt() throws Exception {
        List<String> welsh = messages("cy");
        assertEquals(2, welsh.size(), welsh.toString());
        assertTrue(welsh.get(0).contains("‘Rwy'n deall mai dim ond i gefnogi gweithgareddau dysgu neu mewn cyhoeddusrwydd…’"), welsh.get(0));
        assertTrue(welsh.get(1).contains("‘Lluniau grŵp ar y wefan’"), welsh.get(1));
        assertFalse(String.join(" ", welsh).contains("Defnyddio delweddau"), "the label is on no page");
        List<String> english = messages("en");
        assertTrue(english.get(0).startsWith("Select whether or not you give consent to ‘I understand that images of my child will only be used"),
                english.get(0));
        assertTrue(english.get(0).endsWith("…’"), english.get(0));
    }

    @Test
    void theOpeningNeverCutsAWordAndKeepsAShortStatementWhole() {
        assertEquals("Group photos on the website", FormValidator.opening("  Group photos\non the   website "));
        String opening = FormValidator.opening("a ".repeat(30) + "extraordinarily-long-final-word and more");
        assertTrue(opening.endsWith("…") && !opening.contains("extraordinarily"), opening);
    }
}
