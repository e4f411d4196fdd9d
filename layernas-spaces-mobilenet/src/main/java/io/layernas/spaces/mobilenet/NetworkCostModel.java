package io.layernas.spaces.mobilenet;

import io.layernas.api.Architecture;
import io.layernas.api.CostRange;
import io.layernas.api.Op;
import io.layernas.api.OpCosts;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A cost that is a sum over the ops of a {@link MobileNetSpace} network (MAdds, parameters,
 * latency from a lookup table), made incremental and exactly bounded.
 *
 * <p>Incremental: each op depends on at most three layers (input width, own kernel/expansion,
 * output width), so its cost for every combination of those options is computed once, when the
 * model is created; {@link #cost} is then one table lookup per op.
 *
 * <p>Exact ranges: the width layers form a chain (each op couples at most two consecutive width
 * layers, and every kernel/expansion layer belongs to one op), so the least and greatest total
 * over any window of free layers is found by dynamic programming along the chain, after taking
 * the best own option of each op for each pair of widths. This is exact, not a bound.
 *
 * <p>Immutable and thread-safe once created.
 */
public final class NetworkCostModel implements OpCosts {
    private final MobileNetSpace space;
    private final String unit;
    private final ToDoubleFunction<Op> opCost;
    private final SlotTable[] tables;
    private final int[] sizes;
    private final int[] chain;
    private final int[] chainPos;
    /** Per start of a free suffix: the fixed layers that ops of the suffix also read. */
    private final int[][] suffixBoundary;
    /** Per start of a free suffix: the ops that read only fixed layers. */
    private final SlotTable[][] suffixFixedOps;
    /** Suffix ranges without the fixed ops' cost, by start and boundary choices. */
    private final java.util.concurrent.ConcurrentHashMap<SuffixKey, CostRange> suffixCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private NetworkCostModel(MobileNetSpace space, String unit, ToDoubleFunction<Op> opCost) {
        this.space = space;
        this.unit = unit;
        this.opCost = opCost;
        this.sizes = space.layers().stream().mapToInt(l -> l.size()).toArray();
        List<Slot> slots = space.slots();
        this.tables = new SlotTable[slots.size()];
        for (int i = 0; i < tables.length; i++) {
            Slot s = slots.get(i);
            tables[i] = new SlotTable(s, size(s.inLayer()), size(s.ownLayer()), size(s.outLayer()), opCost);
        }
        this.chain = widthLayers(slots);
        this.chainPos = new int[sizes.length];
        Arrays.fill(chainPos, -1);
        for (int p = 0; p < chain.length; p++) {
            chainPos[chain[p]] = p;
        }
        checkChain(slots);
        this.suffixBoundary = new int[sizes.length + 1][];
        this.suffixFixedOps = new SlotTable[sizes.length + 1][];
        for (int from = 0; from <= sizes.length; from++) {
            splitAt(from);
        }
    }

    /** Splits the ops at the start {@code from} of a free suffix: fixed ones, and what the others read. */
    private void splitAt(int from) {
        TreeSet<Integer> boundary = new TreeSet<>();
        List<SlotTable> fixed = new java.util.ArrayList<>();
        for (SlotTable t : tables) {
            int[] read = {t.slot.inLayer(), t.slot.ownLayer(), t.slot.outLayer()};
            if (Arrays.stream(read).allMatch(layer -> layer < from)) {
                fixed.add(t);
            } else {
                Arrays.stream(read).filter(layer -> layer >= 0 && layer < from).forEach(boundary::add);
            }
        }
        suffixBoundary[from] = boundary.stream().mapToInt(Integer::intValue).toArray();
        suffixFixedOps[from] = fixed.toArray(SlotTable[]::new);
    }

    /** Multiply-adds ({@link OpCounter#madds}), unit {@code MAdds}. */
    public static NetworkCostModel madds(MobileNetSpace space) {
        return new NetworkCostModel(space, "MAdds", op -> OpCounter.madds(op));
    }

    /** Parameters ({@link OpCounter#params}), unit {@code params}. */
    public static NetworkCostModel params(MobileNetSpace space) {
        return new NetworkCostModel(space, "params", op -> OpCounter.params(op));
    }

    /** Any per-op cost, summed over the network; {@code opCost} must be finite and non-negative. */
    public static NetworkCostModel of(MobileNetSpace space, String unit, ToDoubleFunction<Op> opCost) {
        return new NetworkCostModel(space, unit, opCost);
    }

    /**
     * The cost of one op, in {@link #unit()}s; e.g. a per-op latency column for
     * {@link NetworkTable#describe}: {@code NetworkTable.describe(space, arch, model::opCost)}.
     */
    public double opCost(Op op) {
        return opCost.applyAsDouble(op);
    }

    /** The space this model prices. */
    public MobileNetSpace space() {
        return space;
    }

    @Override
    public String unit() {
        return unit;
    }

    @Override
    public double cost(Architecture architecture) {
        space.validate(architecture);
        double total = 0;
        for (SlotTable t : tables) {
            Slot s = t.slot;
            total += t.at(choice(architecture, s.inLayer()), choice(architecture, s.ownLayer()),
                    choice(architecture, s.outLayer()));
        }
        return total;
    }

    /** The cost of each op of {@code space().network(architecture)}, in order. */
    @Override
    public double[] opCosts(Architecture architecture) {
        space.validate(architecture);
        double[] costs = new double[tables.length];
        for (int i = 0; i < tables.length; i++) {
            Slot s = tables[i].slot;
            costs[i] = tables[i].at(choice(architecture, s.inLayer()), choice(architecture, s.ownLayer()),
                    choice(architecture, s.outLayer()));
        }
        return costs;
    }

    @Override
    public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
        space.validate(architecture);
        if (freeFrom < 0 || freeTo > sizes.length || freeFrom > freeTo) {
            throw new IllegalArgumentException("free window [" + freeFrom + ", " + freeTo + ") is not within [0, "
                    + sizes.length + "]");
        }
        if (freeFrom == freeTo) {
            return CostRange.point(cost(architecture));
        }
        if (freeTo == sizes.length) {
            return suffixRange(architecture, freeFrom);
        }
        return solveRange(architecture, freeFrom, freeTo);
    }

    private CostRange solveRange(Architecture architecture, int freeFrom, int freeTo) {
        Window window = new Window(architecture, freeFrom, freeTo, sizes);
        return new CostRange(solve(window, false), solve(window, true));
    }

    /**
     * The search's common query, every layer from {@code from} on free. It is the cost of the ops
     * that read only fixed layers plus a part that depends only on the few fixed layers the other
     * ops read, so that part is solved once per start and boundary choices and then looked up.
     */
    private CostRange suffixRange(Architecture architecture, int from) {
        double fixed = 0;
        for (SlotTable t : suffixFixedOps[from]) {
            Slot slot = t.slot;
            fixed += t.at(choice(architecture, slot.inLayer()), choice(architecture, slot.ownLayer()),
                    choice(architecture, slot.outLayer()));
        }
        int[] boundary = suffixBoundary[from];
        int[] choices = new int[boundary.length];
        for (int i = 0; i < boundary.length; i++) {
            choices[i] = architecture.choice(boundary[i]);
        }
        double fixedCost = fixed;
        CostRange rest = suffixCache.computeIfAbsent(new SuffixKey(from, choices), key -> {
            CostRange whole = solveRange(architecture, from, sizes.length);
            return new CostRange(whole.min() - fixedCost, whole.max() - fixedCost);
        });
        return new CostRange(fixed + rest.min(), fixed + rest.max());
    }

    /** Start of a free suffix and the choices of the fixed layers its ops read. */
    private record SuffixKey(int from, int[] choices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SuffixKey other && from == other.from && Arrays.equals(choices, other.choices);
        }

        @Override
        public int hashCode() {
            return 31 * from + Arrays.hashCode(choices);
        }

        @Override
        public String toString() {
            return from + ":" + Arrays.toString(choices);
        }
    }

    private double solve(Window w, boolean greatest) {
        double[][] unary = new double[chain.length][];
        double[][][] pair = new double[chain.length][][];
        for (int p = 0; p < chain.length; p++) {
            unary[p] = new double[sizes[chain[p]]];
        }
        double constant = 0;
        for (SlotTable t : tables) {
            constant += addTerms(t, w, greatest, unary, pair);
        }
        double[] best = null;
        for (int p = 0; p < chain.length; p++) {
            best = step(w, greatest, p, best, unary[p], pair[p]);
        }
        return constant + (best == null ? 0 : pick(w, chain.length == 0 ? -1 : chain[chain.length - 1], best, greatest));
    }

    /** Adds slot {@code t}'s contribution to the unary or pairwise terms; returns its constant part. */
    private double addTerms(SlotTable t, Window w, boolean greatest, double[][] unary, double[][][] pair) {
        int in = t.slot.inLayer();
        int out = t.slot.outLayer();
        if (in < 0 && out < 0) {
            return bestOwn(t, w, 0, 0, greatest);
        }
        if (in < 0 || out < 0 || in == out) {
            int layer = in >= 0 ? in : out;
            double[] terms = unary[chainPos[layer]];
            for (int v = w.lo(layer); v <= w.hi(layer); v++) {
                terms[v] += bestOwn(t, w, in >= 0 ? v : 0, out >= 0 ? v : 0, greatest);
            }
            return 0;
        }
        int p = chainPos[out];
        if (pair[p] == null) {
            pair[p] = new double[sizes[in]][sizes[out]];
        }
        for (int v = w.lo(in); v <= w.hi(in); v++) {
            for (int u = w.lo(out); u <= w.hi(out); u++) {
                pair[p][v][u] += bestOwn(t, w, v, u, greatest);
            }
        }
        return 0;
    }

    private double[] step(Window w, boolean greatest, int p, double[] previous, double[] unary, double[][] pair) {
        int layer = chain[p];
        double[] next = new double[sizes[layer]];
        for (int u = w.lo(layer); u <= w.hi(layer); u++) {
            double carried = 0;
            if (previous != null) {
                int before = chain[p - 1];
                carried = greatest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                for (int v = w.lo(before); v <= w.hi(before); v++) {
                    double c = previous[v] + (pair == null ? 0 : pair[v][u]);
                    carried = greatest ? Math.max(carried, c) : Math.min(carried, c);
                }
            }
            next[u] = unary[u] + carried;
        }
        return next;
    }

    private static double pick(Window w, int layer, double[] values, boolean greatest) {
        double best = greatest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int v = w.lo(layer); v <= w.hi(layer); v++) {
            best = greatest ? Math.max(best, values[v]) : Math.min(best, values[v]);
        }
        return best;
    }

    private static double bestOwn(SlotTable t, Window w, int in, int out, boolean greatest) {
        int own = t.slot.ownLayer();
        if (own < 0) {
            return t.at(in, 0, out);
        }
        return w.isFree(own) ? t.bestOverOwn(in, out, greatest) : t.at(in, w.architecture.choice(own), out);
    }

    private int size(int layer) {
        return layer < 0 ? 1 : sizes[layer];
    }

    private static int choice(Architecture architecture, int layer) {
        return layer < 0 ? 0 : architecture.choice(layer);
    }

    private static int[] widthLayers(List<Slot> slots) {
        TreeSet<Integer> layers = new TreeSet<>();
        for (Slot s : slots) {
            if (s.inLayer() >= 0) {
                layers.add(s.inLayer());
            }
            if (s.outLayer() >= 0) {
                layers.add(s.outLayer());
            }
        }
        return layers.stream().mapToInt(Integer::intValue).toArray();
    }

    private void checkChain(List<Slot> slots) {
        for (Slot s : slots) {
            boolean pairwise = s.inLayer() >= 0 && s.outLayer() >= 0 && s.inLayer() != s.outLayer();
            if (pairwise && chainPos[s.outLayer()] != chainPos[s.inLayer()] + 1) {
                throw new IllegalStateException("op " + s.name() + " of space " + space.name()
                        + " couples width layers that are not consecutive; the exact range needs a chain");
            }
            if (s.ownLayer() >= 0 && chainPos[s.ownLayer()] >= 0) {
                throw new IllegalStateException("layer " + s.ownLayer() + " of space " + space.name()
                        + " is both a width and a kernel/expansion layer");
            }
        }
    }

    /** Which layers are free, and the fixed choices of the others. */
    private record Window(Architecture architecture, int from, int to, int[] sizes) {
        boolean isFree(int layer) {
            return layer >= from && layer < to;
        }

        int lo(int layer) {
            return isFree(layer) ? 0 : architecture.choice(layer);
        }

        int hi(int layer) {
            return isFree(layer) ? sizes[layer] - 1 : architecture.choice(layer);
        }
    }
}
