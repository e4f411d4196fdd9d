package io.layernas.core.layernas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.Buckets;
import io.layernas.core.Results;
import io.layernas.core.SearchRun;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the paper's Appendix I: three layers of options A-D costing 1-4M MAdds,
 * target 8-9M, H = 4 buckets of k = 2, R = 2 selections of T = 2 valid children, run with the
 * example's selection order and accuracies. The trace in the paper is not self-consistent (see
 * docs/algorithm.md); this test asserts what follows from the algorithm, and where the paper's
 * trace agrees with it.
 */
class AppendixIExampleTest {
    private static final List<String> OPTIONS = List.of("D", "C", "B", "A");
    private static final SearchSpace BURGER = new SimpleSearchSpace("burger",
            List.of(new Layer("1st", OPTIONS), new Layer("2nd", OPTIONS), new Layer("3rd", OPTIONS)));
    private static final AdditiveCostModel COSTS = new AdditiveCostModel(
            new double[][] {{4, 3, 2, 1}, {4, 3, 2, 1}, {4, 3, 2, 1}}, "M MAdds");
    /** The accuracies the example gives; its "DDA (9M, 0.37)" under the 2nd layer is DAD (cost 9M). */
    private static final Map<String, Double> ACCURACY = Map.ofEntries(Map.entry("ADD", 0.3),
            Map.entry("CDD", 0.45), Map.entry("ACD", 0.27), Map.entry("CAD", 0.4), Map.entry("CBD", 0.42),
            Map.entry("CDB", 0.4), Map.entry("CDA", 0.37), Map.entry("BDD", 0.35), Map.entry("DDD", 0.5),
            Map.entry("BCD", 0.33), Map.entry("BBD", 0.32), Map.entry("BCC", 0.32), Map.entry("DAD", 0.37));
    /** Models the example never trains get an accuracy below all of its own. */
    private static final double UNLISTED = 0.2;

    /** Selections of each pass over the 2nd and 3rd layer, in the example's order ("Choose ADD and CDD", ...). */
    private static final Map<Integer, List<List<String>>> SELECTIONS = Map.of(
            1, List.of(List.of("ADD", "CDD"), List.of("BDD", "CDD"), List.of("DDD")),
            2, List.of(List.of("ACD", "CDD"), List.of("BCD", "BBD"), List.of("CAD", "DAD")));
    /** Child order per parent and layer, as the example generates them. */
    private static final Map<String, List<String>> CHILDREN = Map.ofEntries(
            Map.entry("DDD@0", List.of("ADD", "CDD", "BDD", "DDD")), Map.entry("ADD@1", List.of("ABD", "ACD", "AAD")),
            Map.entry("CDD@1", List.of("CAD", "CBD", "CCD")), Map.entry("ACD@2", List.of("ACA", "ACB", "ACC")),
            Map.entry("CDD@2", List.of("CDC", "CDB", "CDA")), Map.entry("BDD@1", List.of("BAD", "BCD", "BBD")),
            Map.entry("BCD@2", List.of("BCA", "BCB", "BCC")), Map.entry("BBD@2", List.of("BBA", "BBC", "BBB")),
            Map.entry("DDD@1", List.of("DAD", "DBD", "DCD")), Map.entry("CAD@2", List.of("CAA", "CAC", "CAB")));

    private static String name(Architecture architecture) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < architecture.size(); i++) {
            name.append(OPTIONS.get(architecture.choice(i)));
        }
        return name.toString();
    }

    private static Architecture parse(String name) {
        return Architecture.of(name.chars().map(c -> OPTIONS.indexOf(String.valueOf((char) c))).toArray());
    }

    /**
     * Follows the example's choices where the candidate is selectable, else takes the best one.
     * It listens to the run's events to know which pass over a layer it is in.
     */
    private static final class ExamplePolicy implements LayerNas.Policy, io.layernas.api.SearchListener {
        private final List<String> deviations = new ArrayList<>();
        private final int[] passes = {-1, -1, -1};
        private int taken;

        @Override
        public void onEvent(SearchEvent event) {
            if (event instanceof SearchEvent.LayerStarted started) {
                passes[started.layer()]++;
                taken = 0;
            }
        }

        @Override
        public int select(int layer, List<Trial> selectable, SplittableRandom random) {
            List<List<String>> passScripts = SELECTIONS.getOrDefault(layer, List.of());
            List<String> script = passes[layer] < passScripts.size() ? passScripts.get(passes[layer]) : List.of();
            String wanted = layer == 0 ? "DDD" : taken < script.size() ? script.get(taken) : null;
            taken++;
            for (int i = 0; i < selectable.size(); i++) {
                if (name(selectable.get(i).architecture()).equals(wanted)) {
                    return i;
                }
            }
            deviations.add("layer " + (layer + 1) + " pass " + passes[layer] + ": wanted " + wanted + ", selectable "
                    + selectable.stream().map(t -> name(t.architecture())).toList());
            return LayerNas.Policy.BEST.select(layer, selectable, random);
        }

        @Override
        public int nextChild(int layer, Trial parent, List<Integer> remaining, SplittableRandom random) {
            List<String> order = CHILDREN.getOrDefault(name(parent.architecture()) + "@" + layer, List.of());
            for (String child : order) {
                int option = parse(child).choice(layer);
                if (remaining.contains(option)) {
                    return remaining.indexOf(option);
                }
            }
            return 0;
        }
    }

    private record Run(SearchResult result, List<String> dropped, List<String> exhausted, ExamplePolicy policy) {
        List<String> trained() {
            return result.trials().stream().map(t -> name(t.architecture())).toList();
        }
    }

    private static Run run() {
        ExamplePolicy policy = new ExamplePolicy();
        List<String> dropped = new ArrayList<>();
        List<String> exhausted = new ArrayList<>();
        SearchResult result = SearchRun.builder().space(BURGER).costModel(COSTS)
                .evaluator(request -> Metrics.of(ACCURACY.getOrDefault(name(request.architecture()), UNLISTED)))
                .strategy(new LayerNas(new LayerNas.Config(4, 2, 2, 2, policy, false)))
                .target(new TargetRange(8, 9)).budget(Budget.unlimited()).listener(policy)
                .listener(event -> {
                    if (event instanceof SearchEvent.CandidateDropped drop) {
                        dropped.add(name(drop.architecture()) + "@" + drop.layer());
                    } else if (event instanceof SearchEvent.CandidateExhausted done) {
                        exhausted.add(name(done.architecture()));
                    }
                }).build().run();
        return new Run(result, dropped, exhausted, policy);
    }

    @Test
    void costRangesAndBucketsAreTheExamples() {
        assertThat(COSTS.range(BURGER.defaultArchitecture(), 0, 1)).isEqualTo(new io.layernas.api.CostRange(9, 12));
        assertThat(COSTS.range(BURGER.defaultArchitecture(), 0, 2)).isEqualTo(new io.layernas.api.CostRange(6, 12));
        // 1st layer buckets [9M], [10M], [11M], [12M]
        assertThat(List.of(9, 10, 11, 12)).extracting(c -> Buckets.index(c, 9, 12, 4)).containsExactly(0, 1, 2, 3);
        // 2nd layer buckets [6-7M], [8M], [9M, 10M], [11M, 12M]
        assertThat(List.of(6, 7, 8, 9, 10, 11, 12)).extracting(c -> Buckets.index(c, 6, 12, 4))
                .containsExactly(0, 0, 1, 2, 2, 3, 3);
    }

    @Test
    void firstCycleTrainsAndDropsWhatTheExampleSays() {
        Run run = run();
        assertThat(run.trained()).startsWith("ADD", "CDD", "ACD", "CAD", "CBD", "CDB", "CDA", "BDD", "DDD");
        assertThat(run.dropped()).startsWith("ABD@1", "AAD@1", "ACA@2", "ACB@2", "ACC@2", "CDC@2", "BAD@1");
    }

    @Test
    void dropsExactlyTheChildrenThatCannotReachTheTarget() {
        Run run = run();
        for (String drop : run.dropped()) {
            String child = drop.substring(0, 3);
            int layer = Integer.parseInt(drop.substring(4));
            var reachable = COSTS.range(parse(child), layer + 1, 3);
            assertThat(reachable.max() < 8 || reachable.min() > 9).as(drop + " reaches " + reachable).isTrue();
            assertThat(run.trained()).doesNotContain(child);
        }
        // Every 3rd-layer child the example drops is dropped here too.
        assertThat(run.dropped()).contains("BBA@2", "BBB@2", "BBC@2", "CAA@2", "CAB@2", "CAC@2")
                .doesNotHaveDuplicates();
        for (Trial trial : run.result().trials()) {
            var reachable = COSTS.range(trial.architecture(), trial.layer() + 1, 3);
            assertThat(reachable.max()).as(name(trial.architecture())).isGreaterThanOrEqualTo(8);
            assertThat(reachable.min()).as(name(trial.architecture())).isLessThanOrEqualTo(9);
        }
    }

    @Test
    void findsTheBestModelInTheTargetWithFewTrainings() {
        Run run = run();
        Trial best = run.result().best();
        // CBD (9M, 0.42) is trained in the first cycle and lies in 8-9M; the example then loses
        // it and reports CAD (8M, 0.4), the best of what it kept (see docs/algorithm.md).
        assertThat(name(best.architecture())).isEqualTo("CBD");
        assertThat(best.cost()).isEqualTo(9);
        assertThat(run.result().trials().stream().filter(t -> t.cost() >= 8 && t.cost() <= 9)
                .sorted(Results.BETTER_FIRST).map(t -> name(t.architecture())).limit(2)).containsExactly("CBD", "CAD");
        assertThat(run.trained()).doesNotHaveDuplicates().hasSize(EXPECTED_TRAININGS);
        assertThat(run.result().stopReason()).isEqualTo(io.layernas.api.StopReason.COMPLETED);
    }

    /**
     * The example says 12 of 64 and lists 13; this run trains 18, traced by hand in
     * docs/algorithm.md: the example drops CCD, DBD and DCD although they can still reach 8-9M
     * (CCD = 10M completes to CCB = 8M), and stops before DAC (8M).
     */
    private static final int EXPECTED_TRAININGS = 18;

    @Test
    void departsFromTheExampleOnlyWhereItsTraceIsInconsistent() {
        Run run = run();
        // BCD (9M, 0.33) is not kept: its bucket [9-10M] holds CBD (0.42) and BDD (0.35), which the
        // example forgets (it never carries BDD into the 2nd layer and loses CBD).
        assertThat(run.policy().deviations).first().asString().startsWith("layer 3 pass 1: wanted BCD");
        assertThat(run.policy().deviations).allMatch(d -> d.startsWith("layer 3 pass 1") || d.contains("wanted null"));
        assertThat(run.exhausted()).contains("ADD", "BDD", "CDD", "DDD");
    }
}
