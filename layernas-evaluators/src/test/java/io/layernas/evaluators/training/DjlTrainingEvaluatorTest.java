package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real (tiny) training runs of a network of 2,634 weights: 1800 images for 2 epochs, or 450 for 1. */
class DjlTrainingEvaluatorTest {
    private static final TinyNetworkSpace SPACE = new TinyNetworkSpace();
    private static DjlTrainingEvaluator learning;
    private static DjlTrainingEvaluator quick;

    @BeforeAll
    static void createEvaluators() {
        FashionMnistData.load();
        learning = evaluator(2000, 2);
        quick = evaluator(500, 1);
    }

    private static DjlTrainingEvaluator evaluator(int images, int epochs) {
        return new DjlTrainingEvaluator(TrainingSettings.from(Settings.of("evaluator", Map.of(
                "datasetDir", FashionMnistData.directory().toString(), "epochs", epochs, "batchSize", 50,
                "learningRate", 0.2, "trainSubset", images, "validationFraction", 0.1, "testSubset", 500,
                "threads", 1))));
    }

    @Test
    void trainingLearnsFarBeyondChance() {
        Metrics metrics = learning.evaluate(new EvaluationRequest(SPACE, SPACE.defaultArchitecture(), 0, 1, 1));
        assertThat(metrics.objective()).isGreaterThan(0.5);
        assertThat(metrics.value(Metrics.TEST_ACCURACY, -1)).isGreaterThan(0.5);
        assertThat(metrics.objective()).isEqualTo(metrics.value("validation_accuracy", -1));
        assertThat(metrics.trainingSeconds()).isPositive();
        assertThat(metrics.value("train_loss", -1)).isBetween(0.0, Math.log(10) + 1);
    }

    /** A leak here would grow the process by the arrays of every training, and slow later trainings. */
    @Test
    void aTrainingLeavesNoArraysAttachedToTheEnginesManagers() {
        quick.evaluate(new EvaluationRequest(SPACE, SPACE.defaultArchitecture(), 0, 1, 1));
        long before = StepProfiler.liveArrays();
        quick.evaluate(new EvaluationRequest(SPACE, SPACE.defaultArchitecture(), 0, 2, 1));
        quick.evaluate(new EvaluationRequest(SPACE, Architecture.of(1, 1), 0, 3, 1));
        assertThat(before).isNotNegative();
        assertThat(StepProfiler.liveArrays()).isEqualTo(before);
    }

    @Test
    void sameSeedGivesTheSameMetricsAndAnotherSeedDiffers() {
        Architecture architecture = Architecture.of(1, 1);
        Metrics first = evaluate(architecture, 42);
        Metrics again = evaluate(architecture, 42);
        Metrics other = evaluate(architecture, 43);
        assertThat(again.objective()).isEqualTo(first.objective());
        assertThat(again.value("train_loss", -1)).isEqualTo(first.value("train_loss", -1));
        assertThat(again.value(Metrics.TEST_ACCURACY, -1)).isEqualTo(first.value(Metrics.TEST_ACCURACY, -1));
        assertThat(other.value("train_loss", -1)).isNotEqualTo(first.value("train_loss", -1));
    }

    /**
     * Backward passes read what the forward pass kept. A constant that DJL made over a Java buffer
     * and then let go (x.div(6f) in hard-sigmoid, relu6's minimum) was freed by the garbage collector
     * before backward read it: with a collection every 2 ms nearly every training diverged within
     * ten steps. The tiny network has hswish, relu6 and squeeze-and-excite.
     */
    @Test
    void garbageCollectionsDuringTrainingChangeNothing() throws Exception {
        Architecture architecture = Architecture.of(1, 1);
        Metrics calm = evaluate(architecture, 7);
        Thread collector = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            for (int run = 0; run < 3; run++) {
                Metrics stressed = evaluate(architecture, 7);
                assertThat(stressed.value("train_loss", -1)).as("run %d", run).isEqualTo(calm.value("train_loss", -1));
                assertThat(stressed.objective()).isEqualTo(calm.objective());
            }
        } finally {
            collector.interrupt();
            collector.join();
        }
    }

    @Test
    void parallelEvaluationsGiveTheSameMetricsAsSequentialOnes() throws Exception {
        List<Architecture> architectures = List.of(Architecture.of(0, 0), Architecture.of(1, 0));
        List<Metrics> sequential = new ArrayList<>();
        for (Architecture architecture : architectures) {
            sequential.add(evaluate(architecture, 5));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Metrics>> parallel = new ArrayList<>();
            for (Architecture architecture : architectures) {
                parallel.add(pool.submit(() -> evaluate(architecture, 5)));
            }
            for (int i = 0; i < architectures.size(); i++) {
                Metrics metrics = parallel.get(i).get();
                assertThat(metrics.objective()).isEqualTo(sequential.get(i).objective());
                assertThat(metrics.value("train_loss", -1)).isEqualTo(sequential.get(i).value("train_loss", -1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reportedParamsAreTheAnalyticCount() {
        Architecture architecture = Architecture.of(0, 1);
        long expected = 9 * 8 // stem conv
                + 8 * 16 + 25 * 16 + 16 * 16 // expand, depthwise 5x5, project
                + 16 * 32 + 25 * 32 + (32 * 8 + 8 + 8 * 32 + 32) + 32 * 16 // with squeeze-excite (32 -> 8 -> 32)
                + 16 * 10 + 10; // classifier
        assertThat(evaluate(architecture, 3).value("params", -1)).isEqualTo(expected);
    }

    @Test
    void providerIsFoundByNameAndRejectsSpacesWithoutNetworks() {
        EvaluatorProvider provider = ServiceLoader.load(EvaluatorProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("djl-train")).findFirst().orElseThrow();
        SearchSpace plain = new SimpleSearchSpace("plain", List.of(new Layer("a", List.of("x"))));
        assertThatThrownBy(() -> provider.create(plain, Settings.empty("evaluator")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'plain'")
                .hasMessageContaining("'command' evaluator");
    }

    private static Metrics evaluate(Architecture architecture, long seed) {
        return quick.evaluate(new EvaluationRequest(SPACE, architecture, 0, seed, 1));
    }
}
