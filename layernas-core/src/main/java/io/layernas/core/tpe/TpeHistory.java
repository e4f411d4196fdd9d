package io.layernas.core.tpe;

import io.layernas.api.Architecture;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * What TPE has been told, in order, as an Optuna study holds it: every suggestion with its loss
 * (the negated objective) and its constraint violation (0 inside the target). A suggestion seen
 * before is told again with its known value, as a new trial. Owned by one search; not thread-safe.
 *
 * <p>A study that keeps suggesting cells it knows grows its history far beyond the architectures it
 * trained; Optuna pays for every told trial at every suggestion. Here the below group comes from a
 * running list of the {@link #MAX_BELOW} best feasible trials, and the above group's estimator
 * ({@link #aboveProbabilities}) from counts kept as the history grows, so a suggestion costs the
 * same after a million told trials as after a hundred.
 */
final class TpeHistory {
    /** Optuna's {@code default_gamma} never puts more trials below: {@code min(ceil(0.1 n), 25)}. */
    static final int MAX_BELOW = 25;
    /** {@code default_weights} gives weight 1 to this many newest observations, a ramp to the rest. */
    private static final int FLAT = 25;

    private final int[] sizes;
    /** The told trials' choices, trial after trial ({@code sizes.length} each): a converged study tells millions. */
    private int[] choices = new int[64];
    private int size;
    private double[] losses = new double[64];
    private double[] violations = new double[64];
    private int feasible;
    /** The best feasible trials by (loss, index), at most {@link #MAX_BELOW}. */
    private final int[] best = new int[MAX_BELOW];
    private int bestCount;
    private final AboveCounts above;

    /** @param sizes number of options of each layer */
    TpeHistory(int... sizes) {
        this.sizes = sizes.clone();
        this.above = new AboveCounts(sizes);
    }

    /** Records one told trial. */
    void add(Architecture architecture, double loss, double violation) {
        int n = size;
        if (n == losses.length) {
            losses = Arrays.copyOf(losses, 2 * n);
            violations = Arrays.copyOf(violations, 2 * n);
        }
        int layers = sizes.length;
        int needed = Math.multiplyExact(n + 1, layers);
        if (needed > choices.length) {
            choices = Arrays.copyOf(choices, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * choices.length, needed)));
        }
        for (int layer = 0; layer < layers; layer++) {
            choices[n * layers + layer] = architecture.choice(layer);
        }
        size++;
        losses[n] = loss;
        violations[n] = violation;
        if (violation == 0) {
            feasible++;
            bestCount = keep(best, bestCount, losses, n);
        }
    }

    /**
     * Puts trial {@code index}, newer than every trial in {@code kept}, into {@code kept} (its first
     * {@code size} trials, sorted by {@code key}, earlier first on ties) if there is room or it beats
     * the last; the array's length is the list's capacity.
     *
     * @return the list's new size
     */
    private static int keep(int[] kept, int size, double[] key, int index) {
        int capacity = kept.length;
        if (capacity == 0 || size == capacity && key[index] >= key[kept[capacity - 1]]) {
            return size;
        }
        int position = size == capacity ? capacity - 1 : size++;
        while (position > 0 && key[kept[position - 1]] > key[index]) {
            kept[position] = kept[position - 1];
            position--;
        }
        kept[position] = index;
        return size;
    }

    /** Number of told trials. */
    int size() {
        return size;
    }

    /** The choice of {@code layer} of trial {@code index}. */
    int choice(int index, int layer) {
        return choices[index * sizes.length + layer];
    }

    /**
     * Optuna's below group ({@code _split_observation_pairs} with constraints), in chronological
     * order: when fewer than {@code count + 1} trials are feasible, the {@code count} least
     * violating ones; otherwise the {@code count} feasible trials of least loss (earlier first on
     * ties).
     *
     * @param count the group's size, at most {@link #MAX_BELOW}
     */
    int[] below(int count) {
        if (count > MAX_BELOW) {
            throw new IllegalArgumentException("at most " + MAX_BELOW + " trials go below, not " + count);
        }
        int[] low = feasible <= count ? leastViolating(count) : Arrays.copyOf(best, count);
        Arrays.sort(low);
        return low;
    }

    /** Every trial not in {@code below} (as {@link #below} gives it), in chronological order. */
    int[] above(int[] below) {
        boolean[] isLow = new boolean[size()];
        for (int i : below) {
            isLow[i] = true;
        }
        return IntStream.range(0, size()).filter(i -> !isLow[i]).toArray();
    }

    /**
     * Per layer, the probability of each option under the above group's Parzen estimator: what
     * {@link CategoricalParzen#probabilities()} gives for the trials not in {@code below}, oldest
     * first, equal up to rounding.
     *
     * @param below       the below group, as {@link #below} gives it
     * @param priorWeight Optuna's {@code prior_weight}
     */
    double[][] aboveProbabilities(int[] below, double priorWeight) {
        return above.probabilities(below, priorWeight);
    }

    /** The {@code count} trials of least violation (earlier first on ties), any order. */
    private int[] leastViolating(int count) {
        int[] kept = new int[count];
        int size = 0;
        for (int i = 0; i < size(); i++) {
            size = keep(kept, size, violations, i);
        }
        return Arrays.copyOf(kept, size);
    }

    /**
     * The above group's weighted option counts. Optuna weighs the {@code m} above trials, oldest
     * first, by {@code default_weights(m)}: when {@code m > 25}, the first {@code r = m - 25} get
     * {@code numpy.linspace(1/m, 1, r)}, that is {@code a + b j} for the {@code j}-th, and the
     * newest 25 get 1. Per layer and option it keeps {@code K}, the number of ramp trials with
     * that option, and {@code J}, the sum of their positions {@code j}: exact integers, so the
     * weighted count {@code a K + b J + (count among the newest 25)} is the same however the sums
     * were reached. While the below group stays the same, the ramp only grows at its end and the
     * sums are extended; when it changes they are counted again.
     */
    private final class AboveCounts {
        private final long[][] rampCount;
        private final long[][] rampPositions;
        private final long[][] flatCount;
        private int[] countedBelow;
        private int ramp;
        /** The history index at which the ramp's next trial is looked for. */
        private int rampEnd;

        AboveCounts(int[] sizes) {
            rampCount = new long[sizes.length][];
            rampPositions = new long[sizes.length][];
            flatCount = new long[sizes.length][];
            for (int layer = 0; layer < sizes.length; layer++) {
                rampCount[layer] = new long[sizes[layer]];
                rampPositions[layer] = new long[sizes[layer]];
                flatCount[layer] = new long[sizes[layer]];
            }
        }

        double[][] probabilities(int[] below, double priorWeight) {
            int m = size() - below.length;
            if (!Arrays.equals(below, countedBelow)) {
                restart(below);
            }
            extendRamp(m > FLAT ? m - FLAT : 0);
            countFlat();
            double[][] p = new double[sizes.length][];
            for (int layer = 0; layer < sizes.length; layer++) {
                p[layer] = probabilities(layer, m, priorWeight);
            }
            return p;
        }

        /** Forgets the ramp's sums: they were counted around another below group. */
        private void restart(int[] below) {
            countedBelow = below.clone();
            ramp = 0;
            rampEnd = 0;
            Arrays.stream(rampCount).forEach(counts -> Arrays.fill(counts, 0));
            Arrays.stream(rampPositions).forEach(positions -> Arrays.fill(positions, 0));
        }

        /** Adds the above trials that have moved into the ramp since the last call, oldest first. */
        private void extendRamp(int wantedRamp) {
            for (; ramp < wantedRamp; rampEnd++) {
                if (Arrays.binarySearch(countedBelow, rampEnd) < 0) {
                    for (int layer = 0; layer < sizes.length; layer++) {
                        int option = choice(rampEnd, layer);
                        rampCount[layer][option]++;
                        rampPositions[layer][option] += ramp;
                    }
                    ramp++;
                }
            }
        }

        /** Counts the above trials after the ramp: at most the newest 25, weight 1 each. */
        private void countFlat() {
            Arrays.stream(flatCount).forEach(counts -> Arrays.fill(counts, 0));
            for (int i = rampEnd; i < size(); i++) {
                if (Arrays.binarySearch(countedBelow, i) < 0) {
                    for (int layer = 0; layer < sizes.length; layer++) {
                        flatCount[layer][choice(i, layer)]++;
                    }
                }
            }
        }

        /** {@link CategoricalParzen#probabilities()} of {@code m} observations, from the counts. */
        private double[] probabilities(int layer, int m, double priorWeight) {
            int choices = sizes[layer];
            double[] p = new double[choices];
            if (m == 0) {
                Arrays.fill(p, 1.0 / choices);
                return p;
            }
            double a = ramp >= 1 ? 1.0 / m : 0;
            double b = ramp >= 2 ? (1 - a) / (ramp - 1) : 0;
            double rampWeight = ramp >= 2 ? ramp * (1 + a) / 2 : a * ramp;
            double total = rampWeight + (m - ramp) + priorWeight;
            double shared = priorWeight / (m + 1);
            double rowSum = shared * choices + 1;
            double base = (1 - priorWeight / total) * shared / rowSum + priorWeight / total / choices;
            for (int c = 0; c < choices; c++) {
                double weighted = a * rampCount[layer][c] + b * rampPositions[layer][c] + flatCount[layer][c];
                p[c] = base + weighted / total / rowSum;
            }
            return p;
        }
    }
}
