package io.layernas.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostRange;
import io.layernas.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that once wrapped, clamped or passed as nonsense, and experiment files that are not YAML. */
class BadValuesTest {
    private static final String MINIMAL = "space: nats-sss\ncost: nats-flops\nevaluator: synthetic\n";

    @TempDir
    Path dir;

    private ExperimentConfig load(String yaml, Map<String, String> overrides) {
        return ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", yaml), Overrides.commandLineOnly(overrides));
    }

    private void fails(String key, String value, String message) {
        assertThatThrownBy(() -> load(MINIMAL, Map.of(key, value))).as(key + "=" + value)
                .isInstanceOf(ConfigurationException.class).hasMessage(message);
    }

    @Test
    void integerSettingsNeverWrapOrClamp() {
        fails("run.maxConsecutiveFailures", "4294967297",
                "run.maxConsecutiveFailures (4294967297) must be from 1 to 2147483647. Maybe you meant 20?");
        fails("run.retries", "4294967296", "run.retries (4294967296) must be from 0 to 1000. Maybe you meant 0?");
        fails("run.retries", "2147483648", "run.retries (2147483648) must be from 0 to 1000. Maybe you meant 0?");
        fails("run.workers", "4294967298", "run.workers (4294967298) must be from 1 to 10000. Maybe you meant 1?");
        fails("run.seed", "1e20", "run.seed (1.0E20) must be a whole number from -9223372036854775808 to "
                + "9223372036854775807, like 0.");
        fails("run.seed", "99999999999999999999", "run.seed (99999999999999999999) must be a whole number from "
                + "-9223372036854775808 to 9223372036854775807, like 0.");
        fails("budget.evaluations", "1e30", "budget.evaluations (1.0E30) must be a whole number from "
                + "-9223372036854775808 to 9223372036854775807, like 1000.");
        fails("compare.seeds", "4294967297", "compare.seeds (4294967297) must be from 1 to 1000000. Maybe you meant 10?");
        assertThatThrownBy(() -> load(MINIMAL + "compare: {strategies: [{strategy: random}, {strategy: layernas}]}\n",
                Map.of("compare.seeds", "1000000", "compare.gridPoints", "100000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("compare.seeds (1000000) with compare.gridPoints (100000) and 2 strategies needs "
                        + "up to 3051758 MB for the curves");
        assertThatThrownBy(() -> load(MINIMAL + "run: {seed: 99999999999999999999}\n", Map.of()))
                .hasMessageStartingWith("run.seed (99999999999999999999) must be a whole number from");
        assertThat(load(MINIMAL, Map.of("run.seed", "9223372036854775807")).run().seed()).isEqualTo(Long.MAX_VALUE);
        assertThat(load(MINIMAL, Map.of("run.seed", "2e5")).run().seed()).isEqualTo(200_000);
    }

    @Test
    void nanIsNeverAValueAndInfinityIsSpelledAnyWay() {
        fails("target.low", "NaN", "target.low (NaN) must be a number, or left out.");
        fails("budget.trainingSeconds", "NaN", "budget.trainingSeconds (NaN) must be a positive number, or 'unlimited'.");
        fails("run.timeoutSeconds", "nan", "run.timeoutSeconds (nan) must be a positive number, or 'unlimited'.");
        assertThatThrownBy(() -> load(MINIMAL + "target: {low: 100, high: .nan}\n", Map.of()))
                .hasMessage("target.high (NaN) must be a number, or left out.");
        for (String infinity : List.of("inf", "Infinity", "+inf", "INF", ".inf")) {
            assertThat(load(MINIMAL, Map.of("target.low", "100", "target.high", infinity)).target().high())
                    .as(infinity).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(load(MINIMAL, Map.of("budget.trainingSeconds", infinity)).budget().budget()
                    .maxTrainingSeconds()).as(infinity).isEqualTo(Double.POSITIVE_INFINITY);
        }
        assertThat(load(MINIMAL + "target: {low: 100, high: .inf}\n", Map.of()).target().high()).isInfinite();
    }

    @Test
    void aTimeoutTooShortToRunAnythingIsRefused() {
        fails("run.timeoutSeconds", "0.0001", "run.timeoutSeconds (1.0E-4) must be from 1 to 1e9, or 'unlimited'.");
        fails("run.timeoutSeconds", "1e300", "run.timeoutSeconds (1.0E300) must be from 1 to 1e9, or 'unlimited'.");
        assertThat(load(MINIMAL, Map.of("run.timeoutSeconds", "1.5")).run().timeout()).hasMillis(1500);
    }

    @Test
    void relativeTargetsMustBeFiniteAndTheirReferencePositive() {
        assertThatThrownBy(() -> load(MINIMAL + "target: {fraction: [NaN, 0.5]}\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("target.fraction ([NaN, 0.5]) must be two finite numbers [from, to], e.g. [0.9, 1.0].");
        assertThatThrownBy(() -> load(MINIMAL + "target: {fraction: [0.5, inf]}\n", Map.of()))
                .hasMessageStartingWith("target.fraction ([0.5, inf]) must be two finite numbers");
        assertThatThrownBy(() -> load(MINIMAL + "target: {fraction: [0.9, 1.0], of: -100}\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("target.of (-100) must be a positive cost, e.g. 6e7, or max or default.");
        assertThatThrownBy(() -> load(MINIMAL + "target: {fraction: [0.9, 1.0], of: NaN}\n", Map.of()))
                .hasMessageStartingWith("target.of (NaN) must be max, default or a cost");
        assertThat(load(MINIMAL + "target: {fraction: [0.5, 1.0], of: 200}\n", Map.of()).target()
                .resolve(new CostRange(1, 300), 1, "s", "MFLOPs").high()).isEqualTo(200);
    }

    @Test
    void experimentFilesThatAreNotYamlSayWhat() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("a-run"));
        assertThatThrownBy(() -> ConfigTree.read(directory)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("experiment file " + directory + " is a directory. Give the YAML file, e.g. "
                        + directory.resolve("config.yaml"));
        Path binary = Files.write(dir.resolve("model.yaml"), new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff, 0, 1, 2});
        assertThatThrownBy(() -> ConfigTree.read(binary))
                .hasMessageStartingWith("experiment file " + binary + " is not UTF-8 text (a binary file?)");
        Path nul = Files.write(dir.resolve("nul.yaml"), new byte[] {'a', ':', ' ', 0});
        assertThatThrownBy(() -> ConfigTree.read(nul)).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void duplicateKeysAreAnErrorNotAWarning() {
        assertThatThrownBy(() -> load(MINIMAL + "run: {seed: 1}\nrun: {seed: 2}\n", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is not valid YAML")
                .hasMessageContaining("found duplicate key run");
        assertThatThrownBy(() -> load(MINIMAL + "run: {seed: 1, seed: 2}\n", Map.of()))
                .hasMessageContaining("found duplicate key seed");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsParsed() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, MINIMAL + "evaluator: {name: synthetic, note: \"" + "x".repeat(10_000_000) + "\"}\n");
        assertThatThrownBy(() -> ConfigTree.read(huge)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("experiment file " + huge + " has 10000")
                .hasMessageContaining("more than the 1048576 an experiment file may have");
    }

    @Test
    void aOneElementListStaysAList() {
        ExperimentConfig config = load("space: nats-sss\ncost: nats-flops\nevaluator: {name: command, command: "
                + "['t;touch PWN;']}\n", Map.of());
        assertThat(config.evaluator().values().get("command")).isEqualTo(List.of("t;touch PWN;"));
        assertThat(load(MINIMAL + "compare: {strategies: [{strategy: random}]}\n", Map.of()).compare().labels())
                .containsExactly("random");
    }
}
