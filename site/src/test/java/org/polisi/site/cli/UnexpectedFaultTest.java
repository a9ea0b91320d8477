package org.polisi.site.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fault of ours leaves its stack trace where the line that names it says (tester 6: an intermittent fault left none). */
class UnexpectedFaultTest {

    @Test
    void theLineNamesTheFaultAndTheFileThatKeepsItsTrace(@TempDir Path root) throws Exception {
        NullPointerException fault = new NullPointerException("no main");
        String line = UnexpectedFault.line(fault, root);
        assertEquals("error: the build stopped unexpectedly: java.lang.NullPointerException: no main "
                + "(please report this with site/target/build/last-fault.txt; no page was published by this run)", line);
        String trace = Files.readString(root.resolve("site/target/build/last-fault.txt"));
        assertTrue(trace.contains("java.lang.NullPointerException: no main"), trace);
        assertTrue(trace.contains("at org.polisi.site.cli.UnexpectedFaultTest.theLineNamesTheFaultAndTheFileThatKeepsItsTrace"), trace);
    }

    @Test
    void withoutAPlaceToKeepItTheLineStillSaysWhatHappened(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("site"), "a file where the folder should be");
        assertEquals("error: the build stopped unexpectedly: java.lang.IllegalStateException: x "
                + "(please report this; no page was published by this run)", UnexpectedFault.line(new IllegalStateException("x"), root));
    }
}
