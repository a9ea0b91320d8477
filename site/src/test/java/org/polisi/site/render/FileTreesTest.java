package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deleting, linking and setting modes of whole trees on several threads (docs/adr/0091): every
 * file goes, nothing a link points to goes with it, a failure is reported after the rest is done,
 * and a folder deleted in the background is out of the way at once.
 */
class FileTreesTest {

    /** A published-like tree: {@code sites} folders of three levels, a few files each. */
    private static Path tree(Path root, int sites) throws IOException {
        for (int site = 0; site < sites; site++) {
            for (String lang : List.of("en", "cy")) {
                Path dir = Files.createDirectories(root.resolve("site-" + site).resolve(lang).resolve("history"));
                for (int page = 0; page < 5; page++) {
                    Files.writeString(dir.getParent().resolve("page-" + page + ".html"), "page " + page);
                    Files.writeString(dir.resolve("page-" + page + ".html"), "old page " + page);
                }
            }
        }
        Files.writeString(root.resolve("index.html"), "root");
        return root;
    }

    @Test
    void deletingATreeRemovesEveryFileAndFolderButNothingALinkPointsTo(@TempDir Path folder) throws IOException {
        Path root = tree(folder.resolve("public"), 12);
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "kept");
        Files.createSymbolicLink(root.resolve("site-3").resolve("to-folder"), outside);
        Files.createSymbolicLink(root.resolve("to-file"), kept);
        Path hardLinked = Files.createLink(folder.resolve("hard-link.html"), root.resolve("site-5/en/page-1.html"));

        FileTrees.deleteRecursively(root);

        assertFalse(Files.exists(root));
        assertEquals("kept", Files.readString(kept), "a link's target is never followed");
        assertEquals("page 1", Files.readString(hardLinked), "another name of a deleted file keeps its content");
    }

    @Test
    void deletingAFileOrNothingIsAllowed(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("one.txt"), "x");
        FileTrees.deleteRecursively(file);
        FileTrees.deleteRecursively(folder.resolve("absent"));
        assertFalse(Files.exists(file));
    }

    @Test
    void everyItemIsDoneAndTheFirstFailureIsReported(@TempDir Path folder) {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        IOException failure = new IOException("item 7 cannot be written");
        IOException thrown = assertThrows(IOException.class, () -> FileTrees.inParallel(IntStream.range(0, 40).boxed().toList(), item -> {
            if (item == 7) {
                throw failure;
            }
            done.add(item);
        }));
        assertSame(failure, thrown);
        assertEquals(39, done.size(), "every other item was still done: " + done);
    }

    @Test
    void aFolderDeletedInTheBackgroundIsOutOfTheWayAtOnceAndGoneAfterJoin(@TempDir Path folder) throws IOException {
        Path out = tree(folder.resolve("out"), 8);
        Path leftover = tree(folder.resolve("out.deleting-12345"), 2);     // an earlier process ended before its deletion did
        Path neighbour = Files.writeString(folder.resolve("out.keep"), "not ours");

        FileTrees.Deletion deletion = FileTrees.deleteInBackground(out);
        assertFalse(Files.exists(out), "the folder is out of the way when the call returns");
        Files.createDirectories(out);
        Files.writeString(out.resolve("new.html"), "this build's page");
        deletion.join();

        assertEquals("this build's page", Files.readString(out.resolve("new.html")), "the new folder of the same name is untouched");
        assertFalse(Files.exists(leftover), "an unfinished deletion's folder is deleted too");
        assertTrue(Files.exists(neighbour));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("out", "out.keep"), left.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void deletingAFolderThatIsNotThereInTheBackgroundStillClearsLeftovers(@TempDir Path folder) throws IOException {
        Path leftover = tree(folder.resolve("out.deleting-1"), 1);
        FileTrees.deleteInBackground(folder.resolve("out")).join();
        assertFalse(Files.exists(leftover));
    }
}
