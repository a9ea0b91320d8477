package org.polisi.site.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polisi.site.content.LocalizedText;

/**
 * A form's version hashes the page hash: it must change with the text and the settings, and with
 * nothing else, or every build would tell parents with the page open that the form had changed.
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
        return settings;
    }

    @Test
    void theSameTextAndSettingsGiveTheSameHashWhateverTheSettingsOrder() {
        assertEquals(PageComposer.pageHash("We take photographs.", settings(true)),
                PageComposer.pageHash("We take photographs.", settings(false)));
    }

    @Test
    void aChangedWordOrSettingGivesANewHash() {
        String hash = PageComposer.pageHash("We take photographs.", settings(true));
        Map<String, LocalizedText> newHead = settings(true);
        newHead.put("headteacher", LocalizedText.same("Mr B. Evans"));

        assertNotEquals(hash, PageComposer.pageHash("We take videos.", settings(true)));
        assertNotEquals(hash, PageComposer.pageHash("We take photographs.", newHead));
    }
}
