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
            for (long seed = 0; seed < 6; seed++) {
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
        SearchResult result = run(new Tpe.Config(10, 24, 1.0, false, 100), TargetRange.unconstrained(), 300, 3);
        assertThat(result.evaluations()).isBetween(60, 299);
        assertThat(new HashSet<>(architectures(result))).hasSize(result.evaluations());
    }

    @Test
    void trainsOnlyInsideTheTarget() {
        TargetRange target = new TargetRange(5, 8);
        for (Tpe.Config config : List.of(Tpe.Config.defaults(), multivariate())) {
            SearchResult result = run(config, target, 30, 4);
            assertThat(result.evaluations()).isEqualTo(30);
            assertThat(result.trials()).allSatisfy(t -> assertThat(target.contains(t.cost())).isTrue());
            // Deterministic per seed under a target too.
            assertThat(architectures(run(config, target, 30, 4))).isEqualTo(architectures(result));
            assertThat(architectures(run(config, target, 30, 5))).isNotEqualTo(architectures(result));
        }
    }

    @Test
    void aTargetNothingMeetsEndsWithoutTraining() {
        Tpe.Config config = new Tpe.Config(10, 24, 1.0, false, 300);
        assertThat(run(config, new TargetRange(100, 200), 10, 1).evaluations()).isZero();
    }

    @Test
    void withFewFeasibleTrialsTheBelowGroupIsTheLeastViolating() {
        TpeHistory history = new TpeHistory(7);
        history.add(Architecture.of(0), -0.9, 0);
        history.add(Architecture.of(1), 0, 3);
        history.add(Architecture.of(2), 0, 1);
        history.add(Architecture.of(3), -0.5, 0);
        history.add(Architecture.of(4), 0, 2);
        int[] below = history.below(3);
        assertThat(below).containsExactly(0, 2, 3);
        assertThat(history.above(below)).containsExactly(1, 4);
        history.add(Architecture.of(5), -0.7, 0);
        history.add(Architecture.of(6), -0.8, 0);
        below = history.below(3);
        assertThat(below).containsExactly(0, 5, 6);
        assertThat(history.above(below)).containsExactly(1, 2, 3, 4);
    }

    /**
     * The below group from the running best list and the above estimator from kept counts are what
     * Optuna computes from the whole history at every suggestion: checked after every told trial of
     * long histories with tied losses, infeasible trials and below groups that change and stay.
     */
    @Test
    void theGroupsKeptAsTheHistoryGrowsAreOptunasFromTheWholeHistory() {
        int[] sizes = {3, 7};
        for (long seed = 0; seed < 4; seed++) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
            TpeHistory history = new TpeHistory(sizes);
            List<double[]> told = new ArrayList<>();
            for (int n = 1; n <= 700; n++) {
                // few distinct losses, so that ties are common, as when known cells are told again
                double loss = -random.nextInt(seed < 2 ? 6 : 40) / 10.0;
                double violation = random.nextInt(10) < (n < 80 ? 8 : 1) ? random.nextInt(3) + 1 : 0;
                Architecture architecture = Architecture.of(random.nextInt(3), random.nextInt(7));
                history.add(architecture, loss, violation);
                told.add(new double[] {loss, violation});
                int gamma = Tpe.gamma(n);
                int[] below = history.below(gamma);
                assertThat(below).as("seed %d, n %d", seed, n).containsExactly(referenceBelow(told, gamma));
                int[] above = history.above(below);
                double[][] kept = history.aboveProbabilities(below, 1.0);
                for (int layer = 0; layer < sizes.length; layer++) {
                    int[] observed = new int[above.length];
                    for (int i = 0; i < above.length; i++) {
                        observed[i] = history.choice(above[i], layer);
                    }
                    double[] whole = new CategoricalParzen(sizes[layer], observed, 1.0).probabilities();
                    for (int c = 0; c < sizes[layer]; c++) {
                        assertThat(kept[layer][c]).as("seed %d, n %d, layer %d, option %d", seed, n, layer, c)
                                .isCloseTo(whole[c], within(1e-12));
                    }
                }
            }
            // counted afresh or extended trial by trial: the same numbers, bit for bit
            TpeHistory fresh = new TpeHistory(sizes);
            for (int i = 0; i < history.size(); i++) {
                fresh.add(Architecture.of(history.choice(i, 0), history.choice(i, 1)), told.get(i)[0], told.get(i)[1]);
            }
            int[] below = history.below(Tpe.gamma(history.size()));
            assertThat(fresh.aboveProbabilities(below, 1.0)).isDeepEqualTo(history.aboveProbabilities(below, 1.0));
        }
    }

    /** Optuna's split from scratch: least violating while at most {@code count} are feasible, else least loss; earliest on ties. */
    private static int[] referenceBelow(List<double[]> told, int count) {
        long feasible = told.stream().filter(t -> t[1] == 0).count();
        java.util.Comparator<Integer> order = feasible <= count
                ? java.util.Comparator.comparingDouble(i -> told.get(i)[1])
                : java.util.Comparator.comparingDouble(i -> told.get(i)[0]);
        return java.util.stream.IntStream.range(0, told.size()).boxed()
                .filter(i -> feasible <= count || told.get(i)[1] == 0)
                .sorted(order.thenComparing(i -> i)).limit(count).mapToInt(i -> i).sorted().toArray();
    }

    @Test
    void badSettingsAreRejectedWithOptunasDefault() {
        assertThatThrownBy(() -> new Tpe.Config(10, 0, 1.0, false, 10)).hasMessageContaining("24");
        assertThatThrownBy(() -> new Tpe.Config(10, 24, 0, false, 10)).hasMessageContaining("prior_weight");
    }

    @Test
    void underATargetEverySuggestionIsFeasibleListedOrNot() {
        // cost = sum of options (0..16); [5, 6] holds 120 of the 625 architectures.
        TargetRange target = new TargetRange(5, 6);
        for (int limit : new int[] {Feasible.ENUMERATION_LIMIT, 10}) {
            Feasible probe = Feasible.of(SPACE, COSTS, target, limit);
            assertThat(probe.enumerated()).as("limit %d", limit).isEqualTo(limit > 625);
            for (Tpe.Config config : List.of(Tpe.Config.defaults(), multivariate())) {
                Tpe tpe = new Tpe(config);
                Feasible feasible = Feasible.of(SPACE, COSTS, target, limit);
                TpeHistory history = new TpeHistory(5, 5, 5, 5);
                java.util.SplittableRandom random = new java.util.SplittableRandom(11);
                java.util.Set<Architecture> suggested = new HashSet<>();
                for (int i = 0; i < 60; i++) {
                    Architecture next = tpe.suggest(SPACE, history, feasible, random);
                    assertThat(target.contains(COSTS.cost(next))).as("suggestion %d: %s", i, next).isTrue();
                    assertThat(suggested.add(next)).as("suggested again: %s", next).isTrue();
                    feasible.suggested(next);
                    history.add(next, -accuracy(next), 0);
                }
            }
        }
        assertThat(Feasible.of(SPACE, COSTS, target, 1000).listed()).isEqualTo(120);
        assertThat(Feasible.of(SPACE, COSTS, new TargetRange(0, 16), 1000).all()).isTrue();
    }

    @Test
    void whenTheBelowEstimatorRarelyMeetsTheTargetCandidatesComeFromTheFeasibleList() {
        // Below: the good option everywhere (cost 12); the target holds only cells of cost <= 1.
        TargetRange target = new TargetRange(0, 1);
        Feasible feasible = Feasible.of(SPACE, COSTS, target);
        CategoricalParzen[] below = new CategoricalParzen[4];
        CategoricalParzen[] above = new CategoricalParzen[4];
        for (int l = 0; l < 4; l++) {
            below[l] = new CategoricalParzen(5, new int[] {GOOD, GOOD, GOOD, GOOD, GOOD, GOOD}, 1.0);
            above[l] = new CategoricalParzen(5, new int[] {0, 1, 2, 4}, 1.0);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(2);
        for (boolean joint : new boolean[] {false, true}) {
            for (int i = 0; i < 20; i++) {
                Expectation.Density l = joint ? Expectation.Density.joint(below) : Expectation.Density.independent(below);
                Expectation.Density g = joint ? Expectation.Density.joint(above) : Expectation.Density.independent(above);
                assertThat(COSTS.cost(Expectation.constrained(l, g, 24, feasible, random))).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void endsWhenEveryArchitectureInsideTheTargetIsTrained() {
        // Five architectures cost at most 1: the all-zero one and four with a single 1.
        SearchResult result = run(Tpe.Config.defaults(), new TargetRange(0, 1), 100, 2);
        assertThat(result.evaluations()).isEqualTo(5);
        assertThat(run(Tpe.Config.defaults(), new TargetRange(0, 1), 100, 2).trials().stream().map(Trial::architecture))
                .containsExactlyElementsOf(architectures(result));
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
