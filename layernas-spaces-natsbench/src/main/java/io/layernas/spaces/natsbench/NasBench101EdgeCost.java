package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The number of edges of a {@link NasBench101Space} cell (1..9), a stand-in cost: NAS-Bench-101's
 * parameter counts come with its dataset and are not reproduced here; use the table's
 * {@code params} column for reporting.
 *
 * <p>Ranges are exact. When every layer after the free window keeps the cell (the windows
 * LayerNAS asks about), the reachable edge counts depend only on the vertex and edge count before
 * the window, and a small dynamic programme gives them. Other windows are enumerated over the
 * distinct cells they can build, up to {@link #MAX_STATES}. Thread-safe.
 */
public final class NasBench101EdgeCost implements CostModel {
    /** Most distinct intermediate cells a window enumeration may visit. */
    public static final int MAX_STATES = 1_000_000;

    private final NasBench101Space space;
    private final Map<Long, Integer> maxEdges = new ConcurrentHashMap<>();

    /** The model for {@code space}. */
    public NasBench101EdgeCost(NasBench101Space space) {
        this.space = space;
    }

    @Override
    public double cost(Architecture architecture) {
        return space.cell(architecture).edgeCount();
    }

    @Override
    public CostRange range(Architecture architecture, int freeFrom, int freeTo) {
        space.validate(architecture);
        if (freeFrom < 0 || freeTo > space.layerCount() || freeFrom > freeTo) {
            throw new IllegalArgumentException("free window [" + freeFrom + ", " + freeTo + ") is outside layers 0.."
                    + space.layerCount());
        }
        if (freeFrom == freeTo) {
            return CostRange.point(cost(architecture));
        }
        GrowingCell before = space.prefix(architecture, freeFrom);
        if (architecture.isDefaultFrom(freeTo)) {
            return new CostRange(before.edges(), reachable(before.vertices(), before.edges(), freeTo - freeFrom));
        }
        return enumerate(architecture, freeFrom, freeTo);
    }

    @Override
    public String unit() {
        return "edges";
    }

    /** Most edges reachable from a cell of {@code vertices} and {@code edges} in {@code steps} steps. */
    private int reachable(int vertices, int edges, int steps) {
        if (steps == 0) {
            return edges;
        }
        long key = ((long) vertices * 16 + edges) * 16 + steps;
        Integer known = maxEdges.get(key);
        if (known != null) {
            return known;
        }
        int best = reachable(vertices, edges, steps - 1);
        if (edges < Math.min(NasBench101Cell.MAX_EDGES, vertices * (vertices - 1) / 2)) {
            best = Math.max(best, reachable(vertices, edges + 1, steps - 1));
        }
        if (vertices < NasBench101Cell.MAX_VERTICES && edges + 1 <= NasBench101Cell.MAX_EDGES) {
            best = Math.max(best, reachable(vertices + 1, edges + 1, steps - 1)); // split an edge
        }
        if (vertices < NasBench101Cell.MAX_VERTICES && edges + 2 <= NasBench101Cell.MAX_EDGES
                && edges < vertices * (vertices - 1) / 2) {
            best = Math.max(best, reachable(vertices + 1, edges + 2, steps - 1)); // bridge two unlinked vertices
        }
        maxEdges.put(key, best);
        return best;
    }

    private CostRange enumerate(Architecture architecture, int from, int to) {
        Map<String, Architecture> states = new LinkedHashMap<>();
        states.put(space.prefix(architecture, from).toCell().toString(), architecture);
        for (int layer = from; layer < to; layer++) {
            Map<String, Architecture> next = new HashMap<>();
            for (Architecture state : states.values()) {
                for (int option = 0; option < space.layers().get(layer).size(); option++) {
                    Architecture child = state.with(layer, option);
                    next.putIfAbsent(space.prefix(child, layer + 1).toCell().toString(), child);
                }
            }
            if (next.size() > MAX_STATES) {
                throw new IllegalArgumentException("the window [" + from + ", " + to + ") with fixed later steps builds more than "
                        + MAX_STATES + " cells; ask for a window whose later steps are all 'keep'");
            }
            states = next;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Architecture state : states.values()) {
            double cost = cost(state);
            min = Math.min(min, cost);
            max = Math.max(max, cost);
        }
        return new CostRange(min, max);
    }
}
