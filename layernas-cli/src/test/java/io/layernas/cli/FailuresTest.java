package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.layernas.cli.results.TrialJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailuresTest {
    @TempDir
    Path dir;

    @Test
    void tooManyFailuresStopTheRunWithExitCode3AndSayWhy() throws Exception {
        Path config = TestCli.yaml(dir, "fail.yaml", TestCli.smallExperiment()
                .replaceAll("(?m)^evaluator:.*$", "evaluator: {name: test-failing, message: out of memory}")
                .replace("run: {seed: 7}", "run: {seed: 7, maxConsecutiveFailures: 3, retries: 1}"));
        Path out = dir.resolve("out");
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "-o", out.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
        assertThat(outcome.out()).contains("stopped         too many failures", "because         3 trials failed in a row",
                "best            none met the target", "what to do      fix the evaluator and resume",
                "raise run.maxConsecutiveFailures");
        JsonNode result = TrialJson.MAPPER.readTree(out.resolve("result.json").toFile());
        assertThat(result.get("stopReason").asText()).isEqualTo("TOO_MANY_FAILURES");
        assertThat(result.get("failed").asInt()).isEqualTo(3);
        assertThat(result.get("best").isNull()).isTrue();
        assertThat(result.at("/provenance/run/abortReason").asText()).contains("out of memory");
        assertThat(Files.readAllLines(out.resolve("trials.jsonl"))).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("\"status\":\"FAILED\"", "\"attempts\":2",
                        "out of memory"));
        assertThat(out.resolve("index.html")).isNotEmptyFile();
        io.layernas.store.RunStatus status = io.layernas.store.RunStatus.read(out).orElseThrow();
        assertThat(status.effectiveState()).as("what the dashboard shows").isEqualTo(io.layernas.store.RunStatus.State.FAILED);
        assertThat(status.facts()).containsEntry("stopReason", "TOO_MANY_FAILURES");
    }
}
