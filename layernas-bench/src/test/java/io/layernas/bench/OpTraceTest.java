package io.layernas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.bench.OpTrace.OpStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpTraceTest {
    @TempDir
    Path directory;

    /** DJL's legacy trace: events out of order, nested, on two threads, with a {@code shape} field. */
    @Test
    void selfTimeIsTheDurationLessThatOfTheOpsCalledOnTheSameThread() throws Exception {
        OpTrace trace = read("""
                [{"name": "aten::empty", "ph": "X", "ts": 20.0, "dur": 5.0, "tid": 1, "shape": [[], []]},
                 {"name": "aten::mkldnn_convolution", "ph": "X", "ts": 10.0, "dur": 80.0, "tid": 1, "shape": [[64, 96, 7, 7], [96, 1, 5, 5]]},
                 {"name": "aten::conv2d", "ph": "X", "ts": 0.0, "dur": 100.0, "tid": 1, "shape": [[64, 96, 7, 7], [96, 1, 5, 5]]},
                 {"name": "aten::empty", "ph": "X", "ts": 30.0, "dur": 50.0, "tid": 2, "shape": [[], []]},
                 {"name": "aten::empty", "ph": "X", "ts": 120.0, "dur": 3.0, "tid": 1, "shape": [[], []]}]
                """);
        assertThat(trace.byName()).containsEntry("aten::conv2d", new OpStats(1, 20))
                .containsEntry("aten::mkldnn_convolution", new OpStats(1, 75))
                .containsEntry("aten::empty", new OpStats(3, 58));
        assertThat(trace.byShape()).containsEntry("aten::mkldnn_convolution [[64, 96, 7, 7], [96, 1, 5, 5]]",
                new OpStats(1, 75));
        assertThat(trace.totalMicros()).isEqualTo(153);
    }

    /** Kineto's trace: only {@code cpu_op} events count, shapes come from {@code args."Input Dims"}. */
    @Test
    void kinetoTracesCountOpsAndSkipAnnotations() throws Exception {
        OpTrace trace = read("""
                {"traceEvents": [
                 {"name": "ProfilerStep#1", "cat": "user_annotation", "ph": "X", "ts": 0, "dur": 500, "tid": 7},
                 {"name": "aten::relu", "cat": "cpu_op", "ph": "X", "ts": 10, "dur": 40, "tid": 7, "args": {"Input Dims": [[64, 16]]}},
                 {"name": "aten::clamp_min", "cat": "cpu_op", "ph": "X", "ts": 15, "dur": 30, "tid": 7, "args": {"Input Dims": [[64, 16], []]}},
                 {"name": "thread_name", "ph": "M", "tid": 7}]}
                """);
        assertThat(trace.byName()).containsOnlyKeys("aten::relu", "aten::clamp_min")
                .containsEntry("aten::relu", new OpStats(1, 10));
        assertThat(trace.byShape()).containsKey("aten::clamp_min [[64, 16], []]");
    }

    @Test
    void theMedianOfRoundsIsTakenPerOpWithMissingOpsAsZero() throws Exception {
        OpTrace a = read("[{\"name\": \"x\", \"ph\": \"X\", \"ts\": 0, \"dur\": 10, \"tid\": 1}]");
        OpTrace b = read("[{\"name\": \"x\", \"ph\": \"X\", \"ts\": 0, \"dur\": 30, \"tid\": 1},"
                + " {\"name\": \"y\", \"ph\": \"X\", \"ts\": 40, \"dur\": 5, \"tid\": 1}]");
        OpTrace c = read("[{\"name\": \"x\", \"ph\": \"X\", \"ts\": 0, \"dur\": 1000, \"tid\": 1}]");
        OpTrace median = OpTrace.median(List.of(a, b, c));
        assertThat(median.byName()).containsEntry("x", new OpStats(1, 30)).containsEntry("y", new OpStats(0, 0));
    }

    private OpTrace read(String json) throws Exception {
        Path file = Files.writeString(directory.resolve("trace.json"), json);
        return OpTrace.read(file);
    }
}
