package org.polisi.site.pdf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

/**
 * Whether the thread that asks has had at least a third of a core since it last asked (or since
 * this was made): its CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}, nanoseconds) over the
 * wall time between. The PDF warm-up asks after each page (ADR 0077): a core the build leaves idle
 * gives it most of one (shared with the JIT compiler's threads and the collector's pauses); on a
 * machine that other work keeps busy it gets a small share, and the warm-up would then only take
 * CPU from everyone, so it stops. Not thread-safe: one thread asks.
 */
final class CoreShare implements BooleanSupplier {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The least share of a core, CPU time over wall time, that counts as having one. */
    static final double ENOUGH = 1 / 3.0;

    private long cpu = THREADS.getCurrentThreadCpuTime();
    private long wall = System.nanoTime();

    /**
     * @return whether CPU time ÷ wall time since the last call is at least {@link #ENOUGH}; true
     *         when the JVM cannot measure a thread's CPU time
     */
    @Override
    public boolean getAsBoolean() {
        long nowCpu = THREADS.getCurrentThreadCpuTime();
        long nowWall = System.nanoTime();
        boolean enough = nowCpu < 0 || nowWall == wall || (double) (nowCpu - cpu) / (nowWall - wall) >= ENOUGH;
        cpu = nowCpu;
        wall = nowWall;
        return enough;
    }
}
