package org.polisi.forms.cli;

/** {@link FormsCliTest#run} for tests in other packages: the real command line, its output captured. */
public final class FormsCliTestAccess {

    private FormsCliTestAccess() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    public static Run run(String... args) {
        return runWithInput("", args);
    }

    /** The command line with this text on standard input (a password). */
    public static Run runWithInput(String stdin, String... args) {
        FormsCliTest.Run run = FormsCliTest.run(stdin, args);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
