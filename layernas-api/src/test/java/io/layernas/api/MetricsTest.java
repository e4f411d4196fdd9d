package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void aLogIsCutToItsLastFortyLinesAndFourKilobytes() {
        String lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String kept = new Metrics(0.5, 1, Map.of(), lines + "\n\n").log();
        assertThat(kept.lines()).hasSize(Metrics.LOG_LINES).first().isEqualTo("line 61");
        assertThat(kept).endsWith("line 100");

        String wide = "x".repeat(3000) + "\n" + "y".repeat(3000) + "\nlast";
        String cut = Metrics.of(0.5).withLog(wide).log();
        assertThat(cut.length()).isEqualTo(Metrics.LOG_CHARS);
        assertThat(cut.startsWith("...xxx") && cut.endsWith("x\n" + "y".repeat(3000) + "\nlast")).isTrue();
        assertThat(Metrics.tail("\none\ntwo")).isEqualTo("one\ntwo");
        assertThat(Metrics.tail("only")).isEqualTo("only");
    }

    @Test
    void blankLogsAreNone() {
        assertThat(Metrics.of(0.5).log()).isNull();
        assertThat(Metrics.of(0.5).withLog(" \n\t").log()).isNull();
        assertThat(Metrics.of(0.5).withLog("a")).isNotEqualTo(Metrics.of(0.5)).isEqualTo(Metrics.of(0.5).withLog("a\n"));
    }
}
