package org.polisi.site.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The pandoc program (https://pandoc.org/MANUAL.html), run as a separate process: the field's
 * standard document converter, whose readers know Word, OpenDocument, HTML and Markdown and whose
 * AsciiDoc writer our clean-up starts from (docs/adr/0032-import-through-pandoc.md).
 */
public final class Pandoc {
    /** What to tell someone whose machine has no pandoc. */
    public static final String INSTALL_HINT = "install it with 'sudo apt-get install pandoc' (Debian, Ubuntu) "
            + "or from https://pandoc.org/installing.html, then run the command again";

    private final Path executable;

    private Pandoc(Path executable) {
        this.executable = executable;
    }

    /**
     * The pandoc on this machine: the {@code polisi.pandoc} system property if set, else the first
     * {@code pandoc} on the {@code PATH}. Empty when there is none.
     */
    public static Optional<Pandoc> find() {
        String configured = System.getProperty("polisi.pandoc");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(new Pandoc(path)) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "pandoc");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Pandoc(candidate));
            }
        }
        return Optional.empty();
    }

    /** What pandoc printed: its standard output (UTF-8) and its warnings on standard error, one per line. */
    public record Output(String text, List<String> messages) {
    }

    /**
     * Runs pandoc with {@code arguments} (in the working folder {@code dir}).
     *
     * @throws PandocException when pandoc exits with a non-zero status; its message is pandoc's own error
     */
    public Output run(Path dir, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String text = read(process.getInputStream());
            int status = process.waitFor();
            List<String> messages = errors.join().lines().filter(line -> !line.isBlank()).toList();
            if (status != 0) {
                throw new PandocException("pandoc could not read the document (exit " + status + "): "
                        + String.join(" ", messages));
            }
            return new Output(text, messages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PandocException("interrupted while pandoc ran");
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pandoc failed on a document: the message says why, in pandoc's words. */
    public static final class PandocException extends RuntimeException {
        public PandocException(String message) {
            super(message);
        }
    }
}
