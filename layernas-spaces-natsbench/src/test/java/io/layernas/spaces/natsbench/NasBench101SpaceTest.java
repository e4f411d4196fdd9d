package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.SearchSpaceContract;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NasBench101SpaceTest extends SearchSpaceContract {
    private static final NasBench101Space SPACE = new NasBench101Space();

    NasBench101SpaceTest() {
        super(SPACE);
    }

    private static Architecture steps(String... names) {
        int[] choices = new int[NasBench101Space.STEPS];
        for (int i = 0; i < names.length; i++) {
            choices[i] = SPACE.layers().get(i).indexOf(names[i]);
            assertThat(choices[i]).as(names[i]).isNotNegative();
        }
        return Architecture.of(choices);
    }

    @Test
    void eightStepsOf85Options() {
        assertThat(SPACE.layers()).extracting(Layer::size).containsOnly(85).hasSize(8);
        assertThat(SPACE.layers().get(0).options().get(0)).isEqualTo("keep");
        assertThat(SPACE.cell(SPACE.defaultArchitecture()).toString()).isEqualTo("01/00 input,output");
    }

    @Test
    void stepsSplitEdgesBridgeVerticesAndAddEdges() {
        assertThat(SPACE.cell(steps("conv3x3-0-1")).toString()).isEqualTo("010/001/000 input,conv3x3-bn-relu,output");
        assertThat(SPACE.cell(steps("conv3x3-0-1", "edge-0-2")).toString())
                .isEqualTo("011/001/000 input,conv3x3-bn-relu,output");
        // a bridge between unlinked vertices keeps the old edges: input->conv->output stays, maxpool joins input and output
        assertThat(SPACE.cell(steps("conv3x3-0-1", "maxpool3x3-0-2")).toString())
                .isEqualTo("0110/0001/0001/0000 input,conv3x3-bn-relu,maxpool3x3,output");
        // steps that cannot apply change nothing: vertex 5 does not exist, the edge exists already
        assertThat(SPACE.cell(steps("edge-3-5", "edge-0-1"))).isEqualTo(SPACE.cell(SPACE.defaultArchitecture()));
    }

    @Test
    void everyArchitectureIsALegalConnectedCell() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            NasBench101Cell cell = SPACE.cell(randomArchitecture(random));
            assertThat(cell.vertexCount()).isBetween(2, 7);
            assertThat(cell.edgeCount()).isBetween(1, 9);
            boolean[][] matrix = cell.matrix();
            for (int v = 0; v < cell.vertexCount(); v++) {
                boolean in = false;
                boolean out = false;
                for (int w = 0; w < cell.vertexCount(); w++) {
                    in |= matrix[w][v];
                    out |= matrix[v][w];
                }
                // NAS-Bench-101's "full DAG": only the input lacks in-edges, only the output lacks out-edges
                assertThat(in || v == 0).as("in-edge of %d in %s", v, cell).isTrue();
                assertThat(out || v == cell.vertexCount() - 1).as("out-edge of %d in %s", v, cell).isTrue();
            }
        }
    }

    @Test
    void greedyStepsReachTheLimitsOfNasBench101() {
        Architecture full = steps("conv3x3-0-1", "conv1x1-1-2", "maxpool3x3-2-3", "conv3x3-3-4", "conv3x3-4-5",
                "edge-0-6", "edge-0-2", "edge-1-6");
        NasBench101Cell cell = SPACE.cell(full);
        assertThat(cell.vertexCount()).isEqualTo(7);
        assertThat(cell.edgeCount()).isEqualTo(9);
    }

    @Test
    void moduleHashMatchesNasBench101sAlgorithm() {
        // expected values computed with NAS-Bench-101's hash_module (graph_util.py) in Python
        assertThat(SPACE.tableKey(SPACE.defaultArchitecture())).isEqualTo("043721b9c7fe8c5fad811d47d83132ec");
        assertThat(SPACE.tableKey(steps("conv3x3-0-1"))).isEqualTo("b49ac8c578b4561d79ac7087988f1c61");
        boolean[][] m = new boolean[7][7];
        int[][] edges = {{0, 1}, {0, 2}, {0, 3}, {0, 5}, {1, 6}, {2, 6}, {3, 4}, {4, 6}, {5, 6}};
        for (int[] e : edges) {
            m[e[0]][e[1]] = true;
        }
        NasBench101Cell readmeExample = new NasBench101Cell(List.of("input", "conv1x1-bn-relu", "conv3x3-bn-relu",
                "conv3x3-bn-relu", "conv3x3-bn-relu", "maxpool3x3", "output"), m);
        assertThat(readmeExample.moduleHash()).isEqualTo("28cfc7874f6d200472e1a9dcd8650aa0");
    }

    @Test
    void isomorphicCellsShareAHash() {
        Architecture convThenPool = steps("conv3x3-0-1", "maxpool3x3-0-2");
        Architecture poolThenConv = steps("maxpool3x3-0-1", "conv3x3-0-2");
        assertThat(SPACE.cell(convThenPool)).isNotEqualTo(SPACE.cell(poolThenConv));
        assertThat(SPACE.tableKey(convThenPool)).isEqualTo(SPACE.tableKey(poolThenConv));
        assertThat(SPACE.tableKey(convThenPool)).isNotEqualTo(SPACE.tableKey(steps("conv3x3-0-1", "conv3x3-0-2")));
    }
}
