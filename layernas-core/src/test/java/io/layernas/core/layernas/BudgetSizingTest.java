package io.layernas.core.layernas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.core.BudgetHistory;
import io.layernas.core.ResumeMismatchException;
import io.layernas.core.InMemoryTrialStore;
import io.layernas.core.SearchRun;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The budget rules, both options: {@code sizing: budget} (R = 5, T = 10 for budgets of at most 100 trainings, the
 * configured R and T above) and {@code sizing: finish} (the last trainings go to the last layer).
 */
class BudgetSizingTest {
    /** R = 10, T = 5 with softmax selection and the learned order: the defaults these rules were measured with. */
    private static final LayerNas.Config TEN_BY_FIVE = new LayerNas.Config(100, 3, 10, 5, LayerNas.Policy.SOFTMAX, false,
            true, true, 0, Sizing.FIXED);
    private static final LayerNas.Config SIZED = TEN_BY_FIVE.withSizing(Sizing.BUDGET);

    /** The rule under a budget that never changes. */
    private static BudgetSizing sizing(LayerNas.Config config, Budget budget) {
        return new BudgetSizing(config, trials -> budget);
    }

    @Test
    void aTrialLimitIsKnownUpFront() {
        assertThat(shape(SIZED, Budget.evaluations(50))).containsExactly(5, 10);
        assertThat(shape(SIZED, Budget.evaluations(100))).containsExactly(5, 10);
        assertThat(shape(SIZED, Budget.evaluations(101))).containsExactly(10, 5);
        assertThat(shape(SIZED, Budget.evaluations(1000))).containsExactly(10, 5);
        assertThat(shape(SIZED, Budget.unlimited())).containsExactly(10, 5);
        // A small trial limit decides at once even with a time limit: the time can only lower it.
        BudgetSizing both = sizing(SIZED, new Budget(80, 1e9));
        assertThat(both.decided()).isTrue();
        assertThat(both.children()).isEqualTo(10);
    }

    @Test
    void underATimeLimitTheTrialsTellHowManyTrainingsItAllows() {
        BudgetSizing hundred = sizing(SIZED, Budget.trainingSeconds(1e5));
        // Nothing known yet: the configured values.
        assertThat(hundred.decided()).isFalse();
        assertThat(List.of(hundred.selections(), hundred.children())).containsExactly(10, 5);
        hundred.record(List.of(failed(0)));
        assertThat(hundred.decided()).as("a failed trial has no training seconds").isFalse();
        hundred.record(List.of(trial(1, 1000), trial(2, 3000)));
        assertThat(hundred.expectedTrainings()).hasValueCloseTo(75.0, within(1e-9));
        assertThat(List.of(hundred.selections(), hundred.children())).containsExactly(5, 10);
        // The decision is kept, whatever later trials tell.
        hundred.record(IntStream.range(3, 100).mapToObj(i -> trial(i, 1)).toList());
        assertThat(hundred.children()).isEqualTo(10);

        BudgetSizing four = sizing(SIZED, Budget.trainingSeconds(1e5));
        four.record(List.of(trial(0, 250)));
        assertThat(List.of(four.selections(), four.children())).containsExactly(10, 5);
    }

    @Test
    void aTrialSeenAgainCountsOnce() {
        // 4e4 s over a mean of 400 s (trials 0 and 1) is 100 trainings; counting trial 0 twice, 133.
        BudgetSizing sizing = sizing(SIZED, Budget.trainingSeconds(4e4));
        sizing.record(List.of(trial(0, 100), trial(0, 100), trial(1, 700)));
        assertThat(sizing.expectedTrainings()).hasValueCloseTo(100.0, within(1e-9));
        assertThat(sizing.children()).isEqualTo(10);
    }

    @Test
    void theDefaultsFinishOnTheLastLayerThePaperPresetIsFixedAndBudgetClashesWithSettingRAndT() {
        assertThat(shape(LayerNas.Config.paper(), Budget.evaluations(100))).containsExactly(10, 5);
        assertThat(shape(LayerNas.Config.defaults(), Budget.evaluations(100))).containsExactly(4, 5);
        assertThat(provided(Map.of()).sizing()).isEqualTo(Sizing.FINISH);
        assertThat(provided(Map.of("sizing", "fixed")).sizing()).isEqualTo(Sizing.FIXED);
        assertThat(provided(Map.of("preset", "paper")).sizing()).isEqualTo(Sizing.FIXED);
        assertThat(provided(Map.of("children", 10)).sizing()).isEqualTo(Sizing.FINISH);
        assertThat(provided(Map.of("children", 10, "sizing", "finish")).sizing()).isEqualTo(Sizing.FINISH);
        assertThat(provided(Map.of("sizing", "budget"))).isEqualTo(LayerNas.Config.defaults().withSizing(Sizing.BUDGET));
        assertThat(provided(Map.of("preset", "paper", "sizing", "finish")).sizing()).isEqualTo(Sizing.FINISH);
        assertThat(shape(provided(Map.of("selections", 3)), Budget.evaluations(100))).containsExactly(3, 5);
        assertThat(provided(Map.of("preset", "paper", "sizing", "budget")).sizing()).isEqualTo(Sizing.BUDGET);
        assertThatThrownBy(() -> provided(Map.of("sizing", "budget", "children", 8)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("search.sizing (budget) chooses search.selections and search.children")
                .hasMessageContaining("sizing: fixed");
        assertThatThrownBy(() -> provided(Map.of("sizing", "auto"))).hasMessageContaining("search.sizing (auto)");
    }

    @Test
    void theSearchSelectsFewerParentsAndVariesEachMoreUnderASmallBudget() {
        // Passes over layer 1 (after the root's pass over layer 0): parents per pass, children per parent.
        assertThat(passShape(SIZED, Budget.evaluations(100), 0)).containsExactly(5, 10);
        assertThat(passShape(SIZED, Budget.evaluations(600), 0)).containsExactly(10, 5);
        // Off, the same small budget keeps T = 5 (it ends before a pass over layer 1 can select R = 10).
        assertThat(passShape(TEN_BY_FIVE.withSizing(Sizing.FIXED), Budget.evaluations(100), 0)
                .get(1)).isEqualTo(5);
        assertThat(passShape(LayerNas.Config.paper(), Budget.evaluations(100), 0).get(1)).isEqualTo(5);
        // Under a time limit: 1,000 s a training of 1e5 s is 100 trainings, 250 s is 400.
        assertThat(passShape(SIZED, Budget.trainingSeconds(1e5), 1000)).containsExactly(5, 10);
        assertThat(passShape(SIZED, Budget.trainingSeconds(1e5), 250)).containsExactly(10, 5);
    }

    @Test
    void underATimeLimitTheRootsPassUsesTheConfiguredChildren() {
        List<Trial> trials = search(SIZED, Budget.trainingSeconds(1e5), 1000);
        assertThat(trials.stream().takeWhile(t -> t.layer() == 0)).hasSize(5);
        assertThat(search(SIZED, Budget.evaluations(100), 0).stream().takeWhile(t -> t.layer() == 0)).hasSize(10);
    }

    @Test
    void finishSkipsTheOtherLayersOnceThePassesNoLongerFitSoTheLastTrainingsGoToTheLastLayer() {
        LayerNas.Config finish = TEN_BY_FIVE.withSizing(Sizing.FINISH);
        List<Trial> fixed = search(TEN_BY_FIVE.withSizing(Sizing.FIXED), Budget.evaluations(100), 0);
        List<Trial> finished = search(finish, Budget.evaluations(100), 0);
        // The first cycle (5 + 25 + 50 trainings) is the same; then 20 trainings are left, fewer than
        // a pass's R·T = 50: fixed spends them on layers 0 and 1, finish on layer 2.
        assertThat(path(finished.subList(0, 80))).isEqualTo(path(fixed.subList(0, 80)));
        assertThat(fixed.subList(80, 100)).extracting(Trial::layer).doesNotContain(2);
        assertThat(finished).hasSize(100);
        assertThat(finished.subList(80, 100)).extracting(Trial::layer).containsOnly(2);
        // Under a time limit it learns the trainings left from the trials' seconds.
        assertThat(path(search(finish, Budget.trainingSeconds(1e5), 1000))).isEqualTo(path(finished));
        // The first cycle over the layers is never cut short.
        assertThat(path(search(finish, Budget.evaluations(50), 0))).isEqualTo(path(fixed.subList(0, 50)));
    }

    @Test
    void finishSkipsNothingWhenTheLastLayerHasNothingToExpandOrTheTrainingsLeftAreUnknown() {
        BudgetSizing sizing = sizing(TEN_BY_FIVE.withSizing(Sizing.FINISH),
                Budget.evaluations(60));
        sizing.record(IntStream.range(0, 20).mapToObj(i -> trial(i, 0)).toList());
        assertThat(sizing.skips(1, 1, 3, false)).as("40 left, fewer than R·T = 50").isTrue();
        assertThat(sizing.skips(1, 0, 3, false)).as("first cycle").isFalse();
        assertThat(sizing.skips(2, 1, 3, false)).as("last layer").isFalse();
        assertThat(sizing.skips(1, 1, 3, true)).as("the last layer was idle").isFalse();
        BudgetSizing unknown = sizing(TEN_BY_FIVE.withSizing(Sizing.FINISH),
                Budget.trainingSeconds(100));
        unknown.record(List.of(failed(0)));
        assertThat(unknown.skips(0, 1, 3, false)).isFalse();
        BudgetSizing off = sizing(LayerNas.Config.paper(), Budget.evaluations(60));
        off.record(IntStream.range(0, 20).mapToObj(i -> trial(i, 0)).toList());
        assertThat(off.skips(1, 1, 3, false)).isFalse();
    }

    @Test
    void aFinishRunResumedWithALargerBudgetButWithoutItsBudgetHistoryIsRefusedAndKeepsItsTrials() {
        LayerNas.Config finish = TEN_BY_FIVE.withSizing(Sizing.FINISH);
        InMemoryTrialStore store = new InMemoryTrialStore();
        assertThat(search(finish, Budget.evaluations(100), store).trials()).hasSize(100);
        // Trial #80 was a layer-2 child (the finish); with 200 trainings the search trains a layer-0 child there.
        assertThatThrownBy(() -> search(finish, Budget.evaluations(200), store))
                .isInstanceOf(ResumeMismatchException.class)
                .hasMessageStartingWith("the stored trials do not match this search: trial #80 was ")
                .hasMessageContaining("resume with the budget it had");
        assertThat(store.load()).hasSize(100).extracting(Trial::index).doesNotHaveDuplicates();
        // Resumed with its own budget, it replays the stored trials.
        assertThat(path(search(finish, Budget.evaluations(100), store).trials())).isEqualTo(path(store.load()));
    }

    @Test
    void aFinishRunIsExtendedByResumingItWithALargerBudgetAndItsBudgetHistory() {
        LayerNas.Config finish = TEN_BY_FIVE.withSizing(Sizing.FINISH);
        InMemoryTrialStore store = new InMemoryTrialStore();
        List<Trial> first = search(finish, Budget.evaluations(100), store).trials();
        // Trials 80-99 were the finish on layer 2; the extended run replays them, then goes on.
        BudgetHistory made = BudgetHistory.of(Budget.evaluations(100));
        List<Trial> extended = run(finish, Budget.evaluations(230), 0).store(store).budgetHistory(made).build().run()
                .trials();
        assertThat(path(extended.subList(0, 100))).isEqualTo(path(first));
        assertThat(extended).hasSize(230).extracting(Trial::index).doesNotHaveDuplicates();
        assertThat(extended.stream().map(Trial::architecture).distinct()).hasSize(230);
        assertThat(store.load()).hasSize(230);
        // After the replay the larger budget rules: the cut pass over layer 2 goes on, and with 100
        // trainings left after it the earlier layers are searched again.
        assertThat(extended.get(100).layer()).isEqualTo(2);
        assertThat(extended.subList(100, 230)).extracting(Trial::layer).contains(0, 1);
        // Extended twice, the run replays under both earlier budgets and goes on under the third.
        BudgetHistory twice = made.resumedWith(Budget.evaluations(230), 100);
        List<Trial> again = run(finish, Budget.evaluations(300), 0).store(store).budgetHistory(twice).build().run()
                .trials();
        assertThat(path(again.subList(0, 230))).isEqualTo(path(extended));
        assertThat(again).hasSize(300);
        // A training-seconds budget is retraced the same way.
        InMemoryTrialStore timed = new InMemoryTrialStore();
        List<Trial> byTime = run(finish, Budget.trainingSeconds(1e5), 1000).store(timed).build().run().trials();
        assertThat(path(byTime)).isEqualTo(path(first));
        List<Trial> longer = run(finish, Budget.trainingSeconds(2e5), 1000).store(timed)
                .budgetHistory(BudgetHistory.of(Budget.trainingSeconds(1e5))).build().run().trials();
        assertThat(path(longer.subList(0, 100))).isEqualTo(path(first));
        assertThat(longer).hasSize(200);
    }

    /** What was trained, in order, and while searching which layer. */
    private static List<String> path(List<Trial> trials) {
        return trials.stream().map(t -> t.architecture() + "@" + t.layer()).toList();
    }

    private static List<Integer> shape(LayerNas.Config config, Budget budget) {
        BudgetSizing sizing = sizing(config, budget);
        return List.of(sizing.selections(), sizing.children());
    }

    /** The most parents a pass over layer 1 selected, and the most children one of them had in a pass. */
    private static List<Integer> passShape(LayerNas.Config config, Budget budget, double secondsPerTrial) {
        List<Trial> trials = search(config, budget, secondsPerTrial);
        int parents = 0;
        int children = 0;
        for (List<Trial> pass : passes(trials)) {
            if (pass.get(0).layer() != 1) {
                continue;
            }
            Map<Architecture, Integer> perParent = new HashMap<>();
            pass.forEach(t -> perParent.merge(Architecture.of(t.architecture().choice(0), 0, t.architecture()
                    .choice(2)), 1, Integer::sum));
            parents = Math.max(parents, perParent.size());
            children = Math.max(children, max(perParent.values()));
        }
        return List.of(parents, children);
    }

    private static int max(Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Trials in runs of one layer: a pass. */
    private static List<List<Trial>> passes(List<Trial> trials) {
        List<List<Trial>> passes = new ArrayList<>();
        for (Trial trial : trials) {
            if (passes.isEmpty() || passes.get(passes.size() - 1).get(0).layer() != trial.layer()) {
                passes.add(new ArrayList<>());
            }
            passes.get(passes.size() - 1).add(trial);
        }
        return passes;
    }

    private static SearchResult search(LayerNas.Config config, Budget budget, InMemoryTrialStore store) {
        return run(config, budget, 0).store(store).build().run();
    }

    private static List<Trial> search(LayerNas.Config config, Budget budget, double secondsPerTrial) {
        return run(config, budget, secondsPerTrial).build().run().trials();
    }

    /** Three layers of 16 options; accuracy a fixed scramble of the options, unconstrained. */
    private static SearchRun.Builder run(LayerNas.Config config, Budget budget, double secondsPerTrial) {
        List<String> options = IntStream.range(0, 16).mapToObj(i -> "o" + i).toList();
        SimpleSearchSpace space = new SimpleSearchSpace("grid", List.of(new Layer("a", options),
                new Layer("b", options), new Layer("c", options)));
        double[] costs = IntStream.range(0, 16).mapToDouble(i -> i).toArray();
        return SearchRun.builder().space(space).costModel(new AdditiveCostModel(new double[][] {costs, costs, costs},
                        "c"))
                .evaluator(request -> new Metrics(accuracy(request.architecture()), secondsPerTrial, Map.of()))
                .strategy(new LayerNas(config)).target(TargetRange.unconstrained()).budget(budget).seed(5);
    }

    private static double accuracy(Architecture architecture) {
        double sum = 0;
        for (int l = 0; l < architecture.size(); l++) {
            sum += (architecture.choice(l) * 7 % 16) / 100.0;
        }
        return sum;
    }

    private static LayerNas.Config provided(Map<String, Object> settings) {
        StrategyProvider provider = ServiceLoader.load(StrategyProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("layernas")).findFirst().orElseThrow();
        return ((LayerNas) provider.create(Settings.of("search", settings))).config();
    }

    private static Trial trial(int index, double seconds) {
        return new Trial(index, Architecture.of(index), 0, 0, 1, TrialStatus.SUCCEEDED,
                new Metrics(0.5, seconds, Map.of()), null, 0, 1);
    }

    private static Trial failed(int index) {
        return new Trial(index, Architecture.of(index), 0, 0, 1, TrialStatus.FAILED, null, "broken", 0, 1);
    }
}
