package io.layernas.core.tpe;

import io.layernas.api.Architecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What TPE has been told, in order, as an Optuna study holds it: every suggestion with its loss
 * (the negated objective) and its constraint violation (0 inside the target). A suggestion seen
 * before is told again with its known value, as a new trial. Owned by one search; not thread-safe.
 */
final class TpeHistory {
    private final List<Architecture> architectures = new ArrayList<>();
    private double[] losses = new double[64];
    private double[] violations = new double[64];

    /** Records one told trial. */
    void add(Architecture architecture, double loss, double violation) {
        int n = architectures.size();
        if (n == losses.length) {
            losses = Arrays.copyOf(losses, 2 * n);
            violations = Arrays.copyOf(violations, 2 * n);
        }
        architectures.add(architecture);
        losses[n] = loss;
        violations[n] = violation;
    }

    /** Number of told trials. */
    int size() {
        return architectures.size();
    }

    /** The choice of {@code layer} of trial {@code index}. */
    int choice(int index, int layer) {
        return architectures.get(index).choice(layer);
    }

    /**
     * Optuna's {@code _split_observation_pairs} with constraints: the {@code below} best trials, and
     * the rest, each in chronological order. When fewer than {@code below + 1} trials are feasible,
     * the below group is the least violating ones; otherwise the feasible trials of least loss, and
     * every infeasible trial is above.
     *
     * @return {@code [below, above]} as trial indices
     */
    int[][] split(int below) {
        int n = size();
        int feasible = 0;
        for (int i = 0; i < n; i++) {
            feasible += violations[i] == 0 ? 1 : 0;
        }
        int[] low;
        if (feasible <= below) {
            low = smallest(violations, below, false);
        } else {
            low = smallest(losses, below, true);
        }
        boolean[] isLow = new boolean[n];
        for (int i : low) {
            isLow[i] = true;
        }
        int[] high = IntStream.range(0, n).filter(i -> !isLow[i]).toArray();
        return new int[][] {low, high};
    }

    /**
     * The {@code count} trials of least {@code key} (earlier first on ties), in chronological
     * order: one pass keeping a sorted array of at most {@code count} indices.
     */
    private int[] smallest(double[] key, int count, boolean feasibleOnly) {
        int[] kept = new int[count];
        int size = 0;
        for (int i = 0; i < size(); i++) {
            if (feasibleOnly && violations[i] > 0 || size == count && key[i] >= key[kept[size - 1]]) {
                continue;
            }
            int position = size == count ? count - 1 : size++;
            while (position > 0 && key[kept[position - 1]] > key[i]) {
                kept[position] = kept[position - 1];
                position--;
            }
            kept[position] = i;
        }
        int[] indices = Arrays.copyOf(kept, size);
        Arrays.sort(indices);
        return indices;
    }
}
