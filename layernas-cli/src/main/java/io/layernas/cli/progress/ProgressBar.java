package io.layernas.cli.progress;

import io.layernas.api.Budget;
import io.layernas.api.EvaluationProgress;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
import io.layernas.api.StopReason;
import io.layernas.api.Trial;
import io.layernas.cli.format.Numbers;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a search's progress: trials done out of the budget, the trial running (its epoch, loss and
 * time, as its evaluator reports them), the best objective meeting the target so far, and the time
 * left. On a terminal it redraws one line (at most ten times a second, and every second while a
 * trial runs); without one it prints a line per finished trial (at most one a second) and, during a
 * long trial, a heartbeat line at most once a minute; quiet, nothing. When the search ends, the last
 * line says how it ended, with a full bar if it completed before its budget. Thread-safe.
 */
public final class ProgressBar implements SearchListener, AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 1_000_000_000L;
    /** Least time between two lines without a terminal while nothing else is printed: a minute. */
    static final long HEARTBEAT_NANOS = 60_000_000_000L;

    /** Where the progress goes. */
    public enum Mode {
        /** Redraw one line in place. */
        TERMINAL,
        /** Print a line per finished trial and a heartbeat during long ones. */
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
    private final Map<Integer, Running> running = new TreeMap<>();
    private ScheduledExecutorService ticker;
    private SearchEvent.TrialFinished last;
    private long lastDraw = Long.MIN_VALUE;
    private long lastLine;
    private boolean ended;

    private record Running(long since, EvaluationProgress progress) {
    }

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
        this.lastLine = start;
    }

    /** The mode for this process: terminal when there is a console, lines otherwise, quiet if asked. */
    public static Mode modeFor(boolean quiet) {
        return quiet ? Mode.QUIET : System.console() != null ? Mode.TERMINAL : Mode.LINES;
    }

    /** Starts a daemon thread that calls {@link #tick()} every second, until {@link #close()}. */
    public synchronized ProgressBar ticking() {
        if (mode != Mode.QUIET && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "layernas-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    @Override
    public synchronized void onEvent(SearchEvent event) {
        if (mode == Mode.QUIET || ended) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (event instanceof SearchEvent.TrialProgress progress) {
            running.compute(progress.trialIndex(), (index, old) ->
                    new Running(old == null ? now : old.since(), progress.progress()));
            redraw(now, false);
        } else if (event instanceof SearchEvent.TrialFinished finished) {
            onTrial(finished, now);
        } else if (event instanceof SearchEvent.SearchFinished finished) {
            end(finished.result().stopReason(), now);
        }
    }

    private void onTrial(SearchEvent.TrialFinished finished, long now) {
        running.remove(finished.trial().index());
        last = finished;
        if (mode == Mode.TERMINAL) {
            redraw(now, fraction(finished) >= 1);
        } else if (now - lastLine >= LINE_NANOS || finished.evaluations() == 1 || fraction(finished) >= 1) {
            print(trialLine(finished.trial()) + "; " + line(finished, fraction(finished), seconds(now)));
            lastLine = now;
        }
    }

    /** Redraws the terminal line, or prints a heartbeat when no line came for a minute. */
    public synchronized void tick() {
        if (mode == Mode.QUIET || ended) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (mode == Mode.TERMINAL) {
            redraw(now, true);
        } else if (now - lastLine >= HEARTBEAT_NANOS) {
            print("still running: " + status(now));
            lastLine = now;
        }
    }

    private void redraw(long now, boolean force) {
        if (mode == Mode.TERMINAL && (force || now - lastDraw >= REDRAW_NANOS)) {
            out.print("\r" + status(now) + "\u001b[K");
            out.flush();
            lastDraw = now;
        }
    }

    private void end(StopReason reason, long now) {
        ended = true;
        running.clear();
        if (last == null) {
            return;
        }
        double fraction = reason == StopReason.COMPLETED || reason == StopReason.BUDGET_EXHAUSTED ? 1 : fraction(last);
        String text = bar(fraction) + last.evaluations() + " trials, " + ended(reason) + best(last)
                + "  elapsed " + duration(seconds(now));
        if (mode == Mode.TERMINAL) {
            out.print("\r" + text + "\u001b[K\n");
            out.flush();
        } else {
            print(text);
        }
    }

    private static String ended(StopReason reason) {
        return switch (reason) {
            case COMPLETED -> "done: the strategy had nothing left to try";
            case BUDGET_EXHAUSTED -> "done: budget spent";
            case TOO_MANY_FAILURES -> "stopped: too many failed trials in a row";
            case INTERRUPTED -> "stopped on request";
            case RUNNING -> "running";
        };
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }

    /** The status line: the bar, the trial running and its epoch, the best so far, the time left. */
    String status(long now) {
        double elapsed = seconds(now);
        if (last == null && running.isEmpty()) {
            return "starting the first trial  elapsed " + duration(elapsed);
        }
        String trial = running.isEmpty() ? "" : runningText(running.entrySet().iterator().next(), now);
        if (last == null) {
            return trial.strip() + "  elapsed " + duration(elapsed);
        }
        String line = line(last, fraction(last), elapsed);
        int trials = line.indexOf(" trials") + " trials".length();
        return line.substring(0, trials) + trial + line.substring(trials);
    }

    private String runningText(Map.Entry<Integer, Running> entry, long now) {
        EvaluationProgress progress = entry.getValue().progress();
        String loss = Double.isNaN(progress.loss()) ? "" : String.format(Locale.ROOT, " loss %.3f", progress.loss());
        return "  trial " + (entry.getKey() + 1) + ": epoch " + Math.min(progress.epoch() + 1, progress.epochs()) + "/"
                + progress.epochs() + loss + " " + duration((now - entry.getValue().since()) / 1e9 + 0.0);
    }

    /** What a finished trial gave: {@code trial 13: 0.8123 at 2.1e6 MAdds in 41s}. */
    String trialLine(Trial trial) {
        String what = trial.succeeded()
                ? String.format(Locale.ROOT, "%.4f at %s", trial.objective(), Numbers.format(trial.cost(), unit))
                : "failed (" + abbreviate(trial.failure(), 80) + ")";
        return "trial " + (trial.index() + 1) + ": " + what + " in " + duration(trial.wallSeconds());
    }

    private static String abbreviate(String text, int max) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
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
        StringBuilder line = new StringBuilder(bar(fraction));
        line.append(event.evaluations());
        if (budget.maxEvaluations() != Long.MAX_VALUE) {
            line.append('/').append(budget.maxEvaluations());
        }
        line.append(" trials").append(best(event));
        if (fraction > 0 && fraction < 1) {
            line.append("  ETA ").append(duration(elapsedSeconds * (1 - fraction) / fraction));
        }
        line.append("  elapsed ").append(duration(elapsedSeconds));
        return line.toString();
    }

    private static String bar(double fraction) {
        if (fraction <= 0) {
            return "";
        }
        int filled = (int) Math.round(fraction * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] ";
    }

    private String best(SearchEvent.TrialFinished event) {
        return event.bestSoFar() == null ? "  best: none in target yet"
                : String.format(Locale.ROOT, "  best %.4f at %s", event.bestSoFar().objective(),
                Numbers.format(event.bestSoFar().cost(), unit));
    }

    private double seconds(long now) {
        return (now - start) / 1e9;
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

    /** Stops the ticking thread. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }
}
