package io.layernas.spaces.natsbench;

import java.util.ArrayList;
import java.util.List;

/** A mutable NAS-Bench-101 cell under construction by {@link NasBench101Space}; starts as input -> output. */
final class GrowingCell {
    private final List<String> ops = new ArrayList<>(List.of("input", "output"));
    private final List<List<Boolean>> matrix = new ArrayList<>();
    private int edges;

    GrowingCell() {
        matrix.add(new ArrayList<>(List.of(false, true)));
        matrix.add(new ArrayList<>(List.of(false, false)));
        edges = 1;
    }

    int vertices() {
        return ops.size();
    }

    int edges() {
        return edges;
    }

    boolean hasEdge(int u, int v) {
        return matrix.get(u).get(v);
    }

    void addEdge(int u, int v) {
        matrix.get(u).set(v, true);
        edges++;
    }

    /** Edges that inserting between {@code u} and {@code v} adds: 1 on an existing edge (split), else 2. */
    int insertionCost(int u, int v) {
        return hasEdge(u, v) ? 1 : 2;
    }

    /** Inserts {@code op} at position {@code v} with edges u -> op -> (old v), replacing any edge u -> v. */
    void insert(String op, int u, int v) {
        edges += insertionCost(u, v);
        if (hasEdge(u, v)) {
            matrix.get(u).set(v, false);
        }
        ops.add(v, op);
        for (List<Boolean> row : matrix) {
            row.add(v, false);
        }
        List<Boolean> row = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            row.add(false);
        }
        matrix.add(v, row);
        matrix.get(u).set(v, true);
        matrix.get(v).set(v + 1, true);
    }

    NasBench101Cell toCell() {
        boolean[][] array = new boolean[ops.size()][ops.size()];
        for (int u = 0; u < ops.size(); u++) {
            for (int v = 0; v < ops.size(); v++) {
                array[u][v] = matrix.get(u).get(v);
            }
        }
        return new NasBench101Cell(ops, array);
    }
}
