package io.layernas.core.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.RandomSpaces;
import io.layernas.core.Runs;
import io.layernas.core.SearchRun;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpoTest {
    /** Six layers of four options; the reward is the share of layers at option 2, at equal cost. */
    private static SearchResult toy(long seed, int evaluations) {
        List<Layer> layers = new ArrayList<>();
        double[][] costs = new double[6][];
        for (int l = 0; l < 6; l++) {
            layers.add(new Layer("l" + l, List.of("a", "b", "c", "d")));
            costs[l] = new double[] {1, 1, 1, 1};
        }
        return SearchRun.builder().space(new SimpleSearchSpace("toy", layers))
                .costModel(new AdditiveCostModel(costs, "cost"))
                .evaluator(request -> Metrics.of(favoured(request.architecture()) / 6.0))
                .strategy(new Ppo(Ppo.Config.paper())).target(TargetRange.atMost(6))
                .budget(Budget.evaluations(evaluations)).seed(seed).build().run();
    }

    private static int favoured(Architecture architecture) {
        int n = 0;
        for (int choice : architecture.choices()) {
            n += choice == 2 ? 1 : 0;
        }
        return n;
    }

    private static double meanFavoured(List<Trial> trials) {
        return trials.stream().mapToInt(t -> favoured(t.architecture())).average().orElseThrow();
    }

    @Test
    void itLearnsToDrawTheRewardedOptions() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Trial> trials = toy(seed, 600).trials();
            double early = meanFavoured(trials.subList(0, 64));
            double late = meanFavoured(trials.subList(trials.size() - 64, trials.size()));
            assertThat(early).as("seed %d early", seed).isLessThan(2.5); // uniform: 1.5
            assertThat(late).as("seed %d late", seed).isGreaterThan(early + 1.0);
        }
    }

    @Test
    void itFindsTheBestModelOfTheToySpace() {
        assertThat(toy(4, 1500).best().objective()).isEqualTo(1.0);
    }

    @Test
    void beatsTheAverageOfARandomInTargetModel() {
        RandomSpaces.Problem problem = RandomSpaces.problem(13, 7, 6, 6);
        TargetRange target = new TargetRange(20, 24);
        double sum = 0;
        for (long seed = 0; seed < 10; seed++) {
            sum += Runs.run(problem, new Ppo(Ppo.Config.paper()), target, Budget.evaluations(300), seed)
                    .bestTrial().map(Trial::objective).orElse(0.0);
        }
        assertThat(sum / 10).isGreaterThan(Runs.randomAverage(problem, target));
    }

    @Test
    void aConvergedPolicyOnAnExhaustedSpaceStops() {
        RandomSpaces.Problem small = RandomSpaces.problem(14, 2, 3, 3);
        SearchResult result = Runs.run(small, new Ppo(Ppo.Config.paper()), TargetRange.unconstrained(),
                Budget.trainingSeconds(1), 5);
        assertThat(result.evaluations()).isLessThanOrEqualTo((int) small.space().architectureCount());
    }

    @Test
    void badSettingsNameTheSettingAndAFix() {
        assertThatThrownBy(() -> new Ppo.Config(16, 8, 10, 0.01, 1.5, 0, 0.9, -0.07, 100))
                .hasMessage("clip (1.5) is out of range. Maybe you meant 0.2?");
        assertThatThrownBy(() -> new Ppo.Config(0, 8, 10, 0.01, 0.2, 0, 0.9, -0.07, 100))
                .hasMessage("trainBatch (0) must be positive. Maybe you meant 16, the paper's?");
        assertThatThrownBy(() -> new Ppo.Config(Integer.MAX_VALUE, 8, 10, 0.01, 0.2, 0, 0.9, -0.07, 100))
                .hasMessageStartingWith("trainBatch (2147483647) needs up to 1048576 MB for one round's actions and "
                        + "trials, more than an eighth of the ")
                .hasMessageEndingWith("Lower it (the paper uses 16), or give the JVM more memory, e.g. "
                        + "LAYERNAS_JAVA_OPTS=-Xmx8g.");
    }
}
