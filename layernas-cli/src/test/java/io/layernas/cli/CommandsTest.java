package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** help, plugins, describe and compare. */
class CommandsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "run", "compare", "plugins", "describe", "evaluate"})
    void helpExitsZeroEverywhere(String command) {
        TestCli.Outcome outcome = command.isEmpty() ? TestCli.run("--help") : TestCli.run(command, "--help");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).startsWith("Usage: layernas" + (command.isEmpty() ? "" : " " + command));
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        TestCli.Outcome outcome = TestCli.run("run", "--frobnicate");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void pluginsListsEveryKindWithTheKeyThatNamesIt() {
        TestCli.Outcome outcome = TestCli.run("plugins");
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.out()).contains("spaces (space.name):", "cost models (cost.name):",
                "evaluators (evaluator.name):", "strategies (search.strategy):", "executors (executor.name):")
                .containsPattern("(?m)^  local +\\S+ +threads of this JVM")
                .containsPattern("(?m)^  slurm +\\S+ +each candidate a Slurm batch job")
                .containsPattern("(?m)^  layernas +\\S+ +LayerNAS, Algorithm 1")
                .containsPattern("(?m)^  nats-sss ");
    }

    @Test
    void describeShowsLayersOptionsAndTheReachableCosts() {
        TestCli.Outcome outcome = TestCli.run("describe", "nats-sss", "--cost", "nats-flops");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        // NATS-Bench's published extremes: 4.481 and 274.40 MFLOPs on CIFAR-10.
        assertThat(outcome.out()).contains("space nats-sss: 5 layers, 32768 architectures, sum |S| = 40",
                "layer1.channels", "64 56 48 40 32 24 16 8",
                "reachable cost: [4.481, 274.4] MFLOPs; default architecture: 274.4 MFLOPs");
    }

    @Test
    void helpAndAnUnknownCommandPrintNoPicocliWarning() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            TestCli.Outcome help = TestCli.run("--help");
            TestCli.Outcome unknown = TestCli.run("foo");
            assertThat(help.out() + help.err() + unknown.out() + unknown.err()).doesNotContain("picocli WARN")
                    .contains("25-75% band");
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nats-tss", "nats-tss-edges", "nats-sss", "mobilenet-v3-large", "mobilenet-v2-1.4x", "mobilenet-mini",
            "nasbench101"})
    void describeFitsATerminalOf120Columns(String space) {
        TestCli.Outcome outcome = TestCli.run("describe", space, "--cost", space.startsWith("mobilenet") ? "madds"
                : space.equals("nasbench101") ? "nasbench101-edges" : "nats-flops");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
    }

    @Test
    void describeAnArchitectureGivesItsLayersAndCost() {
        TestCli.Outcome outcome = TestCli.run("describe", "nats-sss", "8:8:8:8:8", "--cost", "nats-flops");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("architecture 8:8:8:8:8 (option indices 7-7-7-7-7)", "residual_block",
                "cost: 4.481 MFLOPs");
        TestCli.Outcome byIndex = TestCli.run("describe", "nats-sss", "7-7-7-7-7", "--cost", "nats-flops");
        assertThat(byIndex.out()).isEqualTo(outcome.out());
    }

    @Test
    void describeAMobileNetArchitectureGivesThePerLayerTable() {
        String defaults = String.join("-", java.util.Collections.nCopies(17, "0"));
        TestCli.Outcome outcome = TestCli.run("describe", "mobilenet-v3-small", defaults, "--cost", "madds");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out())
                .containsPattern("#\\s+layer\\s+input\\s+operator\\s+filters\\s+expanded\\s+stride\\s+SE\\s+act"
                        + "\\s+MAdds\\s+params")
                .containsPattern("block2.layer1\\s+56x56x24\\s+bneck 5x5\\s+36\\s+144\\s+2")
                .contains("cost: 1.797e8 MAdds");
    }

    @Test
    void describeRejectsAnArchitectureOfAnotherShape() {
        TestCli.Outcome outcome = TestCli.run("describe", "nats-sss", "64:64");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: ARCH (64:64) is not an architecture of space 'nats-sss': ");
    }

    @Test
    void describeReadsTheSpaceOfAnExperimentFile() {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        TestCli.Outcome outcome = TestCli.run("describe", config.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("space nats-sss", "cost, this layer free (MFLOPs)");
    }

    @Test
    void compareWritesTheCurvesTheTableAndThePage() throws Exception {
        Path config = TestCli.yaml(dir, "cmp.yaml", TestCli.smallExperiment().replace("budget: {evaluations: 60}",
                "budget: {evaluations: 30}") + """
                compare:
                  strategies: [{strategy: layernas, bucketCount: 10}, {strategy: random}]
                  seeds: 2
                  gridPoints: 10
                """);
        Path out = dir.resolve("cmp");
        TestCli.Outcome outcome = TestCli.run("compare", config.toString(), "-o", out.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("| layernas |", "| random |", "results in " + out);
        for (String file : new String[] {"summary.csv", "curves.csv", "runs.csv", "summary.md", "compare-valid.png",
                "compare-valid.svg", "index.html", "config.yaml"}) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("layernas,2,"))
                .anySatisfy(line -> assertThat(line).startsWith("random,2,"));
        // the budget limits trials only, so the curves run over trials, up to the 30 of the budget
        assertThat(Files.readString(out.resolve("curves.csv"))).contains("layernas,valid,evaluations,30.0,");
        // the legend names every strategy; the 25-75% bands are filled, translucent paths
        assertThat(Files.readString(out.resolve("compare-valid.svg"))).contains(">layernas<", ">random<", "fill-opacity:0.2");
    }

    @Test
    void compareWithoutACompareSectionSaysWhatToAdd() {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        TestCli.Outcome outcome = TestCli.run("compare", config.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("has no compare section. Add one, e.g. compare: {strategies: ");
    }
}
