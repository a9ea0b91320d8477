package org.polisi.forms.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.polisi.forms.storage.ChainHasher;
import org.polisi.forms.storage.PrivateFiles;

/**
 * The checkpoint log: a text file outside the database, one signed {@link Checkpoint} per line,
 * each naming the hash of the line before it. Appends hold an exclusive lock on the file, so the
 * server and a {@code checkpoint} command never both take number N; each append is forced to disk.
 */
public final class CheckpointLog {

    private final Path file;

    public CheckpointLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /**
     * Appends the checkpoint the maker returns for the next number and previous hash.
     *
     * @param maker given (number, previous hash) as an unsigned checkpoint's start, returns the signed checkpoint
     */
    public Checkpoint append(Function<Checkpoint, Checkpoint> maker) {
        PrivateFiles.create(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            Optional<Checkpoint> last = lastOf(readLines(channel));
            Checkpoint next = maker.apply(new Checkpoint(last.map(Checkpoint::number).orElse(0L) + 1, "",
                    last.map(Checkpoint::hash).orElse(ChainHasher.GENESIS), "", "", List.of(), ""));
            channel.position(channel.size());
            ByteBuffer bytes = ByteBuffer.wrap((next.line() + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the checkpoint log " + file, e);
        }
    }

    /** The newest checkpoint, if any. */
    public Optional<Checkpoint> last() {
        List<Checkpoint> all = readAll(file);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Every checkpoint of a log, or of a copy filed elsewhere (a saved e-mail will do: only lines
     * starting with '{' are read). A line that starts like one but is not one is an error naming its number.
     */
    public static List<Checkpoint> readAll(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint log " + file, e);
        }
    }

    private static List<String> readLines(FileChannel channel) throws IOException {
        ByteBuffer all = ByteBuffer.allocate((int) channel.size());
        channel.position(0);
        while (all.hasRemaining() && channel.read(all) > 0) {
            // read to the end
        }
        return new String(all.array(), 0, all.position(), StandardCharsets.UTF_8).lines().toList();
    }

    private Optional<Checkpoint> lastOf(List<String> lines) {
        List<Checkpoint> all = parse(lines, file.toString());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static List<Checkpoint> parse(List<String> lines, String source) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("{")) {
                continue; // a blank line, or the words around a checkpoint filed from its e-mail
            }
            try {
                checkpoints.add(Checkpoint.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return checkpoints;
    }
}
