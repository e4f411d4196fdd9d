package io.layernas.spaces.natsbench.internal;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.SearchSpace;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * A cost model for a small space that prices every architecture once, up front, and answers
 * {@link #range} exactly by enumerating the free window, remembering each answer. Right for any
 * cost, monotone or not (NATS-Bench topology FLOPs are not monotone in the option index).
 *
 * <p>Memory: one double per architecture plus the remembered ranges. Thread-safe.
 */
public final class ExhaustiveCostModel implements CostModel {
    /** Largest space this model accepts. */
    public static final int MAX_ARCHITECTURES = 1 << 20;

    private final SearchSpace space;
    private final String unit;
    private final int[] radix;
    private final long[] stride;
    private final double[] costs;
    private final Map<Long, CostRange> ranges = new ConcurrentHashMap<>();

    /** Prices all architectures of {@code space} with {@code cost}. */
    public ExhaustiveCostModel(SearchSpace space, ToDoubleFunction<Architecture> cost, String unit) {
        if (space.architectureCount() > MAX_ARCHITECTURES) {
            throw new IllegalArgumentException("space '" + space.name() + "' has " + space.architectureCount()
                    + " architectures; exhaustive pricing is for spaces up to " + MAX_ARCHITECTURES);
        }
        this.space = space;
        this.unit = unit;
        int layers = space.layerCount();
        this.radix = new int[layers];
        this.stride = new long[layers];
        long step = 1;
        for (int i = layers - 1; i >= 0; i--) {
            radix[i] = space.layers().get(i).size();
            stride[i] = step;
            step *= radix[i];
        }
        this.costs = new double[(int) step];
        int index = 0;
        for (Architecture architecture : space.enumerate(MAX_ARCHITECTURES)) {
            costs[index++] = cost.applyAsDouble(architecture);
        }
    }

    @Override
    public double cost(Architecture architecture) {
        space.validate(architecture);
        return costs[(int) indexOf(architecture)];
    }

    @Override
    public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
        space.validate(architecture);
        if (freeFrom < 0 || freeTo > radix.length || freeFrom > freeTo) {
            throw new IllegalArgumentException("free window [" + freeFrom + ", " + freeTo + ") is outside layers 0.."
                    + radix.length);
        }
        long base = windowBase(architecture, freeFrom, freeTo);
        long key = (base * (radix.length + 1) + freeFrom) * (radix.length + 1) + freeTo;
        return ranges.computeIfAbsent(key, k -> enumerate((int) base, freeFrom, freeTo));
    }

    @Override
    public String unit() {
        return unit;
    }

    private CostRange enumerate(int base, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int[] digits = new int[radix.length];
        int index = base;
        while (true) {
            min = Math.min(min, costs[index]);
            max = Math.max(max, costs[index]);
            int i = to - 1;
            while (i >= from && ++digits[i] == radix[i]) {
                index -= (int) ((radix[i] - 1) * stride[i]);
                digits[i--] = 0;
            }
            if (i < from) {
                return new CostRange(min, max);
            }
            index += (int) stride[i];
        }
    }

    /** The index of {@code architecture} with the free window set to option 0. */
    private long windowBase(Architecture architecture, int from, int to) {
        long base = indexOf(architecture);
        for (int i = from; i < to; i++) {
            base -= architecture.choice(i) * stride[i];
        }
        return base;
    }

    private long indexOf(Architecture architecture) {
        long index = 0;
        for (int i = 0; i < radix.length; i++) {
            index += architecture.choice(i) * stride[i];
        }
        return index;
    }
}
