package io.layernas.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    void withoutATerminalItPrintsAtEveryTenthOnly() {
        ProgressBar bar = new ProgressBar(out, Budget.evaluations(100), "MAdds", ProgressBar.Mode.LINES, clock::get);
        for (int i = 1; i <= 100; i++) {
            clock.addAndGet(1_000_000_000L);
            bar.onEvent(finished(i, null));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(10)
                .first().asString().startsWith("[###...........................] 10/100 trials");
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
