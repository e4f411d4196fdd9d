package io.layernas.spaces.natsbench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A NAS-Bench-101 cell: vertices in topological order (input first, output last, operations
 * between) and an upper-triangular adjacency matrix. Written as
 * {@code 0110/0001/0001/0000 input,conv3x3-bn-relu,maxpool3x3,output} (matrix rows, then ops).
 *
 * <p>Immutable.
 *
 * @param ops    {@code input}, then operations of {@link #OPERATIONS}, then {@code output}
 * @param matrix {@code matrix[u][v]} is true for an edge from vertex {@code u} to {@code v > u}
 */
public record NasBench101Cell(List<String> ops, boolean[][] matrix) {
    /** The operations, in NAS-Bench-101's canonical order (which its hash labels by index). */
    public static final List<String> OPERATIONS = List.of("conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3");
    /** Most vertices of a cell, input and output included. */
    public static final int MAX_VERTICES = 7;
    /** Most edges of a cell. */
    public static final int MAX_EDGES = 9;

    public NasBench101Cell {
        ops = List.copyOf(ops);
        int n = ops.size();
        if (n < 2 || !ops.get(0).equals("input") || !ops.get(n - 1).equals("output") || matrix.length != n) {
            throw new IllegalArgumentException("a cell runs from 'input' to 'output' with one matrix row per vertex: " + ops);
        }
        boolean[][] copy = new boolean[n][];
        for (int u = 0; u < n; u++) {
            copy[u] = Arrays.copyOf(matrix[u], n);
            for (int v = 0; v <= u; v++) {
                if (copy[u][v]) {
                    throw new IllegalArgumentException("edge " + u + "->" + v + " is not upper-triangular");
                }
            }
        }
        for (String op : ops.subList(1, n - 1)) {
            if (!OPERATIONS.contains(op)) {
                throw new IllegalArgumentException("unknown operation '" + op + "'; operations are " + OPERATIONS);
            }
        }
        matrix = copy;
    }

    /** A copy of the adjacency matrix. */
    @Override
    public boolean[][] matrix() {
        boolean[][] copy = new boolean[matrix.length][];
        for (int u = 0; u < matrix.length; u++) {
            copy[u] = matrix[u].clone();
        }
        return copy;
    }

    /** Number of vertices, input and output included. */
    public int vertexCount() {
        return ops.size();
    }

    /** Number of edges. */
    public int edgeCount() {
        int edges = 0;
        for (boolean[] row : matrix) {
            for (boolean edge : row) {
                edges += edge ? 1 : 0;
            }
        }
        return edges;
    }

    /** True when the edge {@code u -> v} is present. */
    public boolean hasEdge(int u, int v) {
        return matrix[u][v];
    }

    /**
     * NAS-Bench-101's isomorphism-invariant MD5 hash of the cell (its {@code hash_module}), the key
     * of its dataset: vertex labels {@code -1} for input, {@code -2} for output and the index in
     * {@link #OPERATIONS} otherwise, refined by neighbour hashes once per vertex.
     */
    public String moduleHash() {
        int n = vertexCount();
        String[] hashes = new String[n];
        for (int v = 0; v < n; v++) {
            hashes[v] = md5("(" + degree(v, false) + ", " + degree(v, true) + ", " + label(v) + ")");
        }
        for (int round = 0; round < n; round++) {
            String[] next = new String[n];
            for (int v = 0; v < n; v++) {
                next[v] = md5(String.join("", neighbours(hashes, v, true)) + "|"
                        + String.join("", neighbours(hashes, v, false)) + "|" + hashes[v]);
            }
            hashes = next;
        }
        List<String> sorted = new ArrayList<>(List.of(hashes));
        sorted.sort(null);
        return md5("['" + String.join("', '", sorted) + "']");
    }

    private int degree(int v, boolean incoming) {
        int degree = 0;
        for (int w = 0; w < vertexCount(); w++) {
            degree += (incoming ? matrix[w][v] : matrix[v][w]) ? 1 : 0;
        }
        return degree;
    }

    private int label(int v) {
        return v == 0 ? -1 : v == vertexCount() - 1 ? -2 : OPERATIONS.indexOf(ops.get(v));
    }

    private List<String> neighbours(String[] hashes, int v, boolean incoming) {
        List<String> found = new ArrayList<>();
        for (int w = 0; w < vertexCount(); w++) {
            if (incoming ? matrix[w][v] : matrix[v][w]) {
                found.add(hashes[w]);
            }
        }
        found.sort(null);
        return found;
    }

    private static String md5(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NasBench101Cell other && ops.equals(other.ops) && Arrays.deepEquals(matrix, other.matrix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ops, Arrays.deepHashCode(matrix));
    }

    /** Matrix rows as 0/1 joined by '/', a space, then the ops joined by ','. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int u = 0; u < vertexCount(); u++) {
            text.append(u == 0 ? "" : "/");
            for (int v = 0; v < vertexCount(); v++) {
                text.append(matrix[u][v] ? '1' : '0');
            }
        }
        return text.append(' ').append(String.join(",", ops)).toString();
    }
}
