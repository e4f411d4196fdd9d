package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.layernas.api.TargetRange;
import io.layernas.api.Architecture;
import io.layernas.api.Trial;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.results.TrialJson;
import io.layernas.core.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code layernas run} end to end: every output file, and result.json agrees with the trials. */
class RunCommandTest {
    @TempDir
    Path dir;


    @Test
    void writesEveryOutputFileAndAResultThatAgreesWithTheTrials() throws Exception {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path out = dir.resolve("out");
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "--output", out.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("layernas on nats-sss (32768 architectures, 5 layers)", "results in " + out);
        for (String file : List.of("trials.jsonl", "result.json", "config.yaml", "trials.csv", "front.csv",
                "best-so-far.csv", "best-so-far.png", "best-so-far.svg", "cost-objective.png", "cost-objective.svg",
                "index.html")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        List<Trial> trials = TestCli.trials(out);
        JsonNode result = TrialJson.MAPPER.readTree(out.resolve("result.json").toFile());
        assertThat(trials).hasSize(60);
        assertThat(result.get("evaluations").asInt()).isEqualTo(60);
        assertThat(result.get("stopReason").asText()).isEqualTo("BUDGET_EXHAUSTED");

        TargetRange target = new TargetRange(result.at("/target/low").asDouble(), result.at("/target/high").asDouble());
        Trial best = Results.best(trials, target);
        assertThat(best).isNotNull();
        assertThat(TrialJson.fromJson(result.get("best"))).isEqualTo(best);
        assertThat(best.objective()).isEqualTo(trials.stream().filter(t -> target.contains(t.cost()))
                .mapToDouble(Trial::objective).max().orElseThrow());
        List<Trial> front = new ArrayList<>();
        result.get("front").forEach(node -> front.add(TrialJson.fromJson(node)));
        assertThat(front).isEqualTo(Results.front(trials));

        JsonNode provenance = result.get("provenance");
        assertThat(provenance.get("seed").asLong()).isEqualTo(7);
        assertThat(provenance.at("/config/search/bucketCount").asInt()).isEqualTo(20);
        assertThat(provenance.at("/plugins/strategy/name").asText()).isEqualTo("layernas");
        assertThat(provenance.at("/plugins/space/version").asText()).isNotBlank();

        assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(61)
                .first().asString().startsWith("index,architecture,layer,bucket,cost,status,objective");
        assertThat(Files.readAllLines(out.resolve("front.csv"))).hasSize(front.size() + 1);
        byte[] png = Files.readAllBytes(out.resolve("cost-objective.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("cost-objective.svg").toFile());
        assertThat(Files.readString(out.resolve("index.html")))
                .contains("best-so-far.svg", "cost-objective.svg", "result.json", "found at trial");
    }

    @Test
    void theStoredConfigRepeatsTheRunExactly() throws Exception {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertThat(TestCli.run("run", config.toString(), "-o", first.toString(), "-q").exitCode()).isZero();
        assertThat(TestCli.run("run", first.resolve("config.yaml").toString(), "-o", second.toString(), "-q").exitCode())
                .isZero();
        assertThat(TestCli.withoutTimes(TestCli.trials(second))).isEqualTo(TestCli.withoutTimes(TestCli.trials(first)));
    }

    @Test
    void overridesChangeTheRunAndLandInTheStoredConfig() throws Exception {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path out = dir.resolve("out");
        TestCli.Outcome outcome = TestCli.run(PluginRegistry.fromClassPath(), Map.of("LAYERNAS_RUN_SEED", "11"),
                "run", config.toString(), "-o", out.toString(), "-D", "budget.evaluations=25", "-q");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).isEmpty();
        assertThat(TestCli.trials(out)).hasSize(25);
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("evaluations: 25").contains("seed: 11");
    }

    @Test
    void resumeReplaysTheStoredTrialsAndEndsWhereAnUninterruptedRunEnds() throws Exception {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path whole = dir.resolve("whole");
        Path interrupted = dir.resolve("interrupted");
        assertThat(TestCli.run("run", config.toString(), "-o", whole.toString(), "-q").exitCode()).isZero();
        assertThat(TestCli.run("run", config.toString(), "-o", interrupted.toString(), "-q").exitCode()).isZero();
        // A crash after the 20th trial: each trial is one transaction, so the store keeps exactly 20.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + interrupted.resolve("trials.db"));
             Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM trial_value WHERE idx >= 20");
            statement.executeUpdate("DELETE FROM trial WHERE idx >= 20");
        }
        Files.delete(interrupted.resolve("trials.jsonl"));
        Files.delete(interrupted.resolve("result.json"));

        TestCli.Outcome resumed = TestCli.run("run", "--resume", interrupted.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming: 20 stored trials are replayed");
        assertThat(TestCli.withoutTimes(TestCli.trials(interrupted))).isEqualTo(TestCli.withoutTimes(TestCli.trials(whole)));
        assertThat(interrupted.resolve("result.json")).isNotEmptyFile();
    }

    @Test
    void aResumedRunCanBeGivenALargerBudgetButNotAnotherSeed() throws Exception {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path whole = dir.resolve("whole");
        Path extended = dir.resolve("extended");
        assertThat(TestCli.run("run", config.toString(), "-o", whole.toString(), "-q").exitCode()).isZero();
        assertThat(TestCli.run("run", config.toString(), "-o", extended.toString(), "-q",
                "-D", "budget.evaluations=25").exitCode()).isZero();

        TestCli.Outcome otherSeed = TestCli.run("run", "--resume", extended.toString(), "-D", "run.seed=8", "-q");
        assertThat(otherSeed.exitCode()).isEqualTo(2);
        assertThat(otherSeed.err()).contains("belongs to another run").contains("same configuration and seed");

        TestCli.Outcome more = TestCli.run("run", "--resume", extended.toString(), "-D", "budget.evaluations=60",
                "-D", "run.workers=2", "-q");
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(TestCli.withoutTimes(TestCli.trials(extended))).isEqualTo(TestCli.withoutTimes(TestCli.trials(whole)));
    }

    @Test
    void theSummaryComparesTheBestWithTheBaselineNetwork() throws Exception {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path out = dir.resolve("out");
        // A target the default architecture (274.4 MFLOPs) can reach, and all 8 first-layer options
        // generated in the first pass, so that the default is trained.
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "-o", out.toString(),
                "-D", "target.high=280", "-D", "search.children=8");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        Trial baseline = TestCli.trials(out).stream().filter(t -> t.architecture().equals(Architecture.defaults(5)))
                .findFirst().orElseThrow();
        assertThat(outcome.out()).contains("baseline        " + String.format(java.util.Locale.ROOT, "%.4f",
                baseline.objective()) + " at ").contains("(the default architecture 64:64:64:64:64)");
    }

    @Test
    void aConfigurationErrorExitsWith2BeforeAnythingIsWritten() {
        Path config = TestCli.yaml(dir, "bad.yaml", TestCli.smallExperiment().replace("layernas,", "layernass,"));
        Path out = dir.resolve("out");
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "-o", out.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: search.strategy (layernass) is not a known strategy. "
                + "Did you mean 'layernas'?");
        assertThat(out).doesNotExist();
    }

    @Test
    void anExistingRunIsNotOverwritten() {
        Path config = TestCli.yaml(dir, "small.yaml", TestCli.smallExperiment());
        Path out = dir.resolve("out");
        assertThat(TestCli.run("run", config.toString(), "-o", out.toString(), "-q").exitCode()).isZero();
        TestCli.Outcome again = TestCli.run("run", config.toString(), "-o", out.toString(), "-q");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("--output (" + out + ") already holds a run. Resume it with 'layernas run "
                + "--resume " + out + "'");
    }

    @Test
    void aThirdPartyPluginRunsFromItsOwnJar() throws Exception {
        Path config = TestCli.yaml(dir, "grid.yaml", """
                space: {name: example-grid, layers: 4, options: 3}
                cost: {name: example-units}
                target: {low: 12, high: 18}
                evaluator: {name: example-score}
                search: {strategy: layernas, bucketCount: 10, perBucket: 2}
                budget: {evaluations: 40}
                """);
        Path out = dir.resolve("out");
        TestCli.Outcome outcome = TestCli.run(PluginRegistry.load(TestCli.withExamplePlugin()), Map.of(), "run",
                config.toString(), "-o", out.toString(), "-q");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode result = TrialJson.MAPPER.readTree(out.resolve("result.json").toFile());
        assertThat(result.at("/provenance/plugins/space/location").asText()).endsWith("layernas-example-plugin.jar");
        assertThat(result.at("/best/cost").asDouble()).isBetween(12.0, 18.0);
    }

    /** Trials without wall-clock times, which differ between runs. */
}
