package org.polisi.site.cli;

import org.polisi.site.render.FileTrees;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a build that stopped on a fault of ours says, and keeps for the report it asks for: the
 * one line on the terminal names the fault, and its stack trace is written to
 * {@code site/target/build/last-fault.txt} (owner-only, like every file the build writes aside), so
 * that "please report this" has something to report (tester 6: an intermittent fault left no trace).
 */
public final class UnexpectedFault {
    private UnexpectedFault() {
    }

    /**
     * @param fault the exception or error the build stopped on
     * @param root  the project root (the checkout)
     * @return the line to print: the fault, where its trace is kept (when it could be written), and that nothing was published
     */
    public static String line(Throwable fault, Path root) {
        Path kept = root.resolve("site/target/build/last-fault.txt");
        String where;
        try {
            StringWriter trace = new StringWriter();
            trace.write(Instant.now() + "\n");
            fault.printStackTrace(new PrintWriter(trace));
            FileTrees.writeAtomically(kept, trace.toString().getBytes(StandardCharsets.UTF_8));
            where = "please report this with " + root.relativize(kept);
        } catch (java.io.IOException | RuntimeException cannotKeep) {
            where = "please report this";
        }
        return "error: the build stopped unexpectedly: " + fault + " (" + where + "; no page was published by this run)";
    }
}
