package io.layernas.evaluators.training;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchResult;
import io.layernas.api.Settings;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.SearchRun;
import io.layernas.spaces.mobilenet.MobileNetSpace;
import io.layernas.spaces.mobilenet.NetworkCostModel;
import io.layernas.spaces.mobilenet.PaperSpaces;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A real LayerNAS search on {@code mobilenet-mini} with Fashion-MNIST training, the run whose numbers
 * docs/training.md reports. Not a test: run it by hand (see docs/training.md).
 *
 * <pre>
 *   time   [architectures...]                      times the training of a few architectures
 *   search &lt;minutes&gt; &lt;trainSubset&gt; &lt;epochs&gt; &lt;seed&gt;  runs LayerNAS under a training-time budget
 *   compare &lt;trainSubset&gt; &lt;epochs&gt; &lt;architectures...&gt;   re-trains them with seeds 101..103
 * </pre>
 */
public final class MiniSearchRunner {

    private MiniSearchRunner() {
    }

    public static void main(String[] args) throws Exception {
        MobileNetSpace space = PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
        NetworkCostModel madds = NetworkCostModel.madds(space);
        if (args[0].equals("time")) {
            time(space, madds, args);
        } else if (args[0].equals("compare")) {
            DjlTrainingEvaluator evaluator = evaluator(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            Architecture[] architectures = new Architecture[args.length - 3];
            for (int i = 3; i < args.length; i++) {
                architectures[i - 3] = space.parse(args[i]);
            }
            retrain(space, madds, evaluator, architectures);
        } else {
            search(space, madds, Double.parseDouble(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Long.parseLong(args[4]));
        }
    }

    private static DjlTrainingEvaluator evaluator(int trainSubset, int epochs) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("epochs", epochs);
        values.put("trainSubset", trainSubset);
        values.put("validationFraction", 0.25);
        values.put("batchSize", 64);
        values.put("learningRate", 0.05);
        values.put("threads", Integer.getInteger("threads", 2));
        values.put("testSubset", Integer.getInteger("testSubset", 2000));
        return new DjlTrainingEvaluator(TrainingSettings.from(Settings.of("evaluator", values)));
    }

    private static void time(MobileNetSpace space, NetworkCostModel madds, String[] args) {
        DjlTrainingEvaluator evaluator = evaluator(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        for (int i = 3; i < args.length; i++) {
            Architecture architecture = space.parse(args[i]);
            Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, architecture, 0, 1, 1));
            System.out.println(describe(space.format(architecture), madds.cost(architecture), metrics));
        }
    }

    /** Searches under a budget of {@code minutes} of training time; -Dworkers and -Dthreads set the parallelism. */
    private static void search(MobileNetSpace space, NetworkCostModel madds, double minutes, int trainSubset,
                               int epochs, long seed) {
        DjlTrainingEvaluator evaluator = evaluator(trainSubset, epochs);
        Architecture baseline = space.defaultArchitecture();
        double baselineMadds = madds.cost(baseline);
        LayerNas strategy = new LayerNas(new LayerNas.Config(8, 1, 3, 3, LayerNas.Policy.BEST, false));
        System.out.printf(Locale.ROOT, "baseline %s %.0f MAdds, cheapest %.0f MAdds%n", space.format(baseline),
                baselineMadds, madds.range(baseline, 0, space.layerCount() - 1).min());
        long start = System.nanoTime();
        SearchResult result = SearchRun.builder().space(space).costModel(madds).evaluator(evaluator).strategy(strategy)
                .target(new TargetRange(0.6 * baselineMadds, 0.8 * baselineMadds))
                .budget(Budget.trainingSeconds(minutes * 60)).seed(seed).workers(Integer.getInteger("workers", 1))
                .listener(event -> {
                    if (event instanceof SearchEvent.TrialFinished finished) {
                        Trial trial = finished.trial();
                        System.out.println(trial.index() + " layer " + trial.layer() + " " + space.format(trial.architecture())
                                + String.format(Locale.ROOT, " %.0f MAdds ", trial.cost())
                                + (trial.succeeded() ? String.format(Locale.ROOT, "val %.4f test %.4f %.1fs",
                                trial.objective(), trial.metrics().value("test_accuracy", -1), trial.trainingSeconds())
                                : trial.failure()));
                    }
                }).build().run();
        System.out.printf(Locale.ROOT, "%nsearch: %d trials, %.0f s training, %.0f s wall, stop %s%n",
                result.evaluations(), result.trainingSeconds(), (System.nanoTime() - start) / 1e9, result.stopReason());
        result.trials().stream().filter(t -> t.architecture().equals(baseline)).findFirst().ifPresent(base ->
                System.out.println("baseline in search " + describe(space.format(baseline), baselineMadds, base.metrics())));
        result.bestTrial().ifPresent(best -> {
            System.out.println("best in search     " + describe(space.format(best.architecture()), best.cost(),
                    best.metrics()));
            retrain(space, madds, evaluator, baseline, best.architecture());
        });
    }

    private static void retrain(MobileNetSpace space, NetworkCostModel madds, DjlTrainingEvaluator evaluator,
                                Architecture... architectures) {
        System.out.println("re-trained with seeds 101..103 (search settings):");
        for (long retrainSeed = 101; retrainSeed <= 103; retrainSeed++) {
            for (Architecture architecture : architectures) {
                Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, architecture, -1, retrainSeed, 1));
                System.out.println("  seed " + retrainSeed + " " + describe(space.format(architecture),
                        madds.cost(architecture), metrics));
            }
        }
    }

    private static String describe(String architecture, double cost, Metrics metrics) {
        return String.format(Locale.ROOT, "%s  %.2fM MAdds  %.0f params  val %.4f  test %.4f  train %.1f s  eval %.1f s",
                architecture, cost / 1e6, metrics.value("params", -1), metrics.objective(),
                metrics.value("test_accuracy", -1), metrics.trainingSeconds(), metrics.value("evaluation_seconds", -1));
    }
}
