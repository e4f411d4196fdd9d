package io.layernas.core.layernas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import io.layernas.core.SimpleSearchSpace;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** LayerNAS's defaults beyond the paper: search start, greedy selection, learned child order; and preset paper. */
class LayerNasBeyondPaperTest {
    /** Layer 0 option 0 disconnects the "network": the accuracy is 0 unless layer 0 is not 0. */
    private static final SimpleSearchSpace SPACE = new SimpleSearchSpace("cell", List.of(
            new Layer("a", List.of("cut", "x", "y")), new Layer("b", List.of("p|q", "p|r", "s|q", "s|r"))));
    private static final AdditiveCostModel COSTS = new AdditiveCostModel(new double[][] {{0, 1, 1}, {0, 1, 1, 2}}, "c");

    private static LayerNas.Config provided(Map<String, Object> settings) {
        StrategyProvider provider = ServiceLoader.load(StrategyProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("layernas")).findFirst().orElseThrow();
        return ((LayerNas) provider.create(Settings.of("search", settings))).config();
    }

    @Test
    void presetPaperIsThePapersBehaviourAndKeysOverrideIt() {
        assertThat(provided(Map.of("preset", "paper"))).isEqualTo(LayerNas.Config.paper());
        assertThat(LayerNas.Config.paper()).isEqualTo(new LayerNas.Config(100, 3, 10, 5, LayerNas.Policy.RANDOM, false));
        assertThat(provided(Map.of())).isEqualTo(LayerNas.Config.defaults());
        assertThat(LayerNas.Config.defaults()).isEqualTo(new LayerNas.Config(100, 3, 4, 5, LayerNas.Policy.BEST, false,
                true, true, 0, Sizing.FINISH));
        assertThat(provided(Map.of("policy", "softmax", "selections", 10)).policy()).isSameAs(LayerNas.Policy.SOFTMAX);
        assertThat(provided(Map.of("preset", "paper")).policy()).isSameAs(LayerNas.Policy.RANDOM);
        LayerNas.Config mixed = provided(Map.of("preset", "paper", "childOrder", "learned", "policy", "softmax"));
        assertThat(mixed.learnedOrder()).isTrue();
        assertThat(mixed.fromSearchStart()).isFalse();
        assertThat(mixed.policy()).isSameAs(LayerNas.Policy.SOFTMAX);
        assertThatThrownBy(() -> provided(Map.of("preset", "papers"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("search.preset").hasMessageContaining("paper");
    }

    @Test
    void theSearchStartsFromTheSpacesSearchStartUnlessPresetPaper() {
        SearchSpace connected = new AbstractSearchSpace("connected", SPACE.layers()) {
            @Override
            public Architecture searchStart() {
                return Architecture.of(1, 0);
            }
        };
        for (boolean fromStart : List.of(true, false)) {
            SearchResult result = SearchRun.builder().space(connected).costModel(COSTS)
                    .evaluator(request -> Metrics.of(request.architecture().choice(0) == 0 ? 0.1 : 0.5))
                    .strategy(new LayerNas(new LayerNas.Config(10, 2, 2, 2, LayerNas.Policy.RANDOM, false, fromStart,
                            false)))
                    .target(TargetRange.unconstrained()).budget(Budget.evaluations(3)).seed(1).build().run();
            // The first training is the starting architecture itself.
            assertThat(result.trials().get(0).architecture())
                    .isEqualTo(fromStart ? Architecture.of(1, 0) : Architecture.of(0, 0));
            // Every layer-1 child keeps the start's layer 0 option unless layer 0 was searched.
            assertThat(result.trials().stream().filter(t -> t.layer() == 0).map(t -> t.architecture().choice(1)))
                    .containsOnly(0);
        }
    }

    @Test
    void theLearnedOrderPutsTheOptionsWithTheBestPartFirst() {
        OptionGains gains = new OptionGains(SPACE);
        // Part "s" gains 0.3 over "p", part "r" 0.1 over "q".
        gains.record(1, 0, 0.0);
        gains.record(1, 1, 0.1);
        gains.record(1, 2, 0.3);
        gains.record(1, 0, 0.0);
        gains.record(1, 2, 0.3);
        int[] first = new int[4];
        SplittableRandom random = new SplittableRandom(3);
        List<Integer> all = IntStream.range(0, 4).boxed().toList();
        for (int i = 0; i < 400; i++) {
            first[all.get(gains.next(1, all, random))]++;
        }
        // The options with part "s" (s|q tried, s|r never) come first; p|q, never better, last.
        assertThat(first[3] + first[2]).isGreaterThan(300);
        assertThat(first[0]).isLessThan(first[3]).isLessThanOrEqualTo(first[1]);
    }

    @Test
    void softmaxPrefersTheMoreAccurateButSelectsEvery() {
        List<Trial> trials = List.of(trial(0.5), trial(0.6), trial(0.9));
        int[] hits = new int[3];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 3000; i++) {
            hits[LayerNas.Policy.SOFTMAX.select(0, trials, random)]++;
        }
        assertThat(hits[2]).isGreaterThan(hits[1]);
        assertThat(hits[1]).isGreaterThan(hits[0]);
        assertThat(hits[0]).isPositive();
    }

    @Test
    void theDefaultsStayDeterministic() {
        RandomSpaces.Problem problem = RandomSpaces.problem(11, 5, 5, 6);
        List<Architecture> first = run(problem, 4);
        assertThat(run(problem, 4)).isEqualTo(first);
        assertThat(run(problem, 5)).isNotEqualTo(first);
    }

    @Test
    void aWarmStartTrainsRandomCellsInsideTheTargetThenSearchesFromTheBest() {
        RandomSpaces.Problem problem = RandomSpaces.problem(11, 5, 5, 6);
        TargetRange target = new TargetRange(14, 17);
        List<Trial> trials = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(problem.evaluator()).strategy(new LayerNas(LayerNas.Config.defaults().withWarmStart(6)))
                .target(target).budget(Budget.evaluations(40)).seed(3).build().run().trials();
        List<Trial> warm = trials.subList(0, 6);
        assertThat(warm).allSatisfy(t -> assertThat(target.contains(t.cost())).isTrue());
        assertThat(warm.stream().map(Trial::architecture).distinct()).hasSize(6);
        Architecture best = io.layernas.core.Results.best(warm, target).architecture();
        // Layer 0's children vary the best warm-start architecture in layer 0 only.
        List<Trial> firstLayer = trials.subList(6, trials.size()).stream().filter(t -> t.layer() == 0).toList();
        assertThat(firstLayer).isNotEmpty().allSatisfy(t -> {
            for (int l = 1; l < best.size(); l++) {
                assertThat(t.architecture().choice(l)).isEqualTo(best.choice(l));
            }
        });
        assertThatThrownBy(() -> LayerNas.Config.defaults().withWarmStart(-1)).hasMessageContaining("warmStart");
    }

    private static List<Architecture> run(RandomSpaces.Problem problem, long seed) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs()).evaluator(problem.evaluator())
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(new TargetRange(14, 17))
                .budget(Budget.evaluations(60)).seed(seed).build().run().trials().stream().map(Trial::architecture)
                .toList();
    }

    private static Trial trial(double accuracy) {
        return new Trial(0, Architecture.of(0, 0), 0, 0, 1, io.layernas.api.TrialStatus.SUCCEEDED,
                Metrics.of(accuracy), null, 0, 0);
    }
}
