package org.polisi.site.cli;

import org.polisi.site.BuildProgress;
import org.polisi.site.uptodate.LastBuild;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ./polisi build} tells the person running it, printed as it comes and kept line by
 * line for the next build (docs/adr/0062-nothing-changed-builds.md), without what only describes
 * this run: stage timings and the count of pages converted, which a build that does nothing
 * reports in its own words ({@link #replay}).
 */
final class Transcript implements BuildProgress {
    /** The summary line's closing build time, which a replay gives as its own. */
    private static final Pattern SECONDS = Pattern.compile("^([0-9,]+ schools?, [0-9,]+ pages?, .*), [0-9.]+ s$");

    private final PrintStream out;
    private final PrintStream err;
    private final List<LastBuild.Line> lines = new ArrayList<>();

    Transcript(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void line(String text) {
        out.println(text);
        if (!text.startsWith("  timings:")) {
            lines.add(new LastBuild.Line(false, text));
        }
    }

    /** A problem or refusal, on standard error. */
    void error(String text) {
        err.println(text);
        lines.add(new LastBuild.Line(true, text));
    }

    @Override
    public void timed(String what, double seconds, String detail) {
        if (Boolean.getBoolean(TIMINGS)) {
            out.println(String.format("  %s %.2f s%s", what, seconds, detail.isEmpty() ? "" : " " + detail));
        }
    }

    @Override
    public void rendered(List<String> converted, int total) {
        if (total > 0) {
            out.println(String.format("  %d of %s converted, %d from the build cache", converted.size(),
                    org.polisi.site.Counted.of(total, "page", "pages"), total - converted.size()));
        }
    }

    /** The lines kept so far, in order. */
    List<LastBuild.Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * Gives {@code last}'s report again, for a build in which nothing changed, with this run's
     * time in the summary line.
     *
     * @return the last build's exit status
     */
    static int replay(LastBuild last, double seconds, PrintStream out, PrintStream err) {
        out.println(String.format("  0 of %s converted: nothing changed since the last build, whose output stands",
                org.polisi.site.Counted.of(last.pages(), "page", "pages")));
        for (LastBuild.Line line : last.report()) {
            Matcher summary = SECONDS.matcher(line.text());
            String text = summary.matches() ? summary.group(1) + String.format(", %.1f s", seconds) : line.text();
            (line.error() ? err : out).println(text);
        }
        if (Boolean.getBoolean(TIMINGS)) {
            out.println(String.format("  timings: nothing changed %.2f s", seconds));
        }
        return last.exitStatus();
    }
}
