package io.layernas.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.EvaluationProgress;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static SearchEvent.TrialFinished finished(int done, Trial best) {
        Trial trial = new Trial(done - 1, Architecture.of(done), 0, 0, 5, TrialStatus.SUCCEEDED, Metrics.of(0.5), null,
                0, 1);
        return new SearchEvent.TrialFinished(trial, done, done * 10.0, best);
    }

    @Test
    void aLineShowsTrialsBestAndTimeLeft() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(100), "MAdds", ProgressBar.Mode.LINES, clock::get);
        Trial best = new Trial(3, Architecture.of(3), 0, 0, 5.7e7, TrialStatus.SUCCEEDED, Metrics.of(0.91234), null, 0, 1);
        // 25 of 100 trials in 30 s: 90 s to go.
        assertThat(bar.line(finished(25, best), 0.25, 30))
                .isEqualTo("[########......................] 25/100 trials  best 0.9123 at 5.7e7 MAdds  ETA 1m30s  elapsed 30s");
        assertThat(bar.line(finished(1, null), 0.01, 1)).contains("best: none in target yet");
    }

    @Test
    void theFractionIsTheLargerOfTrialsAndTrainingTimeSpent() {
        ProgressBar bar = new ProgressBar(out, new Budget(100, 500), "MAdds", ProgressBar.Mode.LINES, clock::get);
        assertThat(bar.fraction(finished(10, null))).isEqualTo(0.2); // 100 of 500 training seconds
    }

    @Test
    void withoutATerminalItPrintsALinePerFinishedTrialButAtMostOneASecond() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(100), "MAdds", ProgressBar.Mode.LINES, clock::get);
        for (int i = 1; i <= 20; i++) {
            clock.addAndGet(1_000_000_000L);
            bar.onEvent(finished(i, null));
        }
        for (int i = 21; i <= 100; i++) {
            clock.addAndGet(100_000_000L); // ten trials a second: one line a second
            bar.onEvent(finished(i, null));
        }
        List<String> lines = text().lines().toList();
        assertThat(lines).hasSize(20 + 8);
        assertThat(lines.get(0)).startsWith("trial 1: 0.5000 at 5 MAdds in 0s; [....").contains("1/100 trials");
        assertThat(lines.get(lines.size() - 1)).startsWith("trial 100: ").contains("100/100 trials");
    }

    @Test
    void withoutATerminalALongTrialGetsAHeartbeatAtMostOnceAMinuteWithItsEpochAndLoss() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(10), "MAdds", ProgressBar.Mode.LINES, clock::get);
        bar.onEvent(finished(1, null));
        bar.onEvent(new SearchEvent.TrialProgress(1, Architecture.of(1), new EvaluationProgress(2, 5, 0.8421, 30)));
        clock.addAndGet(59_000_000_000L);
        bar.tick();
        assertThat(text().lines()).hasSize(1);
        clock.addAndGet(2_000_000_000L);
        bar.tick();
        clock.addAndGet(30_000_000_000L);
        bar.tick();
        List<String> lines = text().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("still running: [###...").contains("1/10 trials  trial 2: epoch 3/5 loss 0.842 1m01s")
                .contains("ETA").contains("elapsed 1m01s");
    }

    @Test
    void aSearchThatEndsBeforeItsBudgetEndsWithAFullBarAndNoTimeLeft() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(3000), "MAdds", ProgressBar.Mode.TERMINAL, clock::get);
        clock.addAndGet(1_000_000_000L);
        bar.onEvent(finished(339, null));
        bar.onEvent(new SearchEvent.SearchFinished(new SearchResult(null, List.of(), List.of(), 0, StopReason.COMPLETED,
                null, io.layernas.api.TargetRange.unconstrained(), "MAdds")));
        String lastLine = text().substring(text().lastIndexOf('\r') + 1);
        assertThat(lastLine).startsWith("[" + "#".repeat(30) + "] 339 trials, done: the strategy had nothing left to try")
                .doesNotContain("ETA").endsWith("\n");
    }

    @Test
    void anInterruptedSearchKeepsItsBarWhereItStopped() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(100), "MAdds", ProgressBar.Mode.LINES, clock::get);
        bar.onEvent(finished(25, null));
        bar.onEvent(new SearchEvent.SearchFinished(new SearchResult(null, List.of(), List.of(), 0,
                StopReason.INTERRUPTED, null, io.layernas.api.TargetRange.unconstrained(), "MAdds")));
        assertThat(text().lines().toList()).last().asString()
                .startsWith("[########......................] 25 trials, stopped on request");
    }

    @Test
    void onATerminalTheLineShowsTheRunningTrialsEpoch() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(100), "MAdds", ProgressBar.Mode.TERMINAL, clock::get);
        bar.onEvent(finished(12, null));
        bar.onEvent(new SearchEvent.TrialProgress(12, Architecture.of(12), new EvaluationProgress(0, 5, Double.NaN, 0)));
        clock.addAndGet(41_000_000_000L);
        assertThat(bar.status(clock.get())).startsWith("[####..........................] 12/100 trials  trial 13: epoch 1/5 41s  best: none");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quietPrintsNothing() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(10), "MAdds", ProgressBar.Mode.QUIET, clock::get);
        for (int i = 1; i <= 10; i++) {
            bar.onEvent(finished(i, null));
        }
        assertThat(bytes.size()).isZero();
    }

    @Test
    void onATerminalItRedrawsOneLine() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(3), "MAdds", ProgressBar.Mode.TERMINAL, clock::get);
        for (int i = 1; i <= 3; i++) {
            clock.addAndGet(200_000_000L);
            bar.onEvent(finished(i, null));
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").doesNotContain("\n").contains("3/3 trials");
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(ProgressBar.duration(12)).isEqualTo("12s");
        assertThat(ProgressBar.duration(245)).isEqualTo("4m05s");
        assertThat(ProgressBar.duration(3720)).isEqualTo("1h02m");
    }
}
