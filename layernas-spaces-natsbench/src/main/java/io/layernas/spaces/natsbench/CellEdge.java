package io.layernas.spaces.natsbench;

import java.util.ArrayList;
import java.util.List;

/**
 * One edge of a NAS-Bench-201 / NATS-Bench topology cell: from node {@code from} into node
 * {@code node}, written {@code node<-from} (e.g. {@code 3<-1}). Immutable.
 *
 * @param node the node the edge feeds, 1..3
 * @param from the node it reads, 0..node-1
 */
public record CellEdge(int node, int from) {
    /** The six edges in the order of the official cell string: 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2. */
    public static final List<CellEdge> CELL_ORDER = cellOrder();

    public CellEdge {
        if (node < 1 || node > CellGenotype.NODES || from < 0 || from >= node) {
            throw new IllegalArgumentException("edge " + node + "<-" + from + " is not an edge of the cell; edges are "
                    + cellOrder());
        }
    }

    /**
     * Reads {@code node<-from}, e.g. {@code 3<-1}.
     *
     * @throws IllegalArgumentException listing the six edges
     */
    public static CellEdge parse(String text) {
        String[] parts = text.trim().split("<-", -1);
        if (parts.length == 2 && parts[0].trim().matches("\\d") && parts[1].trim().matches("\\d")) {
            return new CellEdge(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }
        throw new IllegalArgumentException("'" + text + "' is not an edge; write node<-from, one of " + cellOrder());
    }

    /** The {@code node<-from} form. */
    @Override
    public String toString() {
        return node + "<-" + from;
    }

    private static List<CellEdge> cellOrder() {
        List<CellEdge> edges = new ArrayList<>();
        for (int node = 1; node <= CellGenotype.NODES; node++) {
            for (int from = 0; from < node; from++) {
                edges.add(new CellEdge(node, from));
            }
        }
        return List.copyOf(edges);
    }
}
