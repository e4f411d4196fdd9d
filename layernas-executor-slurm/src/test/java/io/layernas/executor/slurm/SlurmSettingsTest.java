package io.layernas.executor.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.RemoteEvaluation;
import io.layernas.api.Settings;
import io.layernas.core.SimpleSearchSpace;
import io.layernas.core.SyntheticEvaluator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slurm executor's settings and the checks that need no cluster. */
class SlurmSettingsTest {
    @TempDir
    Path dir;

    private SlurmSettings read(Map<String, Object> values) {
        return SlurmSettings.from(new Settings("executor", values, dir), dir.resolve("run"));
    }

    @Test
    void defaultsAskSlurmForOneCpuAndKeepFilesInTheRunDirectory() {
        SlurmSettings settings = read(Map.of());
        assertThat(settings.sbatchOptions()).containsExactly("--cpus-per-task=1");
        assertThat(settings.maxJobs()).isEqualTo(100);
        assertThat(settings.sharedDirectory()).isEqualTo(dir.resolve("run/slurm").toAbsolutePath());
        assertThat(settings.poll()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.cancelOnExit()).isFalse();
    }

    @Test
    void everySettingBecomesOneSbatchArgument() {
        SlurmSettings settings = read(Map.of("partition", "gpu", "gres", "gpu:a100:1", "cpusPerTask", 8, "memory", "32G",
                "timeLimit", "4:00:00", "extraArgs", List.of("--account=nas lab", "--qos=normal"),
                "sharedDirectory", "/scratch/me/nas"));
        assertThat(settings.sbatchOptions()).containsExactly("--partition=gpu", "--gres=gpu:a100:1",
                "--cpus-per-task=8", "--mem=32G", "--time=4:00:00", "--account=nas lab", "--qos=normal");
        assertThat(settings.sharedDirectory()).isEqualTo(Path.of("/scratch/me/nas"));
    }

    @Test
    void valuesSlurmWouldRejectFailHereNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("memory", "lots")))
                .hasMessage("executor.memory (lots) is not a size such as 16G.");
        assertThatThrownBy(() -> read(Map.of("timeLimit", "2h")))
                .hasMessageStartingWith("executor.timeLimit (2h) is not a Slurm time such as 90 (minutes)");
        assertThatThrownBy(() -> read(Map.of("partition", "gpu; rm -rf ~")))
                .hasMessageStartingWith("executor.partition (gpu; rm -rf ~) is not a partition name");
        assertThatThrownBy(() -> read(Map.of("extraArgs", List.of("--account=x", "job.sh"))))
                .hasMessageStartingWith("executor.extraArgs holds 'job.sh', which is not an sbatch option.");
        assertThatThrownBy(() -> read(Map.of("maxJobs", 0)))
                .hasMessage("executor.maxJobs (0) must be at least 1, e.g. 100.");
    }

    @Test
    void withoutSlurmsToolsOnThePathTheExecutorIsRefusedNamingTheFix() {
        SlurmExecutorProvider provider = new SlurmExecutorProvider(Map.of("PATH", dir.toString()));
        SimpleSearchSpace space = new SimpleSearchSpace("t", List.of(new Layer("a", List.of("0", "1"))));
        ExecutorSetup setup = new ExecutorSetup(space, new SyntheticEvaluator(1, 0, 1), 1, dir, new RemoteEvaluation() {
            @Override
            public String encode(EvaluationRequest request) {
                return "{}";
            }

            @Override
            public List<String> command(Path requestFile, Path resultFile) {
                return List.of("true");
            }

            @Override
            public Metrics decode(String result) {
                return Metrics.of(0);
            }
        });
        assertThatThrownBy(() -> provider.create(setup, new Settings("executor", Map.of(), dir)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("sbatch, squeue, scontrol, scancel not found in the PATH (" + dir + ").")
                .hasMessageContaining("set executor.slurmBin to the directory that holds sbatch");
        assertThatThrownBy(() -> provider.create(new ExecutorSetup(space, new SyntheticEvaluator(1, 0, 1), 1, dir, null),
                new Settings("executor", Map.of(), dir)))
                .hasMessageContaining("needs a run started by the layernas command line");
    }

    @Test
    void jobsThatEndWithoutAnExitCodeAreExplainedByTheirState() {
        SlurmSettings settings = read(Map.of("timeLimit", "30"));
        assertThat(Outcomes.noExitCode("7", new String[] {"TIMEOUT", "TimeLimit"}, settings, "(empty)"))
                .startsWith("Slurm job 7 hit its time limit (TIMEOUT, executor.timeLimit 30) and was killed.");
        assertThat(Outcomes.noExitCode("8", new String[] {"NODE_FAIL", "None"}, settings, "x"))
                .contains("lost with its node");
        assertThat(Outcomes.noExitCode("9", null, settings, "x")).contains("Slurm no longer knows it");
        assertThat(Outcomes.ended("RUNNING")).isFalse();
        assertThat(Outcomes.ended("CANCELLED")).isTrue();
    }
}
