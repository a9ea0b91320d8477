package org.polisi.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Times the build's stages, in order, and reports them on one line through {@link BuildProgress}
 * with {@code -Dpolisi.timings=true}: {@code "  timings: load+resolve+compose 1.02 s, render 3.10 s, ..."}
 * (the format {@code bench/*.sh} read). Seconds are wall-clock, from {@link System#nanoTime()}.
 */
final class StageClock {
    private final long start = System.nanoTime();
    private long last = start;
    private final List<String> laps = new ArrayList<>();

    /** The stage called {@code name} ended now; it began when the previous one ended. */
    void lap(String name) {
        long now = System.nanoTime();
        laps.add(String.format("%s %.2f s", name, (now - last) / 1e9));
        last = now;
    }

    /** Seconds since the clock was made. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    void report(BuildProgress progress) {
        if (Boolean.getBoolean(BuildProgress.TIMINGS)) {
            progress.line("  timings: " + String.join(", ", laps));
        }
    }
}
