package io.layernas.core.tpe;

import io.layernas.api.Architecture;
import java.util.SplittableRandom;

/**
 * TPE's choice among draws from the below estimator: the draw of largest {@code log l(x) - log
 * g(x)}, the first on ties (numpy's {@code argmax}). Stateless.
 */
final class Expectation {
    private Expectation() {
    }

    /** Univariate: each layer chosen on its own (Optuna's {@code sample_independent}). */
    static Architecture independent(CategoricalParzen[] below, CategoricalParzen[] above, int candidates,
                                    SplittableRandom random) {
        int[] choices = new int[below.length];
        for (int layer = 0; layer < below.length; layer++) {
            double[] l = below[layer].probabilities();
            double[] g = above[layer].probabilities();
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates; c++) {
                int kernel = below[layer].drawKernel(random);
                int x = below[layer].drawFromKernel(kernel, random);
                double score = Math.log(l[x]) - Math.log(g[x]);
                if (best < 0 || score > bestScore) {
                    best = x;
                    bestScore = score;
                }
            }
            choices[layer] = best;
        }
        return Architecture.of(choices);
    }

    /** Multivariate: whole architectures drawn kernel by kernel and scored jointly (Optuna's {@code sample_relative}). */
    static Architecture joint(CategoricalParzen[] below, CategoricalParzen[] above, int candidates,
                              SplittableRandom random) {
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            int kernel = below[0].drawKernel(random);
            int[] x = new int[below.length];
            for (int layer = 0; layer < below.length; layer++) {
                x[layer] = below[layer].drawFromKernel(kernel, random);
            }
            double score = logPdf(below, x) - logPdf(above, x);
            if (best == null || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return Architecture.of(best);
    }

    /** Log density of the product mixture at {@code x}: log-sum-exp over kernels. */
    static double logPdf(CategoricalParzen[] estimator, int[] x) {
        int kernels = estimator[0].kernels();
        double[] terms = new double[kernels];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kernels; k++) {
            double term = Math.log(estimator[0].mixtureWeight(k));
            for (int layer = 0; layer < estimator.length; layer++) {
                term += estimator[layer].kernelLogPdf(k, x[layer]);
            }
            terms[k] = term;
            max = Math.max(max, term);
        }
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }
}
