package io.layernas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Evaluator} must do: measure any valid architecture of its space with finite
 * metrics, give the same metrics for the same request (so a run can be repeated and resumed), tell
 * architectures apart, and give the same answers when called from several threads at once (runs
 * evaluate in parallel). A plugin's test extends this class, passes the space to its
 * constructor and says how to make its evaluator.
 */
public abstract class EvaluatorContract {
    private final SearchSpace space;
    private Evaluator evaluator;

    /** A contract test of evaluators of {@code space}: the subclass's constructor passes it. */
    protected EvaluatorContract(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    /** The space whose architectures the evaluator measures. */
    protected final SearchSpace space() {
        return space;
    }

    /** A new evaluator under test; closed after each test. */
    protected abstract Evaluator createEvaluator() throws Exception;

    /** How many architectures the tests measure; lower it for an evaluator that trains for real. */
    protected int sampleSize() {
        return 12;
    }

    @BeforeEach
    void create() throws Exception {
        evaluator = createEvaluator();
    }

    @AfterEach
    void close() throws Exception {
        evaluator.close();
    }

    /** The architectures the tests measure: the default one, then random ones from a fixed seed. */
    protected List<Architecture> sample() {
        List<Architecture> sample = new ArrayList<>(List.of(space().defaultArchitecture()));
        SplittableRandom random = new SplittableRandom(17);
        while (sample.size() < sampleSize()) {
            int[] choices = new int[space().layerCount()];
            for (int i = 0; i < choices.length; i++) {
                choices[i] = random.nextInt(space().layers().get(i).size());
            }
            sample.add(Architecture.of(choices));
        }
        return sample;
    }

    private EvaluationRequest request(Architecture architecture, int index) {
        return new EvaluationRequest(space(), architecture, index, 1000L + index, 1);
    }

    @Test
    void measuresEveryArchitectureWithFiniteMetrics() throws Exception {
        List<Architecture> sample = sample();
        for (int i = 0; i < sample.size(); i++) {
            Metrics metrics = evaluator.evaluate(request(sample.get(i), i));
            assertThat(metrics).as("metrics of %s", space().format(sample.get(i))).isNotNull();
            assertThat(metrics.objective()).isFinite();
            assertThat(metrics.trainingSeconds()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(metrics.values().values()).allSatisfy(v -> assertThat(v).isNotNull());
        }
    }

    @Test
    void theSameRequestGivesTheSameObjective() throws Exception {
        List<Architecture> sample = sample();
        for (int i = 0; i < sample.size(); i++) {
            double first = evaluator.evaluate(request(sample.get(i), i)).objective();
            assertThat(evaluator.evaluate(request(sample.get(i), i)).objective()).isEqualTo(first);
        }
    }

    @Test
    void tellsArchitecturesApart() throws Exception {
        List<Double> objectives = new ArrayList<>();
        List<Architecture> sample = sample();
        for (int i = 0; i < sample.size(); i++) {
            objectives.add(evaluator.evaluate(request(sample.get(i), i)).objective());
        }
        assertThat(objectives.stream().distinct().count()).as("distinct objectives of %s", objectives)
                .isGreaterThan(1);
    }

    @Test
    void answersFromSeveralThreadsAsFromOne() throws Exception {
        List<Architecture> sample = sample();
        List<Double> alone = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            alone.add(evaluator.evaluate(request(sample.get(i), i)).objective());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Double>> parallel = new ArrayList<>();
            for (int i = 0; i < sample.size(); i++) {
                EvaluationRequest request = request(sample.get(i), i);
                parallel.add(pool.submit(() -> evaluator.evaluate(request).objective()));
            }
            for (int i = 0; i < sample.size(); i++) {
                assertThat(parallel.get(i).get()).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
