package org.polisi.site.cli;

import org.polisi.site.content.AsciidocSource;
import org.polisi.site.translation.TranslationPairer;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ./polisi stamp-translations}: fills {@code :translated-from: PENDING} in translated pages
 * with the hash of their English file as it is now. A translator writes PENDING when finishing a
 * translation; stamping it records which English text the translation matches.
 */
@Command(name = "stamp-translations", description = "Record the English hash in translations marked ':translated-from: PENDING'.")
public final class StampTranslationsCommand implements Callable<Integer> {
    static final String PENDING = ":translated-from: PENDING";

    @Override
    public Integer call() throws IOException {
        Path content = PolisiCli.projectRoot().resolve("content");
        int stamped = 0;
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                String language = file.getParent().getFileName().toString();
                Path english = file.getParent().resolveSibling("en").resolve(file.getFileName());
                String text = org.polisi.site.content.SourceText.readStrictly(file);
                if (language.equals("en") || !text.contains(PENDING) || !Files.isRegularFile(english)) {
                    continue;
                }
                String key = file.getFileName().toString().replaceFirst("\\.adoc$", "");
                String hash = TranslationPairer.hashOf(AsciidocSource.read(english, key, "en"));
                Files.writeString(file, text.replace(PENDING, ":translated-from: " + hash), StandardCharsets.UTF_8);
                System.out.println("stamped " + content.relativize(file) + " with " + hash);
                stamped++;
            }
        }
        System.out.println(stamped + " translations stamped");
        return 0;
    }
}
