package org.polisi.site.problem;

import java.nio.file.Path;

/**
 * Something wrong with the content or the generated site, located as precisely as we can:
 * an author fixes it by opening {@code file} at {@code line} (and {@code column}, 1-based, 0 when
 * unknown). {@code code} is a short stable name for scripts and tests ({@code broken-link}).
 */
public record Problem(Severity severity, String code, Path file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    public Problem(Severity severity, String code, Path file, int line, String message) {
        this(severity, code, file, line, 0, message);
    }

    public static Problem error(String code, Path file, int line, String message) {
        return new Problem(Severity.ERROR, code, file, line, message);
    }

    public static Problem warning(String code, Path file, int line, String message) {
        return new Problem(Severity.WARNING, code, file, line, message);
    }

    /** The same problem as an error: what {@code --strict} makes of a warning. */
    public Problem asError() {
        return new Problem(Severity.ERROR, code, file, line, column, message);
    }

    /**
     * {@code content/schools/x/en/page.adoc:12: error: message [broken-link]}: the GNU format that
     * editors, CI logs and compilers share ("file:line:column: level: message"), so that every
     * problem, Asciidoctor's included, reads the same way and an editor can jump to it.
     */
    public String describe(Path root) {
        String where = file == null ? "(site)" : relative(root, file) + (line > 0 ? ":" + line : "")
                + (line > 0 && column > 0 ? ":" + column : "");
        return where + ": " + severity.name().toLowerCase() + ": " + message + " [" + code + "]";
    }

    private static String relative(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
    }
}
