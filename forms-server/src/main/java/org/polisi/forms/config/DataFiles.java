package org.polisi.forms.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polisi.forms.checkpoint.CheckpointKey;
import org.polisi.forms.storage.PrivateFiles;

/**
 * The files the server keeps that must stay private (database, keys, checkpoint log) and their
 * folders: checked and tightened once at start (issue #23).
 */
public final class DataFiles {

    private DataFiles() {
    }

    /**
     * Refuses a private file inside a folder the server publishes (the sites, the manifests) or the
     * content tree, then makes every private file 0600 and its folder 0700.
     *
     * @return the paths whose mode had to change (for one log line)
     * @throws PrivateFiles.NotPrivate when a private file would be published, or a mode cannot be changed
     */
    public static List<Path> secure(ServerConfig config) {
        List<Path> files = files(config);
        for (Path file : files) {
            published(config, file).ifPresent(folder -> {
                throw new PrivateFiles.NotPrivate(file + " would be inside " + folder
                        + ", which is published or built from: keep the database, keys and checkpoint log in a data "
                        + "folder of their own (default data/, see docs/security.md)", null);
            });
        }
        Set<Path> paths = new LinkedHashSet<>();
        for (Path file : files) {
            Path folder = file.toAbsolutePath().getParent();
            if (ownFolder(folder)) {
                paths.add(folder);
            }
            paths.add(file.toAbsolutePath());
        }
        return PrivateFiles.tightenAll(new ArrayList<>(paths));
    }

    /** The private files of this configuration, whether they exist yet or not. */
    public static List<Path> files(ServerConfig config) {
        List<Path> files = new ArrayList<>();
        if (!config.database().isPostgresql()) {
            files.addAll(PrivateFiles.databaseFiles(config.database().file()));
        }
        files.add(config.secretKeyFile());
        files.add(config.checkpoints().keyFile());
        files.add(CheckpointKey.publicFileOf(config.checkpoints().keyFile()));
        files.add(config.checkpoints().logFile());
        files.add(config.secondFactorKeyFile());
        return files;
    }

    private static Optional<Path> published(ServerConfig config, Path file) {
        List<Path> folders = new ArrayList<>(List.of(config.siteDir(), config.manifestDir()));
        String root = System.getProperty("polisi.root");
        if (root != null) {
            folders.add(Path.of(root, "content"));
            folders.add(Path.of(root, "themes"));
        }
        Path absolute = real(file);
        return folders.stream().filter(folder -> absolute.startsWith(real(folder))).findFirst();
    }

    /**
     * A folder the server may close to others: not a shared one (the working directory, the home
     * folder, a sticky world-writable folder such as /tmp), where the files' own mode must do.
     */
    private static boolean ownFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return false;
        }
        Path real = real(folder);
        if (real.equals(real(Path.of(""))) || real.equals(real(Path.of(System.getProperty("user.home"))))
                || real.getParent() == null) {
            return false;
        }
        try {
            Object mode = Files.getAttribute(real, "unix:mode");
            return !(mode instanceof Integer bits) || (bits & 01000) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    private static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }
}
