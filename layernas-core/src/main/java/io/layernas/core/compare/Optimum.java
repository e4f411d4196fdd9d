package io.layernas.core.compare;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.core.Seeds;

/**
 * The best any search could report inside the target, the "optimal" lines of the paper's Tables
 * 3 and 4. Immutable.
 *
 * @param bestValid       the highest validation accuracy inside the target
 * @param testOfBestValid the test accuracy of that model (what a perfect search would report)
 * @param bestTest        the highest test accuracy inside the target (a bound no search that
 *                        selects by validation accuracy can beat)
 * @param architecture    the model with {@code bestValid}
 * @param inTarget        number of architectures inside the target
 */
public record Optimum(double bestValid, double testOfBestValid, double bestTest, Architecture architecture,
                      long inTarget) {

    /**
     * Evaluates every architecture of a small space inside the target and returns the optimum.
     * Meant for benchmark tables and stand-in evaluators, where an evaluation is a look-up; each
     * architecture is evaluated once, with the seed a run of seed 0 would give it.
     *
     * @throws IllegalStateException when the space has more than {@code limit} architectures, or
     *                               nothing lies inside the target
     * @throws Exception             what the evaluator throws
     */
    public static Optimum byEnumeration(SearchSpace space, CostModel costModel, Evaluator evaluator,
                                        TargetRange target, int limit) throws Exception {
        double bestValid = Double.NEGATIVE_INFINITY;
        double testOfBestValid = Double.NaN;
        double bestTest = Double.NaN;
        Architecture best = null;
        long inTarget = 0;
        int index = 0;
        for (Architecture architecture : space.enumerate(limit)) {
            if (!target.contains(costModel.cost(architecture))) {
                continue;
            }
            inTarget++;
            Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, architecture, index++,
                    Seeds.forArchitecture(0, architecture), 1));
            double test = metrics.value(Metrics.TEST_ACCURACY, Double.NaN);
            if (metrics.objective() > bestValid) {
                bestValid = metrics.objective();
                testOfBestValid = test;
                best = architecture;
            }
            bestTest = Double.isNaN(bestTest) || test > bestTest ? test : bestTest;
        }
        if (best == null) {
            throw new IllegalStateException("no architecture of space '" + space.name() + "' has a cost inside the target ["
                    + target.low() + ", " + target.high() + "] " + costModel.unit() + "; widen the target");
        }
        return new Optimum(bestValid, testOfBestValid, bestTest, best, inTarget);
    }
}
