package org.polisi.site.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build cache: what converting a page produced ({@link PageRecord}: its HTML file, its forms,
 * its problems), stored under the page's {@link RenderKeys key}, so that a later build whose page
 * has the same key copies it instead of converting it again (docs/adr/0055-build-cache.md).
 *
 * <p>{@link #at} keeps entries on disk, one file each ({@code <dir>/<first two hex digits>/<key>}),
 * between builds and processes ({@code ./polisi build} and {@code serve}: {@code site/target/cache}
 * by default). Safety: an entry is written to a temporary file in its own folder and then renamed
 * over the entry, so a reader, or a build running at the same time, sees either no entry or a whole
 * one; an entry that cannot be read, or is not whole (its digest, {@link PageRecordFormat}), is
 * ignored and the page converted and stored again. A cache that cannot be written only costs time:
 * the build goes on. {@link #inMemory} keeps entries in this process only (tests, a throwaway
 * preview); {@link #disabled} keeps nothing ({@code --no-cache}).
 */
public final class RenderCache {
    /** The cache's folder under the project root unless {@code --cache DIR} says otherwise. */
    public static final String DEFAULT_DIR = "site/target/cache";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,128}");

    private final Path dir;
    private final Map<String, byte[]> memory;

    private RenderCache(Path dir, Map<String, byte[]> memory) {
        this.dir = dir;
        this.memory = memory;
    }

    /** An in-memory cache, kept as long as this object (a preview, tests). */
    public RenderCache() {
        this(null, new ConcurrentHashMap<>());
    }

    /** A cache on disk in {@code dir} (created when first written), shared by every build that names it. */
    public static RenderCache at(Path dir) {
        return new RenderCache(dir.toAbsolutePath(), null);
    }

    /** A cache that keeps nothing: every page is converted ({@code --no-cache}). */
    public static RenderCache disabled() {
        return new RenderCache(null, null);
    }

    /**
     * Whether this cache keeps anything: false for {@link #disabled} ({@code --no-cache}), where a
     * build neither keys its pages nor seals their entries, as nothing would read them (docs/adr/0095).
     */
    public boolean keeps() {
        return memory != null || dir != null;
    }

    /** The file whose time says when a build last stored pages here. */
    private static final String STAMP = "last-stored";

    /**
     * Whether a build is likely to find pages to convert: the cache is empty, or a file under one
     * of {@code inputs} changed since a build last stored pages here. Only a guess, for starting
     * JRuby early; what is converted is decided by the keys.
     */
    public boolean likelyToConvert(List<Path> inputs) {
        if (isEmpty()) {
            return true;
        }
        if (dir == null) {
            return false;
        }
        try {
            return FileTrees.changedAfter(inputs, Files.getLastModifiedTime(dir.resolve(STAMP)));
        } catch (IOException | RuntimeException unknown) {
            return true;
        }
    }

    /** Records that a build stored pages now ({@link #likelyToConvert}). */
    void stored() {
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve(STAMP), new byte[0]);
            } catch (IOException ignored) {
                // only a guess is lost: JRuby then starts when the first page is converted
            }
        }
    }

    /** True when this cache can hold nothing yet: no entry at all (a build then starts Asciidoctor early). */
    public boolean isEmpty() {
        if (memory != null) {
            return memory.isEmpty();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> shards = Files.list(dir)) {
            return shards.noneMatch(Files::isDirectory);
        } catch (IOException unreadable) {
            return true;
        }
    }

    /** The page stored under {@code key}, or empty when there is none or it cannot be read whole. */
    Optional<PageRecord> get(String key) {
        return read(key).flatMap(PageRecordFormat::read);
    }

    /** Stores {@code record} under {@code key}; on disk, whole or not at all. A failure to write is ignored. */
    void put(String key, PageRecord record) {
        write(key, PageRecordFormat.write(record));
    }

    /**
     * The bytes stored under {@code key} (another stage's entry, such as the HTML checks' results),
     * or empty when there are none or they cannot be read; the caller checks that they are whole.
     *
     * @throws IllegalArgumentException when {@code key} is not 16 to 128 hex digits
     */
    public Optional<byte[]> read(String key) {
        if (memory != null) {
            return Optional.ofNullable(memory.get(key));
        }
        if (dir == null) {
            return Optional.empty();
        }
        Path file = entry(key);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();      // rebuilt and stored again by this build
        }
    }

    /**
     * Stores {@code bytes} under {@code key}; on disk, whole or not at all. A failure to write is ignored.
     *
     * @throws IllegalArgumentException when {@code key} is not 16 to 128 hex digits
     */
    public void write(String key, byte[] bytes) {
        if (memory != null) {
            memory.put(key, bytes);
            return;
        }
        if (dir == null) {
            return;
        }
        Path target = entry(key);      // a key that is not a hash is refused, never used as a path
        try {
            FileTrees.writeAtomically(target, bytes);
        } catch (IOException | RuntimeException cannotWrite) {
            // the cache only saves time: the build goes on
        }
    }

    /**
     * Deletes the cache in {@code dir} and everything in it ({@code ./polisi clean}).
     *
     * @return whether there was anything to delete
     * @throws IOException when a file cannot be deleted
     */
    public static boolean clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        FileTrees.deleteRecursively(dir);
        return true;
    }

    private Path entry(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }
}
