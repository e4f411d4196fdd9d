package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * NATS-Bench topology search encoded one layer per edge ({@code nats-tss-edges}): 6 layers of the 5
 * operations of {@link CellGenotype#OPERATIONS}, option {@code i} of a layer being the {@code i}-th
 * operation ({@code none} first). The layers follow an edge order, by default the official string's
 * ({@link CellEdge#CELL_ORDER}: 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2). The same 15,625 cells as
 * {@link NatsTopologySpace}, printed, keyed and built the same way, so the {@code table} evaluator
 * and the {@code nats-flops}/{@code nats-params} cost models treat a cell alike in both spaces;
 * {@link #toNodes}/{@link #fromNodes} map between them.
 *
 * <p>Smaller layers than the node encoding (5 options each, against 5, 25 and 125): a learned
 * per-option model sees one value per edge and operation, as TPE on 6 categoricals does. The
 * default architecture is the all-{@code none} cell; the search starts from the truncated cell
 * (a chain of skips, as {@code nats-tss}). Immutable and thread-safe.
 */
public final class NatsTopologyEdgeSpace extends AbstractNatsTopologySpace {
    /** Registered name. */
    public static final String NAME = "nats-tss-edges";
    private static final int SKIP = CellGenotype.OPERATIONS.indexOf("skip_connect");

    private final List<CellEdge> order;
    private final NatsTopologySpace nodes;

    /** The space for {@code dataset}, edges in the official string's order. */
    public NatsTopologyEdgeSpace(NatsDataset dataset) {
        this(dataset, CellEdge.CELL_ORDER);
    }

    /**
     * The space for {@code dataset} with layer {@code i} choosing the operation of {@code order.get(i)}.
     *
     * @throws IllegalArgumentException when {@code order} is not the six edges, each once
     */
    public NatsTopologyEdgeSpace(NatsDataset dataset, List<CellEdge> order) {
        super(NAME, dataset, edgeLayers(checked(order)));
        this.order = List.copyOf(order);
        this.nodes = new NatsTopologySpace(dataset);
    }

    private static List<CellEdge> checked(List<CellEdge> order) {
        if (order.size() != CellEdge.CELL_ORDER.size() || !new HashSet<>(order).containsAll(CellEdge.CELL_ORDER)) {
            throw new IllegalArgumentException("edge order " + order + " must list the six edges "
                    + CellEdge.CELL_ORDER + " once each, in any order");
        }
        return order;
    }

    private static List<Layer> edgeLayers(List<CellEdge> order) {
        return order.stream().map(edge -> new Layer("edge" + edge, CellGenotype.OPERATIONS)).toList();
    }

    /** The edges the layers choose, in layer order. */
    public List<CellEdge> order() {
        return order;
    }

    /** The cell of {@code architecture}. */
    @Override
    public CellGenotype genotype(Architecture architecture) {
        validate(architecture);
        List<List<String>> ops = new ArrayList<>();
        for (int node = 1; node <= CellGenotype.NODES; node++) {
            ops.add(new ArrayList<>(Collections.nCopies(node, "")));
        }
        for (int layer = 0; layer < order.size(); layer++) {
            CellEdge edge = order.get(layer);
            ops.get(edge.node() - 1).set(edge.from(), CellGenotype.OPERATIONS.get(architecture.choice(layer)));
        }
        return new CellGenotype(ops);
    }

    /** The architecture of {@code genotype}. */
    @Override
    public Architecture architecture(CellGenotype genotype) {
        int[] choices = new int[order.size()];
        for (int layer = 0; layer < choices.length; layer++) {
            CellEdge edge = order.get(layer);
            choices[layer] = CellGenotype.OPERATIONS.indexOf(genotype.op(edge.node(), edge.from()));
        }
        return Architecture.of(choices);
    }

    /** The same cell in {@code nats-tss}'s encoding (one layer per node). */
    public Architecture toNodes(Architecture architecture) {
        return nodes.architecture(genotype(architecture));
    }

    /** The cell of {@code nodeArchitecture}, an architecture of {@code nats-tss}, in this encoding. */
    public Architecture fromNodes(Architecture nodeArchitecture) {
        return architecture(nodes.genotype(nodeArchitecture));
    }

    /**
     * The truncated cell of {@code nats-tss}: {@code skip_connect} on 1<-0, 2<-1 and 3<-2,
     * {@code none} elsewhere, so the cell is connected whichever edges are searched so far, as long
     * as no searched edge of the chain is {@code none}.
     */
    @Override
    public Architecture searchStart() {
        int[] choices = new int[order.size()];
        for (int layer = 0; layer < choices.length; layer++) {
            choices[layer] = order.get(layer).from() == order.get(layer).node() - 1 ? SKIP : 0;
        }
        return Architecture.of(choices);
    }

    @Override
    public String toString() {
        return order.equals(CellEdge.CELL_ORDER) ? super.toString() : super.toString() + order;
    }
}
