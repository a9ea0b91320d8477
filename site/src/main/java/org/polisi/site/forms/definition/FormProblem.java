package org.polisi.site.forms.definition;

import java.nio.file.Path;

/** One thing wrong in a form definition, where an editor can jump to it: {@code file:line: message}. */
public record FormProblem(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
