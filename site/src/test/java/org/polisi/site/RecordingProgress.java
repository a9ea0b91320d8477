package org.polisi.site;

import java.util.ArrayList;
import java.util.List;

/** A build's progress as a test sees it: the lines dropped, the URLs of the pages each build converted kept. */
public final class RecordingProgress implements BuildProgress {
    private final List<String> converted = new ArrayList<>();

    @Override
    public void line(String text) {
    }

    @Override
    public synchronized void rendered(List<String> urls, int total) {
        converted.addAll(urls);
    }

    /** The URLs of the pages converted since the last {@link #clear} (the others came from the build cache). */
    public synchronized List<String> converted() {
        return List.copyOf(converted);
    }

    public synchronized void clear() {
        converted.clear();
    }
}
