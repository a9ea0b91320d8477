package org.polisi.site.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polisi.site.content.LocalizedText;

/**
 * A form's version hashes the page hash: it must change with the text and the settings that text
 * uses, and with nothing else, or every build (and every edit of an unrelated setting) would tell
 * parents with the page open that the form had changed (issue #17, docs/adr/0066).
 */
class PageHashTest {

    private static Map<String, LocalizedText> settings(boolean headteacherFirst) {
        Map<String, LocalizedText> settings = new LinkedHashMap<>();
        if (headteacherFirst) {
            settings.put("headteacher", LocalizedText.same("Mrs A. Jones"));
        }
        settings.put("school-name", LocalizedText.of(Map.of("en", "Rumney Primary School", "cy", "Ysgol Gynradd Rumney")));
        if (!headteacherFirst) {
            settings.put("headteacher", LocalizedText.same("Mrs A. Jones"));
        }
        settings.put("office", LocalizedText.of(Map.of("en", "the school office", "cy", "swyddfa'r ysgol")));
        settings.put("contact", LocalizedText.same("{office} or {Headteacher}"));
        return settings;
    }

    private static Map<String, LocalizedText> with(String name, String value) {
        Map<String, LocalizedText> changed = settings(true);
        changed.put(name, LocalizedText.same(value));
        return changed;
    }

    @Test
    void theSameTextAndSettingsGiveTheSameHashWhateverTheSettingsOrder() {
        assertEquals(PageComposer.pageHash("We take photographs of {headteacher}.", settings(true)),
                PageComposer.pageHash("We take photographs of {headteacher}.", settings(false)));
    }

    @Test
    void aChangedWordGivesANewHash() {
        assertNotEquals(PageComposer.pageHash("We take photographs.", settings(true)),
                PageComposer.pageHash("We take videos.", settings(true)));
    }

    @Test
    void aSettingThePageDoesNotUseKeepsTheHash() {
        String text = "We take photographs.";
        String hash = PageComposer.pageHash(text, settings(true));

        assertEquals(hash, PageComposer.pageHash(text, with("headteacher", "Mrs Eleri Williams-Ôwen")));
        assertEquals(hash, PageComposer.pageHash(text, with("office", "Room 2")));
        assertEquals(hash, PageComposer.pageHash(text, with("review-due", "September 2025")), "a new setting too");
        assertEquals(PageComposer.pageHash("Ask {office}.", settings(true)),
                PageComposer.pageHash("Ask {office}.", with("headteacher", "Mr B. Evans")),
                "a setting used only by a value the page does not use");
    }

    @Test
    void aSettingThePageNamesChangesTheHashWhateverTheCase() {
        for (String text : new String[] {"Signed for {headteacher}.", "Signed for {HeadTeacher}.",
                ":signer: {headteacher}\n\nSigned for {signer}.", "ifeval::[\"{headteacher}\" != \"\"]\nSigned.\nendif::[]"}) {
            assertNotEquals(PageComposer.pageHash(text, settings(true)),
                    PageComposer.pageHash(text, with("headteacher", "Mrs Eleri Williams-Ôwen")), text);
        }
    }

    @Test
    void aSettingUsedThroughAnotherSettingsValueChangesTheHash() {
        String text = "Questions go to {contact}.";
        String hash = PageComposer.pageHash(text, settings(true));

        assertNotEquals(hash, PageComposer.pageHash(text, with("headteacher", "Mr B. Evans")), "{contact} names {Headteacher}");
        assertNotEquals(hash, PageComposer.pageHash(text, with("office", "Room 2")), "and {office}");
        assertTrue(PageComposer.pageSource(text, settings(true)).contains("Mrs A. Jones"),
                "the page source says which values the person saw");
    }

    @Test
    void aSettingAConditionTestsChangesTheHashWhenItAppearsOrGoes() {
        for (String text : new String[] {"ifdef::deputy[]\nA deputy signs too.\nendif::[]",
                "ifndef::governor,deputy[]\nNo deputy.\nendif::[]", "ifdef::governor+Deputy[A deputy signs too.]"}) {
            assertNotEquals(PageComposer.pageHash(text, settings(true)),
                    PageComposer.pageHash(text, with("deputy", "Mr C. Price")), text);
        }
    }

    @Test
    void theSchoolsNameThatTheFormsPrivacyNoticePrintsChangesEveryFormsHash() {
        assertNotEquals(PageComposer.pageHash("We take photographs.", settings(true)),
                PageComposer.pageHash("We take photographs.", with("school-name", "Rumney Community School")));
    }
}
