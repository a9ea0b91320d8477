package org.polisi.site.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;

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

    /**
     * The compose stage hashes a body all its schools share once and continues a copy per school
     * (docs/adr/0090): each school's hash must be the one {@link PageComposer#pageHash} gives, for
     * text in both languages, settings it names directly or through another value, and none.
     */
    @Test
    void theHashContinuedFromASharedBodyIsThePagesHash() {
        PageComposer.Shared shared = new PageComposer.Shared();
        List<String> bodies = List.of("We take photographs.", "Rydym yn tynnu lluniau ŵyr a ŷd 👍.\n\nSigned for {headteacher}.",
                "Questions go to {contact}.\nifdef::deputy[]\nA deputy signs too.\nendif::[]", "", "\n\n");
        for (String text : bodies) {
            List<SourceLine> body = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length - (text.endsWith("\n") || text.isEmpty() ? 1 : 0); i++) {
                body.add(new SourceLine(lines[i], Path.of("page.adoc"), i + 1));
            }
            List<SourceLine> shared1 = List.copyOf(body);
            String bodyText = new ResolvedPage("p", "en", "P", Map.of(), shared1, Path.of("page.adoc"), ResolvedPage.Origin.TEMPLATE).bodyText();
            for (Map<String, LocalizedText> values : List.of(settings(true), with("headteacher", "Mrs Eleri Williams-Ôwen"),
                    with("office", "Room 2"), with("school-name", "Ysgol Gymunedol Rumney"))) {
                assertEquals(PageComposer.pageHash(bodyText, values), shared.pageHash(shared1, values), text + " " + values);
                assertEquals(PageComposer.pageHash(bodyText, values), shared.pageHash(List.copyOf(new ArrayList<>(body)), values),
                        "a list of the same lines made apart");
            }
        }
        List<SourceLine> once = List.of(new SourceLine("Ask {office}.", Path.of("page.adoc"), 1));
        assertNotEquals(shared.pageHash(once, settings(true)), shared.pageHash(once, with("office", "Room 2")),
                "a school's own value still changes its hash when the body's state is shared");
    }
}
