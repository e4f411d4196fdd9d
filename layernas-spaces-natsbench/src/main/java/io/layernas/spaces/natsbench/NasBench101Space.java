package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.Architecture;
import io.layernas.api.BenchmarkKeys;
import io.layernas.api.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * NAS-Bench-101 encoded for LayerNAS as the paper's Appendix B describes ({@code nasbench101}):
 * the cell grows one step per layer, each step adding an operation or an edge, so every
 * architecture is a legal cell (a connected DAG from input to output, at most 7 vertices and 9
 * edges).
 *
 * <p>The encoding. The default cell (option 0 everywhere) is the edge input -> output. Vertices
 * are kept in topological order; {@code u}, {@code v} below are positions in that order at the
 * time the step is applied ({@code 0} is the input, the output is last). Each of the
 * {@link #STEPS} layers has the same 85 options:
 * <ul>
 *   <li>{@code keep}: no change;</li>
 *   <li>{@code edge-u-v} (u &lt; v): add the edge u -> v;</li>
 *   <li>{@code <op>-u-v} (u &lt; v, op one of {@code conv3x3}, {@code conv1x1}, {@code maxpool3x3}):
 *       add a vertex with that operation just before position {@code v}, with edges
 *       u -> new -> (the vertex that was at v); an existing edge u -> v is replaced (the operation
 *       is put on it), so {@code conv3x3-0-1} on the default cell gives input -> conv3x3 -> output.</li>
 * </ul>
 * A step that cannot apply (a position beyond the last vertex, an edge that exists, a cell that
 * would exceed 7 vertices or 9 edges) leaves the cell unchanged, like {@code keep}. Every vertex
 * added lies on a path from input to output, so no cell needs pruning; several architectures can
 * give the same cell (the table keys by NAS-Bench-101's module hash, so they share a row).
 *
 * <p>Immutable and thread-safe.
 */
public final class NasBench101Space extends AbstractSearchSpace implements BenchmarkKeys {
    /** Registered name. */
    public static final String NAME = "nasbench101";
    /** Number of layers: the default cell has 1 edge and each applied step adds at least 1 of the 9. */
    public static final int STEPS = NasBench101Cell.MAX_EDGES - 1;
    private static final List<String> SHORT_OPS = List.of("conv3x3", "conv1x1", "maxpool3x3");

    /** The 85 options of every layer, in option order. */
    private static final List<Step> OPTIONS = options();

    /** The space. */
    public NasBench101Space() {
        super(NAME, stepLayers());
    }

    private static List<Step> options() {
        List<Step> list = new ArrayList<>();
        list.add(new Step(Step.KEEP, -1, -1));
        for (int op = -1; op < SHORT_OPS.size(); op++) {
            for (int v = 1; v < NasBench101Cell.MAX_VERTICES; v++) {
                for (int u = 0; u < v; u++) {
                    list.add(new Step(op < 0 ? Step.EDGE : op, u, v));
                }
            }
        }
        return List.copyOf(list);
    }

    private static List<Layer> stepLayers() {
        List<String> options = OPTIONS.stream().map(Step::name).toList();
        List<Layer> layers = new ArrayList<>();
        for (int i = 1; i <= STEPS; i++) {
            layers.add(new Layer("step" + i, options));
        }
        return layers;
    }

    /** The cell {@code architecture} builds. */
    public NasBench101Cell cell(Architecture architecture) {
        validate(architecture);
        GrowingCell cell = new GrowingCell();
        for (int i = 0; i < architecture.size(); i++) {
            apply(cell, architecture.choice(i));
        }
        return cell.toCell();
    }

    /** The cell after the first {@code layers} steps only. */
    GrowingCell prefix(Architecture architecture, int layers) {
        GrowingCell cell = new GrowingCell();
        for (int i = 0; i < layers; i++) {
            apply(cell, architecture.choice(i));
        }
        return cell;
    }

    /** NAS-Bench-101's module hash of the cell, the key of its dataset. */
    @Override
    public String tableKey(Architecture architecture) {
        return cell(architecture).moduleHash();
    }

    void apply(GrowingCell cell, int option) {
        Step step = OPTIONS.get(option);
        if (step.kind == Step.KEEP || step.v >= cell.vertices()) {
            return;
        }
        if (step.kind == Step.EDGE) {
            if (!cell.hasEdge(step.u, step.v) && cell.edges() < NasBench101Cell.MAX_EDGES) {
                cell.addEdge(step.u, step.v);
            }
        } else if (cell.vertices() < NasBench101Cell.MAX_VERTICES
                && cell.edges() + cell.insertionCost(step.u, step.v) <= NasBench101Cell.MAX_EDGES) {
            cell.insert(NasBench101Cell.OPERATIONS.get(step.kind), step.u, step.v);
        }
    }

    /** One option: keep, add an edge, or add an operation between two positions. */
    private record Step(int kind, int u, int v) {
        static final int KEEP = -2;
        static final int EDGE = -1;

        String name() {
            return kind == KEEP ? "keep" : (kind == EDGE ? "edge" : SHORT_OPS.get(kind)) + "-" + u + "-" + v;
        }
    }
}
