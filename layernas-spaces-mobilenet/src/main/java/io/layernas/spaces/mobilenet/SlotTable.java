package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;
import java.util.function.ToDoubleFunction;

/**
 * The cost of one slot for every combination of the options it depends on, computed once, plus
 * the least and greatest cost over its own layer's options for each (input, output) pair. When the
 * input and output width come from the same layer only the diagonal is filled.
 */
final class SlotTable {
    final Slot slot;
    private final int nOwn;
    private final int nOut;
    private final double[] cost;
    private final double[] minOwn;
    private final double[] maxOwn;

    SlotTable(Slot slot, int nIn, int nOwn, int nOut, ToDoubleFunction<Op> opCost) {
        this.slot = slot;
        this.nOwn = nOwn;
        this.nOut = nOut;
        this.cost = new double[nIn * nOwn * nOut];
        this.minOwn = new double[nIn * nOut];
        this.maxOwn = new double[nIn * nOut];
        boolean diagonal = slot.inLayer() >= 0 && slot.inLayer() == slot.outLayer();
        for (int in = 0; in < nIn; in++) {
            for (int out = 0; out < nOut; out++) {
                if (!diagonal || in == out) {
                    fill(in, out, opCost);
                }
            }
        }
    }

    private void fill(int in, int out, ToDoubleFunction<Op> opCost) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int own = 0; own < nOwn; own++) {
            double c = opCost.applyAsDouble(slot.build(in, own, out));
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new IllegalStateException("cost of " + slot.name() + " is " + c + "; costs must be finite and >= 0");
            }
            cost[(in * nOwn + own) * nOut + out] = c;
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        minOwn[in * nOut + out] = min;
        maxOwn[in * nOut + out] = max;
    }

    double at(int in, int own, int out) {
        return cost[(in * nOwn + own) * nOut + out];
    }

    double bestOverOwn(int in, int out, boolean greatest) {
        return (greatest ? maxOwn : minOwn)[in * nOut + out];
    }
}
