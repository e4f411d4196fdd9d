package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * NATS-Bench topology search ({@code nats-tss}, the NAS-Bench-201 cell), encoded as the paper does
 * (Appendix C.1): one layer per new tensor of the cell. Layer {@code k} (k = 1..3) chooses the
 * operations on all edges into node {@code k}, so it has 5, 25 and 125 options; 15625
 * architectures. Option 0 of every layer is {@code none} on every edge (the paper's default is the
 * no-op); option {@code o} of layer {@code k} puts operation {@code digit_j(o)} of
 * {@link CellGenotype#OPERATIONS} on the edge from node {@code j}, reading {@code o} in base 5 with
 * the edge from node 0 as the most significant digit. Costs are not monotone in option index.
 *
 * <p>Architectures print in the official form {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|};
 * {@link #parse} also reads the index form {@code a-b-c}. The official NAS-Bench-201 index is not
 * a formula of the cell (the release shuffles it): take it from a table's {@code index} column.
 * The networks are NATS-Bench's {@code TinyNetwork} with C = 16, N = 5. Immutable and thread-safe.
 */
public final class NatsTopologySpace extends AbstractNatsTopologySpace {
    /** Registered name. */
    public static final String NAME = "nats-tss";

    /** The space for {@code dataset}. */
    public NatsTopologySpace(NatsDataset dataset) {
        super(NAME, dataset, nodeLayers());
    }

    private static List<Layer> nodeLayers() {
        List<Layer> list = new ArrayList<>();
        for (int node = 1; node <= CellGenotype.NODES; node++) {
            List<String> options = new ArrayList<>();
            for (int option = 0; option < optionCount(node); option++) {
                options.add(CellGenotype.nodeString(nodeOps(node, option)));
            }
            list.add(new Layer("node" + node, options));
        }
        return list;
    }

    /** The cell of {@code architecture}. */
    @Override
    public CellGenotype genotype(Architecture architecture) {
        validate(architecture);
        List<List<String>> ops = new ArrayList<>();
        for (int node = 1; node <= CellGenotype.NODES; node++) {
            ops.add(nodeOps(node, architecture.choice(node - 1)));
        }
        return new CellGenotype(ops);
    }

    /** The architecture of {@code genotype}. */
    @Override
    public Architecture architecture(CellGenotype genotype) {
        int[] choices = new int[CellGenotype.NODES];
        for (int node = 1; node <= CellGenotype.NODES; node++) {
            int option = 0;
            for (int from = 0; from < node; from++) {
                option = option * 5 + CellGenotype.OPERATIONS.indexOf(genotype.op(node, from));
            }
            choices[node - 1] = option;
        }
        return Architecture.of(choices);
    }

    /**
     * The truncated cell: each node a {@code skip_connect} from the previous node, {@code none} on
     * its other edges (option 1 of every layer), so the newest searched node is the cell's output
     * (Appendix C.1 adds one tensor per layer) and a cell searched up to node {@code k} is
     * connected. The all-{@code none} default has no path to the output and scores 10%.
     */
    @Override
    public Architecture searchStart() {
        return Architecture.of(1, 1, 1);
    }

    private static int optionCount(int node) {
        return (int) Math.pow(CellGenotype.OPERATIONS.size(), node);
    }

    private static List<String> nodeOps(int node, int option) {
        String[] ops = new String[node];
        int rest = option;
        for (int from = node - 1; from >= 0; from--) {
            ops[from] = CellGenotype.OPERATIONS.get(rest % 5);
            rest /= 5;
        }
        return List.of(ops);
    }
}
