package org.polisi.site.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./polisi help} lists every command; {@code ./polisi help COMMAND} prints that command's usage. */
class HelpCommandTest {

    @Test
    void helpListsEveryCommandAndTheLaunchersOwn() {
        String out = run("help");
        for (String command : new String[]{"build", "preview", "report", "new-school", "import", "serve", "forms", "docs/authoring.md"}) {
            assertTrue(out.contains(command), command + " in\n" + out);
        }
    }

    @Test
    void helpCommandPrintsThatCommandsUsage() {
        String out = run("help", "import");
        assertTrue(out.startsWith("Usage: polisi import"), out);
        for (String option : new String[]{"FILE", "--school", "--page", "--lang", "--kind"}) {
            assertTrue(out.contains(option), option);
        }
        assertTrue(run("help", "new-school").contains("--country"));
    }

    private static String run(String... arguments) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new PolisiCli());
        cli.setOut(new PrintWriter(text));
        assertEquals(0, cli.execute(arguments));
        return text.toString();
    }
}
