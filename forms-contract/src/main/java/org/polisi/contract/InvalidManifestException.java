package org.polisi.contract;

import java.io.IOException;
import java.nio.file.Path;

/** A manifest file that is not what docs/forms.md describes: the message names the file, the property and the problem. */
public final class InvalidManifestException extends IOException {

    private final Path file;

    public InvalidManifestException(Path file, String problem, Throwable cause) {
        super(file + ": not a valid forms manifest (docs/forms.md): " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
