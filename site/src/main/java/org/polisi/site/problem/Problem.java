package org.polisi.site.problem;

import java.nio.file.Path;

/**
 * Something wrong with the content or the generated site, located as precisely as we can:
 * an author fixes it by opening {@code file} at {@code line}.
 */
public record Problem(Severity severity, String code, Path file, int line, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String code, Path file, int line, String message) {
        return new Problem(Severity.ERROR, code, file, line, message);
    }

    public static Problem warning(String code, Path file, int line, String message) {
        return new Problem(Severity.WARNING, code, file, line, message);
    }

    /** "content/schools/x/en/page.adoc:12: broken-link: ..." — the form editors and CI logs understand. */
    public String describe(Path root) {
        String where = file == null ? "(site)" : relative(root, file) + (line > 0 ? ":" + line : "");
        return where + ": " + code + ": " + message;
    }

    private static String relative(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
    }
}
