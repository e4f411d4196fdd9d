package io.layernas.spaces.natsbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NAS-Bench-201 / NATS-Bench topology cell: 4 nodes, node {@code i} (1..3) sums one operation
 * on each earlier node. Written and read in the official form
 * {@code |nor_conv_3x3~0|+|nor_conv_3x3~0|none~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|}.
 *
 * <p>Immutable.
 *
 * @param ops {@code ops.get(i - 1).get(j)} is the operation from node {@code j} to node {@code i}
 */
public record CellGenotype(List<List<String>> ops) {
    /** The operations of the topology search space, in NATS-Bench's order; {@code none} first. */
    public static final List<String> OPERATIONS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    /** Number of nodes after the input node. */
    public static final int NODES = 3;

    /** The fixed cell of the NATS-Bench size search space (the best CIFAR-10 cell of the topology space). */
    public static final CellGenotype SIZE_SEARCH_CELL = parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    public CellGenotype {
        Objects.requireNonNull(ops, "ops");
        if (ops.size() != NODES) {
            throw new IllegalArgumentException("a cell has " + NODES + " nodes, not " + ops.size());
        }
        List<List<String>> copy = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            List<String> inputs = List.copyOf(ops.get(node - 1));
            if (inputs.size() != node) {
                throw new IllegalArgumentException("node " + node + " takes " + node + " inputs, not " + inputs.size());
            }
            for (String op : inputs) {
                if (!OPERATIONS.contains(op)) {
                    throw new IllegalArgumentException("unknown operation '" + op + "'; operations are " + OPERATIONS);
                }
            }
            copy.add(inputs);
        }
        ops = List.copyOf(copy);
    }

    /**
     * Reads the official form.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static CellGenotype parse(String text) {
        String trimmed = text.trim();
        String[] nodes = trimmed.split("\\+", -1);
        if (nodes.length != NODES) {
            throw new IllegalArgumentException("'" + text + "' has " + nodes.length
                    + " '+'-separated nodes; a cell string looks like |nor_conv_3x3~0|+|none~0|skip_connect~1|+|...~0|...~1|...~2|");
        }
        List<List<String>> ops = new ArrayList<>();
        for (int node = 1; node <= NODES; node++) {
            ops.add(parseNode(text, nodes[node - 1], node));
        }
        return new CellGenotype(ops);
    }

    /** Reads one node written as {@code op~0|op~1} (optionally with outer bars). */
    static List<String> parseNode(String text, String node, int index) {
        String inner = node.startsWith("|") ? node.substring(1) : node;
        inner = inner.endsWith("|") ? inner.substring(0, inner.length() - 1) : inner;
        String[] edges = inner.split("\\|", -1);
        if (edges.length != index) {
            throw new IllegalArgumentException("'" + text + "': node " + index + " must have " + index + " inputs, has " + edges.length);
        }
        List<String> ops = new ArrayList<>();
        for (int from = 0; from < index; from++) {
            String[] parts = edges[from].split("~", -1);
            if (parts.length != 2 || !parts[1].equals(Integer.toString(from)) || !OPERATIONS.contains(parts[0])) {
                throw new IllegalArgumentException("'" + text + "': node " + index + " input " + from + " is '" + edges[from]
                        + "'; expected <operation>~" + from + " with an operation of " + OPERATIONS);
            }
            ops.add(parts[0]);
        }
        return ops;
    }

    /** The operation from node {@code from} into node {@code node} (1-based node, 0-based source). */
    public String op(int node, int from) {
        return ops.get(node - 1).get(from);
    }

    /** One node in the form {@code op~0|op~1}, without outer bars. */
    static String nodeString(List<String> inputs) {
        StringBuilder text = new StringBuilder();
        for (int from = 0; from < inputs.size(); from++) {
            text.append(from == 0 ? "" : "|").append(inputs.get(from)).append('~').append(from);
        }
        return text.toString();
    }

    /** The official form. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int node = 1; node <= NODES; node++) {
            text.append(node == 1 ? "|" : "+|").append(nodeString(ops.get(node - 1))).append('|');
        }
        return text.toString();
    }
}
