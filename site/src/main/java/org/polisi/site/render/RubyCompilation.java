package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;

/**
 * When JRuby may compile Asciidoctor's Ruby methods to JVM bytecode. JRuby compiles a method once
 * it has been called {@code jruby.jit.threshold} times (50 by default): over thousands of pages
 * that pays for itself, over a few dozen it costs more CPU than it saves (the real content's 38
 * pages: about 1 s of CPU more with it; the 100-school cluster's 4,040 pages: about 22 s less;
 * docs/adr/0068-cold-build-start-up.md). So the runtime starts with compilation held back, and
 * a conversion of at least {@link #PAGES_TO_COMPILE} pages lets it compile; the methods' call
 * counts go on counting meanwhile, so the hottest are compiled at the next call once allowed.
 * The output is the same either way: compiled and interpreted Ruby run the same code.
 *
 * <p>A threshold given on the command line ({@code -Djruby.jit.threshold=N}) is left alone, and
 * {@code -Djruby.compile.mode=OFF} turns compilation off whatever is set here.
 */
final class RubyCompilation {
    /** From how many pages a conversion lets JRuby compile (the break-even measured in ADR 0068 is about 200). */
    static final int PAGES_TO_COMPILE = 200;
    /** JRuby's own default threshold (RubyInstanceConfig, {@code jruby.jit.threshold}). */
    static final int JRUBY_DEFAULT = 50;
    /** No method is called this often in a build: compilation held back. */
    static final int HELD_BACK = Integer.MAX_VALUE;
    static final boolean CHOSEN_BY_USER = System.getProperty("jruby.jit.threshold") != null;

    private RubyCompilation() {
    }

    /** Called once, on the instance just created: no compilation until a conversion allows it. */
    static void holdBack(Asciidoctor asciidoctor) {
        setThreshold(asciidoctor, HELD_BACK);
    }

    /** Before converting {@code pages} pages with {@code asciidoctor}: compile only for a large conversion. */
    static void forPages(Asciidoctor asciidoctor, int pages) {
        setThreshold(asciidoctor, pages >= PAGES_TO_COMPILE ? JRUBY_DEFAULT : HELD_BACK);
    }

    /** The threshold in force, in calls ({@link Integer#MAX_VALUE}: held back). */
    static int threshold(Asciidoctor asciidoctor) {
        return JRubyRuntimeContext.get(asciidoctor).getInstanceConfig().getJitThreshold();
    }

    /** Sets the threshold to {@code calls} (0: every method compiled at its first call), unless the user chose one. */
    static void setThreshold(Asciidoctor asciidoctor, int calls) {
        if (!CHOSEN_BY_USER) {
            JRubyRuntimeContext.get(asciidoctor).getInstanceConfig().setJitThreshold(calls);
        }
    }
}
