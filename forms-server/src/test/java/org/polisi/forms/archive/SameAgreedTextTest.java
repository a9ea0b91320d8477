package org.polisi.forms.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Two versions are the same agreement only when their archived, intact snapshots show the same words
 * in the same language (docs/adr/0066); anything else asks the person to sign again. Real snapshot
 * files of the fixture archive, copied and changed as a rebuild would.
 */
class SameAgreedTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGLISH = "9185fca34835";
    private static final String WELSH = "d74198109725";

    @Test
    void aVersionWhosePageSourceAloneChangedIsTheSameAgreementAndAnyVisibleChangeIsNot(@TempDir Path folder) throws IOException {
        Path archive = TestServer.copyOfFixture("agreed-texts", folder);
        SameAgreedText same = new SameAgreedText(new AgreedTextArchive(archive));
        String unseen = rebuild(archive, ENGLISH, "{headteacher=Mrs Eleri Williams-Ôwen}", html -> html);
        String seen = rebuild(archive, ENGLISH, "Parents charge devices downstairs.",
                html -> html.replace("</h1>", "</h1>\n<p>Parents charge devices downstairs.</p>"));

        assertTrue(same.same("testschool", "parent-agreement", ENGLISH, unseen));
        assertFalse(same.same("testschool", "parent-agreement", ENGLISH, seen), "the page shows another sentence");
        assertFalse(same.same("testschool", "parent-agreement", WELSH, ENGLISH), "another language");
        assertFalse(same.same("testschool", "parent-agreement", ENGLISH, "0123456789ab"), "no snapshot");
    }

    @Test
    void anAlteredSnapshotProvesNothing(@TempDir Path folder) throws IOException {
        Path archive = TestServer.copyOfFixture("agreed-texts", folder);
        String unseen = rebuild(archive, ENGLISH, "{office=Room 2}", html -> html);
        Path file = archive.resolve("testschool/parent-agreement/" + unseen + ".json");
        ObjectNode snapshot = (ObjectNode) JSON.readTree(file.toFile());
        snapshot.put("pageSource", snapshot.get("pageSource").asText() + "altered");
        JSON.writeValue(file.toFile(), snapshot);

        assertFalse(new SameAgreedText(new AgreedTextArchive(archive)).same("testschool", "parent-agreement", ENGLISH, unseen));
    }

    /** A new snapshot of {@code old} with text added to its page source and its page as {@code render} makes it. */
    private static String rebuild(Path archive, String old, String added, java.util.function.UnaryOperator<String> render)
            throws IOException {
        Path dir = archive.resolve("testschool/parent-agreement");
        ObjectNode snapshot = (ObjectNode) JSON.readTree(dir.resolve(old + ".json").toFile());
        snapshot.put("pageSource", snapshot.get("pageSource").asText() + added);
        String version = JSON.treeToValue(snapshot, AgreedText.class).versionOfTexts();
        snapshot.put("formVersion", version);
        snapshot.put("pageHtml", render.apply(snapshot.get("pageHtml").asText()).replace(old, version));
        Files.writeString(dir.resolve(version + ".json"), JSON.writeValueAsString(snapshot));
        return version;
    }
}
