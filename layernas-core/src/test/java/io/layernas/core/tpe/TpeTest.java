package io.layernas.core.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.SearchRun;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpeTest {
    /** 4 layers of 5 options; option 3 adds 0.1 to the accuracy, the others 0.01 * option; cost = option. */
    private static final SimpleSearchSpace SPACE = new SimpleSearchSpace("additive", layers(4, 5));
    private static final AdditiveCostModel COSTS = new AdditiveCostModel(table(4, 5, o -> o), "cost");
    private static final int GOOD = 3;

    private static SearchResult run(Tpe.Config config, TargetRange target, int evaluations, long seed) {
        return SearchRun.builder().space(SPACE).costModel(COSTS)
                .evaluator(request -> Metrics.of(accuracy(request.architecture())))
                .strategy(new Tpe(config)).target(target).budget(Budget.evaluations(evaluations)).seed(seed)
                .build().run();
    }

    private static double accuracy(Architecture architecture) {
        double total = 0;
        for (int l = 0; l < architecture.size(); l++) {
            total += architecture.choice(l) == GOOD ? 0.1 : 0.01 * architecture.choice(l);
        }
        return total;
    }

    @Test
    void optunasGammaAndWeights() {
        assertThat(Tpe.gamma(10)).isEqualTo(1);
        assertThat(Tpe.gamma(11)).isEqualTo(2);
        assertThat(Tpe.gamma(100)).isEqualTo(10);
        assertThat(Tpe.gamma(1000)).isEqualTo(25);
        assertThat(CategoricalParzen.defaultWeights(3)).containsExactly(1, 1, 1);
        double[] ramp = CategoricalParzen.defaultWeights(30);
        assertThat(ramp).hasSize(30);
        // numpy.linspace(1/30, 1, 5) then 25 ones
        assertThat(ramp[0]).isCloseTo(1.0 / 30, within(1e-12));
        assertThat(ramp[1]).isCloseTo(1.0 / 30 + (1 - 1.0 / 30) / 4, within(1e-12));
        assertThat(ramp[4]).isCloseTo(1.0, within(1e-12));
        assertThat(ramp[29]).isEqualTo(1.0);
    }

    @Test
    void theCategoricalEstimatorIsOptunasMixture() {
        // 3 choices, observations 0, 0, 2, prior weight 1: 4 kernels of weight 1/4; an observation's
        // kernel is (1/4 + [x = obs]) / 1.75, the prior's uniform.
        double[] p = new CategoricalParzen(3, new int[] {0, 0, 2}, 1.0).probabilities();
        assertThat(p[0]).isCloseTo(0.25 * (2 * 1.25 / 1.75 + 0.25 / 1.75 + 1.0 / 3), within(1e-12));
        assertThat(p[1]).isCloseTo(0.25 * (3 * 0.25 / 1.75 + 1.0 / 3), within(1e-12));
        assertThat(p[2]).isCloseTo(0.25 * (2 * 0.25 / 1.75 + 1.25 / 1.75 + 1.0 / 3), within(1e-12));
        assertThat(new CategoricalParzen(4, new int[0], 1.0).probabilities()).containsExactly(0.25, 0.25, 0.25, 0.25);
        // The joint density of one layer is the univariate one.
        CategoricalParzen[] one = {new CategoricalParzen(3, new int[] {0, 0, 2}, 1.0)};
        assertThat(Math.exp(Expectation.logPdf(one, new int[] {2}))).isCloseTo(p[2], within(1e-12));
    }

    @Test
    void drawsFromTheBelowEstimatorFollowItsDensity() {
        CategoricalParzen estimator = new CategoricalParzen(3, new int[] {0, 0, 2}, 1.0);
        double[] p = estimator.probabilities();
        int[] hits = new int[3];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            hits[estimator.drawFromKernel(estimator.drawKernel(random), random)]++;
        }
        for (int c = 0; c < 3; c++) {
            assertThat(hits[c] / (double) draws).isCloseTo(p[c], within(0.005));
        }
    }

    @Test
    void concentratesOnTheGoodOptionOfAnAdditiveProblem() {
        for (Tpe.Config config : List.of(Tpe.Config.defaults(), multivariate())) {
            int good = 0;
            int total = 0;
            for (long seed = 0; seed < 10; seed++) {
                List<Trial> trials = run(config, TargetRange.unconstrained(), 80, seed).trials();
                for (Trial trial : trials.subList(40, trials.size())) {
                    for (int l = 0; l < 4; l++) {
                        good += trial.architecture().choice(l) == GOOD ? 1 : 0;
                        total++;
                    }
                }
            }
            // Uniform draws would hit the good option a fifth of the time.
            assertThat(good / (double) total).as("multivariate=%s", config.multivariate()).isGreaterThan(0.35);
        }
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
        List<Architecture> first = architectures(run(Tpe.Config.defaults(), TargetRange.unconstrained(), 40, 7));
        assertThat(architectures(run(Tpe.Config.defaults(), TargetRange.unconstrained(), 40, 7))).isEqualTo(first);
        assertThat(architectures(run(Tpe.Config.defaults(), TargetRange.unconstrained(), 40, 8))).isNotEqualTo(first);
    }

    @Test
    void trainsNoArchitectureTwiceAndStopsAtTheBudget() {
        assertThat(run(Tpe.Config.defaults(), TargetRange.unconstrained(), 50, 3).evaluations()).isEqualTo(50);
        // Near the optimum TPE mostly suggests what it knows: those cost nothing, and after the
        // idle limit the search ends.
        SearchResult result = run(new Tpe.Config(10, 24, 1.0, false, 300), TargetRange.unconstrained(), 400, 3);
        assertThat(result.evaluations()).isBetween(60, 400);
        assertThat(new HashSet<>(architectures(result))).hasSize(result.evaluations());
    }

    @Test
    void trainsOnlyInsideTheTarget() {
        TargetRange target = new TargetRange(5, 8);
        for (Tpe.Config config : List.of(Tpe.Config.defaults(), multivariate())) {
            SearchResult result = run(config, target, 30, 4);
            assertThat(result.evaluations()).isEqualTo(30);
            assertThat(result.trials()).allSatisfy(t -> assertThat(target.contains(t.cost())).isTrue());
        }
    }

    @Test
    void aTargetNothingMeetsEndsWithoutTraining() {
        Tpe.Config config = new Tpe.Config(10, 24, 1.0, false, 300);
        assertThat(run(config, new TargetRange(100, 200), 10, 1).evaluations()).isZero();
    }

    @Test
    void withFewFeasibleTrialsTheBelowGroupIsTheLeastViolating() {
        TpeHistory history = new TpeHistory();
        history.add(Architecture.of(0), -0.9, 0);
        history.add(Architecture.of(1), 0, 3);
        history.add(Architecture.of(2), 0, 1);
        history.add(Architecture.of(3), -0.5, 0);
        history.add(Architecture.of(4), 0, 2);
        int[][] split = history.split(3);
        assertThat(split[0]).containsExactly(0, 2, 3);
        assertThat(split[1]).containsExactly(1, 4);
        history.add(Architecture.of(5), -0.7, 0);
        history.add(Architecture.of(6), -0.8, 0);
        split = history.split(3);
        assertThat(split[0]).containsExactly(0, 5, 6);
        assertThat(split[1]).containsExactly(1, 2, 3, 4);
    }

    @Test
    void badSettingsAreRejectedWithOptunasDefault() {
        assertThatThrownBy(() -> new Tpe.Config(10, 0, 1.0, false, 10)).hasMessageContaining("24");
        assertThatThrownBy(() -> new Tpe.Config(10, 24, 0, false, 10)).hasMessageContaining("prior_weight");
    }

    private static Tpe.Config multivariate() {
        Tpe.Config d = Tpe.Config.defaults();
        return new Tpe.Config(d.startupTrials(), d.eiCandidates(), d.priorWeight(), true, d.maxIdleSuggestions());
    }

    private static List<Architecture> architectures(SearchResult result) {
        return result.trials().stream().map(Trial::architecture).toList();
    }

    private static List<Layer> layers(int count, int options) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            List<String> names = new ArrayList<>();
            for (int o = 0; o < options; o++) {
                names.add("o" + o);
            }
            layers.add(new Layer("l" + l, names));
        }
        return layers;
    }

    private static double[][] table(int count, int options, java.util.function.IntToDoubleFunction cost) {
        double[][] table = new double[count][options];
        for (int l = 0; l < count; l++) {
            for (int o = 0; o < options; o++) {
                table[l][o] = cost.applyAsDouble(o);
            }
        }
        return table;
    }
}
