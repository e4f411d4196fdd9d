package io.layernas.cli.results;

import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Rewrites a run's result files (index.html, CSVs, plots) while it runs, so that a run still going
 * can be opened: when a trial finishes {@link #FIRST_WRITE_NANOS} or more after the run began, then
 * whenever one finishes at least {@link #MIN_INTERVAL_NANOS} after the last write and twenty times as
 * long as that write took (so writing costs at most about 5% of the run; a run of seconds writes its
 * files once, at its end). The written result's stop reason is {@link StopReason#RUNNING}.
 * Used on the search's thread.
 */
public final class LiveResults implements SearchListener {
    /** Least time between two writes: 10 s. */
    public static final long MIN_INTERVAL_NANOS = 10_000_000_000L;
    /** Least time from the start to the first write: 30 s. */
    public static final long FIRST_WRITE_NANOS = 30_000_000_000L;

    private final Path directory;
    private final TargetRange target;
    private final String costUnit;
    private final Function<SearchResult, RunReport> report;
    private final LongSupplier nanoTime;
    private final List<Trial> trials = new ArrayList<>();
    private double trainingSeconds;
    private long nextWrite;
    private int writes;

    /**
     * @param directory the run's output directory
     * @param target    the run's target, for the best trial
     * @param costUnit  the cost model's unit
     * @param report    the report of a (partial) result
     * @param nanoTime  the clock, {@code System::nanoTime} outside tests
     */
    public LiveResults(Path directory, TargetRange target, String costUnit, Function<SearchResult, RunReport> report,
                       LongSupplier nanoTime) {
        this.directory = directory;
        this.target = target;
        this.costUnit = costUnit;
        this.report = report;
        this.nanoTime = nanoTime;
        this.nextWrite = nanoTime.getAsLong() + FIRST_WRITE_NANOS;
    }

    @Override
    public void onEvent(SearchEvent event) {
        if (event instanceof SearchEvent.TrialFinished finished) {
            trials.add(finished.trial());
            trainingSeconds = finished.trainingSeconds();
            long now = nanoTime.getAsLong();
            if (now - nextWrite >= 0) {
                ResultWriter.write(report.apply(partial()), directory);
                writes++;
                long took = nanoTime.getAsLong() - now;
                nextWrite = now + Math.max(MIN_INTERVAL_NANOS, 20 * took);
            }
        }
    }

    /** How many times the files were written. */
    public int writes() {
        return writes;
    }

    /** The trials so far as a result that has not stopped ({@link StopReason#RUNNING}). */
    SearchResult partial() {
        return new SearchResult(Results.best(trials, target), Results.front(trials), trials, trainingSeconds,
                StopReason.RUNNING, null, target, costUnit);
    }
}
