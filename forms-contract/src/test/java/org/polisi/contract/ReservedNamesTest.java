package org.polisi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names the server posts and the ids the site renders are reserved for authors, and ids split back at "--". */
class ReservedNamesTest {

    @Test
    void everyParameterTheServerReadsIsAReservedFieldName() {
        for (String parameter : List.of("form-id", "form-lang", "form-version", "website", "idempotency-key", "withdraw",
                "withdraw-step")) {
            assertTrue(ReservedNames.PARAMETERS.contains(parameter), parameter);
            assertTrue(ReservedNames.isReservedFieldName(parameter), parameter);
        }
        assertTrue(ReservedNames.isReservedFieldName("title"), "<form-id>--title is the form's heading");
        assertFalse(ReservedNames.isReservedFieldName("parent-name"));
    }

    @Test
    void everyReservedNameIsAValidNamePartSoThatAuthorsCanHitIt() {
        ReservedNames.FIELD_NAMES.forEach(name -> assertTrue(InputIds.isNamePart(name), name));
        ReservedNames.ID_SUFFIXES.forEach(name -> assertTrue(InputIds.isNamePart(name), name));
    }

    @Test
    void idSuffixesAreThoseOfHintErrorAndHeading() {
        String field = InputIds.field("images-consent", "photos");
        assertEquals("images-consent--photos", field);
        for (String taken : List.of(InputIds.hint(field), InputIds.error(field), InputIds.part(field, InputIds.HEADING))) {
            String suffix = taken.substring(taken.lastIndexOf("--") + 2);
            assertTrue(ReservedNames.ID_SUFFIXES.contains(suffix), taken);
        }
        assertEquals("images-consent--title", InputIds.title("images-consent"));
    }

    @Test
    void namePartsHaveNoDoubleHyphenSoIdsSplitBack() {
        assertTrue(InputIds.isNamePart("year-6"));
        assertFalse(InputIds.isNamePart("a--b"));
        assertFalse(InputIds.isNamePart("-a"));
        assertFalse(InputIds.isNamePart("Parent"));
        assertFalse(InputIds.isNamePart("a.b"));
        assertFalse(InputIds.isNamePart(""));
        assertFalse(InputIds.isNamePart(null));
    }

    @Test
    void theFirstControlOfAFieldIsWhereAnErrorLinkLands() {
        Map<String, String> label = Map.of("en", "x");
        FieldDefinition names = new FieldDefinition("pupils", FieldType.PUPIL_NAMES, true, 100, 6, label, null, List.of(), List.of());
        FieldDefinition consent = new FieldDefinition("photos", FieldType.CONSENT, true, null, null, label, null, List.of(),
                List.of(new ConsentStatement("website", label), new ConsentStatement("press", label)));
        FieldDefinition text = new FieldDefinition("notes", FieldType.TEXT, false, 200, null, label, null, List.of(), List.of());
        assertEquals("f--pupils--1", InputIds.firstControl("f", names));
        assertEquals("f--photos--website", InputIds.firstControl("f", consent));
        assertEquals("f--notes", InputIds.firstControl("f", text));
    }

    @Test
    void typesAndKindsAreFoundByTheirWords() {
        for (FieldType type : FieldType.values()) {
            assertEquals(type, FieldType.fromWord(type.word()));
            assertEquals(type.hasLength(), type.defaultMaxLength() > 0, type.word());
        }
        for (FormKind kind : FormKind.values()) {
            assertEquals(kind, FormKind.find(kind.word()).orElseThrow());
        }
        assertTrue(FieldType.find("colour").isEmpty());
        assertEquals(List.of("nursery", "reception", "year-1", "year-2", "year-3", "year-4", "year-5", "year-6"), YearGroups.VALUES);
    }
}
