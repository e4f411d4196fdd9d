package io.layernas.cli.progress;

import io.layernas.core.compare.Comparison;
import io.layernas.core.compare.RunCurve;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of a comparison: runs done out of all (strategies x seeds) and the time left; drawn
 * like {@link ProgressBar}. Thread-safe: runs end on worker threads.
 */
public final class RunsProgress implements Comparison.Progress {
    private final PrintStream out;
    private final ProgressBar.Mode mode;
    private final LongSupplier nanoTime;
    private final long start;
    private int lastTenth;

    /** Progress to {@code out} in {@code mode}. */
    public RunsProgress(PrintStream out, ProgressBar.Mode mode, LongSupplier nanoTime) {
        this.out = out;
        this.mode = mode;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public synchronized void runFinished(RunCurve run, int done, int total) {
        if (mode == ProgressBar.Mode.QUIET) {
            return;
        }
        double fraction = (double) done / total;
        double elapsed = (nanoTime.getAsLong() - start) / 1e9;
        int filled = (int) Math.round(fraction * 30);
        String line = "[" + "#".repeat(filled) + ".".repeat(30 - filled) + "] " + done + "/" + total + " runs  last: "
                + run.strategy() + " seed " + run.seed() + (done < total
                ? "  ETA " + ProgressBar.duration(elapsed * (1 - fraction) / fraction) : "")
                + "  elapsed " + ProgressBar.duration(elapsed);
        if (mode == ProgressBar.Mode.TERMINAL) {
            out.print("\r" + line + "\u001b[K" + (done == total ? "\n" : ""));
            out.flush();
        } else {
            int tenth = (int) Math.floor(fraction * 10 + 1e-9);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(line);
            }
        }
    }
}
