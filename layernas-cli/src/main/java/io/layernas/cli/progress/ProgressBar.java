package io.layernas.cli.progress;

import io.layernas.api.Budget;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
import io.layernas.cli.config.Numbers;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a search's progress: trials done out of the budget, the best objective meeting the target
 * so far, and the time left. On a terminal it redraws one line (at most ten times a second); when
 * the output is not a terminal it prints a plain line at every tenth of the budget; quiet, nothing.
 * Used on the search's thread only.
 */
public final class ProgressBar implements SearchListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    /** Where the progress goes. */
    public enum Mode {
        /** Redraw one line in place. */
        TERMINAL,
        /** Print a line at every tenth of the budget. */
        LINES,
        /** Print nothing. */
        QUIET
    }

    private final PrintStream out;
    private final Budget budget;
    private final String unit;
    private final Mode mode;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private int lastTenth;
    private String lastLine = "";

    /**
     * @param out      where to draw
     * @param budget   the run's budget, for the fraction done
     * @param unit     the cost unit, e.g. {@code MAdds}
     * @param mode     how to draw
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    public ProgressBar(PrintStream out, Budget budget, String unit, Mode mode, LongSupplier nanoTime) {
        this.out = out;
        this.budget = budget;
        this.unit = unit;
        this.mode = mode;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** The mode for this process: terminal when there is a console, lines otherwise, quiet if asked. */
    public static Mode modeFor(boolean quiet) {
        return quiet ? Mode.QUIET : System.console() != null ? Mode.TERMINAL : Mode.LINES;
    }

    @Override
    public void onEvent(SearchEvent event) {
        if (mode == Mode.QUIET) {
            return;
        }
        if (event instanceof SearchEvent.TrialFinished finished) {
            onTrial(finished);
        } else if (event instanceof SearchEvent.SearchFinished && mode == Mode.TERMINAL && !lastLine.isEmpty()) {
            out.print("\r" + lastLine + "\n");
            out.flush();
        }
    }

    private void onTrial(SearchEvent.TrialFinished event) {
        long now = nanoTime.getAsLong();
        double fraction = fraction(event);
        lastLine = line(event, fraction, (now - start) / 1e9);
        if (mode == Mode.TERMINAL) {
            if (now - lastDraw >= REDRAW_NANOS || fraction >= 1) {
                out.print("\r" + lastLine + "\u001b[K");
                out.flush();
                lastDraw = now;
            }
        } else {
            int tenth = (int) Math.floor(fraction * 10 + 1e-9);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(lastLine);
            }
        }
    }

    /** The share of the budget spent, in [0, 1]; 0 when the budget is unlimited. */
    double fraction(SearchEvent.TrialFinished event) {
        double byCount = budget.maxEvaluations() == Long.MAX_VALUE ? 0
                : (double) event.evaluations() / budget.maxEvaluations();
        double byTime = Double.isInfinite(budget.maxTrainingSeconds()) ? 0
                : event.trainingSeconds() / budget.maxTrainingSeconds();
        return Math.min(1, Math.max(byCount, byTime));
    }

    /** The text of one progress line. */
    String line(SearchEvent.TrialFinished event, double fraction, double elapsedSeconds) {
        StringBuilder line = new StringBuilder();
        if (fraction > 0) {
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        }
        line.append(event.evaluations());
        if (budget.maxEvaluations() != Long.MAX_VALUE) {
            line.append('/').append(budget.maxEvaluations());
        }
        line.append(" trials");
        line.append(event.bestSoFar() == null ? "  best: none in target yet"
                : String.format(Locale.ROOT, "  best %.4f at %s", event.bestSoFar().objective(),
                Numbers.format(event.bestSoFar().cost(), unit)));
        if (fraction > 0 && fraction < 1) {
            line.append("  ETA ").append(duration(elapsedSeconds * (1 - fraction) / fraction));
        }
        line.append("  elapsed ").append(duration(elapsedSeconds));
        return line.toString();
    }

    /** {@code 1h02m}, {@code 4m05s}, {@code 12s}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }
}
