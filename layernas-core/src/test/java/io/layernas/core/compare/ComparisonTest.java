package io.layernas.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.Problem;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import io.layernas.core.ppo.Ppo;
import io.layernas.core.random.RandomSearch;
import io.layernas.core.evolution.RegularizedEvolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final RandomSpaces.Problem PROBLEM = RandomSpaces.problem(21, 6, 6, 8);
    private static final TargetRange TARGET = new TargetRange(24, 28);
    private static final Budget BUDGET = Budget.trainingSeconds(400);
    private static final int SEEDS = 5;

    /** Validation = the additive accuracy; test = a perturbed copy; training time grows with cost. */
    private static final Evaluator EVALUATOR = request -> {
        Architecture a = request.architecture();
        double valid = PROBLEM.accuracy(a);
        double test = valid + 0.01 * Math.sin(a.hashCode());
        return new Metrics(valid, 1 + PROBLEM.costs().cost(a) / 10, Map.of(Metrics.TEST_ACCURACY, test));
    };

    private static Map<String, SearchStrategy> strategies() {
        Map<String, SearchStrategy> strategies = new LinkedHashMap<>();
        strategies.put("layernas", new LayerNas(LayerNas.Config.defaults()));
        strategies.put("random", new RandomSearch(RandomSearch.Config.defaults()));
        strategies.put("evolution", new RegularizedEvolution(RegularizedEvolution.Config.paper()));
        strategies.put("ppo", new Ppo(Ppo.Config.paper()));
        return strategies;
    }

    private static SearchRun.Builder template(TargetRange target, Budget budget) {
        return SearchRun.builder().problem(new Problem(PROBLEM.space(), PROBLEM.costs(), target, budget));
    }

    private static ComparisonResult compare(int workers, Comparison.Progress progress) {
        Comparison.Builder builder = Comparison.builder().run(template(TARGET, BUDGET))
                .evaluator(EVALUATOR).seeds(SEEDS).firstSeed(10).workers(workers)
                .gridPoints(40).progress(progress);
        strategies().forEach(builder::strategy);
        return builder.build().run();
    }

    private static ComparisonResult compare(int workers, Evaluator evaluator, FinishedRuns finishedRuns) {
        Comparison.Builder builder = Comparison.builder().run(template(TARGET, BUDGET))
                .evaluator(evaluator).seeds(SEEDS).firstSeed(10).workers(workers)
                .gridPoints(40).finishedRuns(finishedRuns);
        strategies().forEach(builder::strategy);
        return builder.build().run();
    }

    /** Computed once the class is initialised: its evaluator is used from worker threads. */
    private static ComparisonResult RESULT;

    @BeforeAll
    static void compareOnce() {
        RESULT = compare(2, Comparison.Progress.NONE);
    }

    @Test
    void theGridSpansTheBudgetInEqualSteps() {
        double[] grid = RESULT.grid();
        assertThat(grid).hasSize(40);
        for (int i = 0; i < grid.length; i++) {
            assertThat(grid[i]).isCloseTo(400.0 * (i + 1) / 40, within(1e-9));
        }
        for (Curve curve : RESULT.curves()) {
            assertThat(curve.time()).containsExactly(grid);
        }
    }

    @Test
    void everyRunIsMonotoneAndWithinTheBudget() {
        assertThat(RESULT.runs()).hasSize(4 * SEEDS);
        for (RunCurve run : RESULT.runs()) {
            assertThat(run.trainingSeconds()).isLessThanOrEqualTo(400);
            double[] time = run.time();
            double[] valid = run.valid();
            for (int i = 1; i < time.length; i++) {
                assertThat(time[i]).isGreaterThanOrEqualTo(time[i - 1]);
                if (!Double.isNaN(valid[i - 1])) {
                    assertThat(valid[i]).as("%s", run).isGreaterThanOrEqualTo(valid[i - 1]);
                }
            }
        }
        assertThat(RESULT.runsOf("ppo")).extracting(RunCurve::seed).containsExactly(10L, 11L, 12L, 13L, 14L);
    }

    @Test
    void theBandHoldsTheQuartilesOfThePresentRuns() {
        for (Curve curve : RESULT.curves()) {
            double[] time = curve.time();
            List<RunCurve> runs = RESULT.runsOf(curve.strategy());
            for (int i = 0; i < time.length; i++) {
                double at = time[i];
                double[] values = runs.stream().mapToDouble(r -> r.valueAt(curve.metric(), at))
                        .filter(v -> !Double.isNaN(v)).sorted().toArray();
                assertThat(curve.runs()[i]).isEqualTo(values.length);
                if (values.length == 0) {
                    assertThat(curve.mean()[i]).isNaN();
                    continue;
                }
                assertThat(curve.q25()[i]).isLessThanOrEqualTo(curve.q75()[i]);
                assertThat(curve.q25()[i]).isBetween(values[0], values[values.length - 1]);
                assertThat(curve.q75()[i]).isBetween(values[0], values[values.length - 1]);
                // The mean of equal values may round a last bit below them.
                assertThat(curve.mean()[i]).isBetween(values[0] - 1e-12, values[values.length - 1] + 1e-12);
            }
        }
    }

    @Test
    void theSummaryMatchesAnIndependentRecomputation() {
        for (Map.Entry<String, SearchStrategy> strategy : strategies().entrySet()) {
            List<Double> tests = new ArrayList<>();
            List<Double> valids = new ArrayList<>();
            double evaluations = 0;
            for (long seed = 10; seed < 10 + SEEDS; seed++) {
                SearchResult result = SearchRun.builder().space(PROBLEM.space()).costModel(PROBLEM.costs())
                        .evaluator(EVALUATOR).strategy(strategy.getValue()).target(TARGET).budget(BUDGET).seed(seed)
                        .build().run();
                Trial best = null;
                double seconds = 0;
                int counted = 0;
                for (Trial trial : result.trials()) {
                    seconds += trial.trainingSeconds();
                    if (seconds > 400) {
                        break;
                    }
                    counted++;
                    if (TARGET.contains(trial.cost()) && (best == null || trial.objective() > best.objective())) {
                        best = trial;
                    }
                }
                evaluations += counted;
                valids.add(best.objective());
                tests.add(best.metrics().values().get(Metrics.TEST_ACCURACY));
            }
            SummaryRow row = RESULT.summaryOf(strategy.getKey());
            assertThat(row.runs()).isEqualTo(SEEDS);
            assertThat(row.found()).isEqualTo(SEEDS);
            assertThat(row.meanValid()).isCloseTo(mean(valids), within(1e-12));
            assertThat(row.stdValid()).isCloseTo(std(valids), within(1e-12));
            assertThat(row.meanTest()).isCloseTo(mean(tests), within(1e-12));
            assertThat(row.stdTest()).isCloseTo(std(tests), within(1e-12));
            assertThat(row.meanEvaluations()).isCloseTo(evaluations / SEEDS, within(1e-12));
            Curve valid = RESULT.curve(strategy.getKey(), Metric.VALID);
            assertThat(valid.mean()[39]).as("the curve ends at the summary").isCloseTo(mean(valids), within(1e-12));
        }
    }

    @Test
    void layerNasBeatsRandomSearchOnThisProblem() {
        assertThat(RESULT.summaryOf("layernas").meanValid()).isGreaterThan(RESULT.summaryOf("random").meanValid());
    }

    @Test
    void workersDoNotChangeTheResultAndProgressSeesEveryRun() {
        AtomicInteger calls = new AtomicInteger();
        ComparisonResult serial = compare(1, (run, done, total) -> {
            calls.incrementAndGet();
            assertThat(total).isEqualTo(4 * SEEDS);
        });
        assertThat(serial).isEqualTo(RESULT);
        assertThat(calls.get()).isEqualTo(4 * SEEDS);
    }

    @Test
    void aComparisonInterruptedHalfWayKeepsItsFinishedRunsAndResumesToTheSameResult() {
        Map<String, List<Trial>> kept = new java.util.concurrent.ConcurrentHashMap<>();
        FinishedRuns store = new FinishedRuns() {
            @Override
            public java.util.Optional<List<Trial>> load(String strategy, long seed) {
                return java.util.Optional.ofNullable(kept.get(strategy + "/" + seed));
            }

            @Override
            public void save(String strategy, long seed, List<Trial> trials) {
                kept.put(strategy + "/" + seed, trials);
            }
        };
        AtomicInteger evaluations = new AtomicInteger();
        compare(1, request -> {
            evaluations.incrementAndGet();
            return EVALUATOR.evaluate(request);
        }, FinishedRuns.NONE);
        int limit = evaluations.getAndSet(0) / 2;
        Evaluator crashesHalfWay = request -> {
            if (evaluations.incrementAndGet() > limit) {
                throw new Error("killed");
            }
            return EVALUATOR.evaluate(request);
        };
        assertThatThrownBy(() -> compare(1, crashesHalfWay, store)).hasRootCauseMessage("killed");
        int finishedBeforeCrash = kept.size();
        assertThat(finishedBeforeCrash).isBetween(1, 4 * SEEDS - 1);

        Map<String, List<Trial>> before = Map.copyOf(kept);
        ComparisonResult resumed = compare(1, EVALUATOR, store);
        assertThat(resumed).isEqualTo(RESULT);
        assertThat(kept).hasSize(4 * SEEDS).containsAllEntriesOf(before);
    }

    @Test
    void theOptimumAppearsInTheTable() throws Exception {
        Optimum optimum = Optimum.byEnumeration(PROBLEM.space(), PROBLEM.costs(), EVALUATOR, TARGET, 1_000_000);
        assertThat(optimum.bestValid()).isCloseTo(PROBLEM.bruteForceOptimum(TARGET), within(1e-12));
        ComparisonResult result = Comparison.builder().run(template(TARGET, BUDGET))
                .evaluator(EVALUATOR).seeds(2).strategy("random",
                        new RandomSearch(RandomSearch.Config.defaults())).optimum(optimum).build().run();
        assertThat(result.summaryTable()).contains("| optimum").contains(String.format(java.util.Locale.ROOT, "%.4f",
                optimum.bestValid()));
        assertThat(result.summaryOf("random").meanValid()).isLessThanOrEqualTo(optimum.bestValid());
    }

    @Test
    void aComparisonNeedsACommonBudgetAndUniqueNames() {
        assertThatThrownBy(() -> Comparison.builder().run(template(TargetRange.unconstrained(), Budget.unlimited()))
                .evaluator(EVALUATOR).strategy("a", c -> { }).build())
                .hasMessageContaining("unlimited");
        assertThatThrownBy(() -> Comparison.builder().strategy("a", c -> { }).strategy("a", c -> { }))
                .hasMessageContaining("'a' is given twice");
        assertThatThrownBy(() -> Comparison.builder().strategy("a,b", c -> { })).hasMessageContaining("commas");
    }

    @Test
    void runsWithoutTrainingTimeNeedTheEvaluationAxis() {
        Comparison.Builder builder = Comparison.builder().run(template(TARGET, Budget.evaluations(30)))
                .evaluator(PROBLEM.evaluator()).seeds(2)
                .strategy("random", new RandomSearch(RandomSearch.Config.defaults()));
        assertThatThrownBy(() -> builder.build().run()).hasMessageContaining("Axis.EVALUATIONS");
        ComparisonResult result = builder.axis(Axis.EVALUATIONS).gridPoints(30).build().run();
        assertThat(result.grid()[29]).isEqualTo(30);
        assertThat(result.summaryOf("random").meanEvaluations()).isEqualTo(30);
        assertThat(result.summaryOf("random").meanTest()).isNaN();
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.size();
    }

    private static double std(List<Double> values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.size());
    }

    @Test
    void aComparisonCopiesItsRunTemplateAndTheTemplateCarriesTheRunSettings() {
        SearchRun.Builder template = template(TARGET, Budget.evaluations(20));
        Comparison.Builder builder = Comparison.builder().run(template).evaluator(PROBLEM.evaluator()).seeds(2)
                .axis(Axis.EVALUATIONS).gridPoints(20).strategy("random", new RandomSearch(RandomSearch.Config.defaults()));
        Comparison comparison = builder.build();
        template.problem(new Problem(PROBLEM.space(), PROBLEM.costs(), new TargetRange(1000, 2000), Budget.evaluations(3)));
        ComparisonResult result = comparison.run();
        assertThat(result.runs()).allSatisfy(run -> assertThat(run.evaluations()).isEqualTo(20));
        assertThat(result.provenance()).containsEntry("target", "[" + TARGET.low() + ", " + TARGET.high() + "]");

        Evaluator failing = request -> {
            throw new IllegalStateException("no data");
        };
        ComparisonResult stopped = Comparison.builder().run(template(TARGET, Budget.evaluations(20))
                .maxConsecutiveFailures(2)).evaluator(failing).seeds(2).axis(Axis.EVALUATIONS)
                .strategy("random", new RandomSearch(RandomSearch.Config.defaults())).build().run();
        assertThat(stopped.runs()).allSatisfy(run -> assertThat(run.evaluations()).isEqualTo(2));
    }
}
