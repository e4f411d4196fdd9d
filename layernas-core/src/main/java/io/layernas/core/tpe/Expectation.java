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
    static Architecture independent(CategoricalParzen[] below, double[][] above, int candidates,
                                    SplittableRandom random) {
        int[] choices = new int[below.length];
        for (int layer = 0; layer < below.length; layer++) {
            double[] l = below[layer].probabilities();
            double[] g = above[layer];
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

    /** Draws from the below estimator tried per candidate before drawing from it restricted to the feasible list. */
    static final int TRIES = 64;

    /**
     * Under a target: whole architectures drawn from the below estimator {@code l} restricted to the open
     * set ({@link Feasible#isOpen}: in the target, not suggested yet), scored by {@code log l(x) - log g(x)} of the product (univariate: the sum of the layers'
     * log ratios, what {@link #independent} maximises layer by layer) or of the joint mixture. A
     * draw is rejected while infeasible, up to {@link #TRIES} times; then, when the feasible set is
     * listed, candidates are drawn exactly from {@code l} over the list; otherwise the candidate is
     * skipped. When no candidate was feasible the last draw is returned, infeasible.
     */
    static Architecture constrained(Density l, Density g, int candidates, Feasible feasible,
                                    SplittableRandom random) {
        double[] listWeights = null;
        int[] best = null;
        int[] draw = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            int[] x = null;
            for (int t = 0; listWeights == null && x == null && t < TRIES; t++) {
                draw = l.draw(random);
                x = feasible.isOpen(draw) ? draw : null;
            }
            if (x == null && feasible.enumerated()) {
                listWeights = listWeights == null ? l.cumulativeOver(feasible) : listWeights;
                x = feasible.get(drawIndex(listWeights, random));
            }
            if (x == null) {
                continue;
            }
            double score = l.log(x) - g.log(x);
            if (best == null || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return Architecture.of(best != null ? best : draw);
    }

    private static int drawIndex(double[] cumulative, SplittableRandom random) {
        return CategoricalParzen.firstAbove(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
    }

    /** A product of per-layer estimators (univariate) or their joint mixture, to draw from and to score. */
    static final class Density {
        private final CategoricalParzen[] layers;
        private final boolean joint;
        private final double[][] logProbabilities;

        private Density(CategoricalParzen[] layers, boolean joint, double[][] probabilities) {
            this.layers = layers;
            this.joint = joint;
            this.logProbabilities = new double[probabilities.length][];
            for (int layer = 0; layer < probabilities.length; layer++) {
                double[] p = probabilities[layer];
                logProbabilities[layer] = new double[p.length];
                for (int c = 0; c < p.length; c++) {
                    logProbabilities[layer][c] = Math.log(p[c]);
                }
            }
        }

        /** The joint mixture of per-layer estimators sharing their kernels (multivariate). */
        static Density joint(CategoricalParzen[] layers) {
            return new Density(layers, true, new double[0][]);
        }

        /** The product of per-layer estimators (univariate): to draw from and to score. */
        static Density independent(CategoricalParzen[] layers) {
            double[][] probabilities = new double[layers.length][];
            for (int layer = 0; layer < layers.length; layer++) {
                probabilities[layer] = layers[layer].probabilities();
            }
            return new Density(layers, false, probabilities);
        }

        /** The product of per-layer option probabilities (univariate): to score only. */
        static Density independent(double[][] probabilities) {
            return new Density(null, false, probabilities);
        }

        int[] draw(SplittableRandom random) {
            int[] x = new int[layers.length];
            int shared = joint ? layers[0].drawKernel(random) : -1;
            for (int layer = 0; layer < layers.length; layer++) {
                int kernel = joint ? shared : layers[layer].drawKernel(random);
                x[layer] = layers[layer].drawFromKernel(kernel, random);
            }
            return x;
        }

        double log(int[] x) {
            if (joint) {
                return logPdf(layers, x);
            }
            double sum = 0;
            for (int layer = 0; layer < x.length; layer++) {
                sum += logProbabilities[layer][x[layer]];
            }
            return sum;
        }

        /** Cumulative densities over the feasible list, for exact draws from this density restricted to it. */
        double[] cumulativeOver(Feasible feasible) {
            double[] cumulative = new double[feasible.listed()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += feasible.isOpen(i) ? Math.exp(log(feasible.get(i))) : 0;
                cumulative[i] = sum;
            }
            return cumulative;
        }
    }
}
