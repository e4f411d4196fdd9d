package io.layernas.bench;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.layernas.Sizing;
import java.util.List;
import java.util.Locale;

/**
 * LayerNAS with its defaults against preset paper (with a warm start, and each sizing) on size search, 100 seeds each, synthetic
 * stand-in evaluator: the NATS-Bench size space (FLOPs 45-50% of the largest, 200 trainings) and
 * MobileNetV3-Small (MAdds 90-100% of the largest, 500 trainings). A report (docs/comparison.md),
 * not a test: {@code java -cp layernas-bench/target/benchmarks.jar io.layernas.bench.SizeSearchReport}.
 */
public final class SizeSearchReport {
    private SizeSearchReport() {
    }

    /** Prints one line per space and configuration. */
    public static void main(String[] args) {
        String[][] cases = {{"nats-sss", "nats-flops", "0.45", "0.5", "200"}, {"mobilenet-v3-small", "madds", "0.9", "1.0", "500"}};
        for (String[] c : cases) {
            Problems.Problem p = Problems.builtIn(c[0], c[1], Double.parseDouble(c[2]), Double.parseDouble(c[3]));
            for (String label : List.of("paper", "defaults", "softmax R10", "warmStart 10", "sizing fixed",
                    "sizing budget", "sizing finish")) {
                LayerNas.Config config = switch (label) {
                    case "paper" -> LayerNas.Config.paper();
                    // The defaults until 2026-11-30: a softmax draw of R = 10 parents a pass.
                    case "softmax R10" -> LayerNas.Config.defaults().withPolicy(LayerNas.Policy.SOFTMAX).withSelections(10);
                    case "warmStart 10" -> LayerNas.Config.defaults().withWarmStart(10);
                    case "sizing fixed" -> LayerNas.Config.defaults().withSizing(Sizing.FIXED);
                    case "sizing budget" -> LayerNas.Config.defaults().withSizing(Sizing.BUDGET);
                    case "sizing finish" -> LayerNas.Config.defaults().withSizing(Sizing.FINISH);
                    default -> LayerNas.Config.defaults();
                };
                double sum = 0, sq = 0; int n = 0, found = 0;
                for (long seed = 0; seed < 100; seed++) {
                    SearchResult r = SearchRun.builder().space(p.space()).costModel(p.costs())
                        .evaluator(new SyntheticEvaluator(1, 0.005, 1)).strategy(new LayerNas(config))
                        .target(p.target()).budget(Budget.evaluations(Integer.parseInt(c[4]))).seed(seed).build().run();
                    n++;
                    if (r.best() != null) { found++; sum += r.best().objective(); sq += r.best().objective() * r.best().objective(); }
                }
                double mean = sum / found;
                System.out.printf(Locale.ROOT, "%s %s target [%s,%s] of max, %s evaluations: %s mean best %.4f sd %.4f found %d/%d%n",
                    c[0], c[1], c[2], c[3], c[4], label, mean, Math.sqrt(sq / found - mean * mean), found, n);
            }
        }
    }
}
