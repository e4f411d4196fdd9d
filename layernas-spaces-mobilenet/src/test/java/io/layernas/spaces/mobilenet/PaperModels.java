package io.layernas.spaces.mobilenet;

import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.util.ArrayList;
import java.util.List;

/** The models LayerNAS discovered (Tables 8, 10, 12, 14), as the paper prints them. */
final class PaperModels {
    /** Table 8 in the 60M space (with 516 read as 512, see PaperSpaces#v3Small). */
    static final String TABLE_8 = "16:28:k3e144:k3e128:44:k5e96:k3e220:k3e200:40:k7e160:k3e152:96:k5e224:k3e448:k3e512"
            + ":864:1536";
    /** Table 12 in the 300M space. */
    static final String TABLE_12 = "24:28:k3e40:k3e144:k3e88:40:k3e104:k5e110:k3e180:k5e130:90:k7e260:k3e220:k3e200"
            + ":120:k7e320:k5e288:k7e256:k3e368:160:k7e608:k7e576:k5e608:k3e448:o280e1216:1920";
    /** Table 14 in the 600M space. */
    static final String TABLE_14 = "36:36:k5e80:k5e72:k3e80:k5e72:48:k3e144:k3e140:k3e160:k3e130:k5e140:140:k7e360"
            + ":k5e360:k3e560:k5e440:144:k7e360:k5e560:k3e288:k5e400:k5e256:192:k3e864:k5e928:k7e736:k7e800:k3e928"
            + ":k3o320e1440:2560";

    /** Table 10 rows: kernel, output filters, expanded filters (0: none), stride. */
    private static final int[][] TABLE_10 = {{3, 18, 0, 1}, {3, 24, 64, 2}, {3, 24, 48, 1}, {5, 56, 80, 2},
        {5, 56, 200, 1}, {5, 56, 100, 1}, {5, 80, 400, 2}, {3, 80, 200, 1}, {3, 80, 272, 1}, {3, 80, 168, 1},
        {5, 112, 440, 1}, {5, 112, 576, 1}, {7, 160, 624, 2}, {5, 160, 640, 1}, {3, 160, 640, 1}};

    private PaperModels() {
    }

    /**
     * Table 10 as an op list: its rows chained (the printed inputs do not chain, so each input is
     * the previous row's output), SE and Swish as in the space, then its head: conv 960, pool,
     * dense 1280, classifier. It has no row for the space's last (paired) bottleneck and its
     * {@code k5e400} is not an option of that layer, so it is not an architecture of the space.
     */
    static List<Op> table10(InputShape input) {
        List<Op> ops = new ArrayList<>();
        ops.add(Ops.conv(input.size(), input.channels(), 16, 3, 2, "swish"));
        for (int[] row : TABLE_10) {
            Op last = ops.get(ops.size() - 1);
            int in = last.outChannels();
            ops.add(Ops.bneck(last.outputSize(), in, row[2] == 0 ? in : row[2], row[1], row[0], row[3], true, "swish"));
        }
        int size = ops.get(ops.size() - 1).outputSize();
        ops.add(Ops.conv(size, 160, 960, 1, 1, "swish"));
        ops.add(Ops.pool(size, 960));
        ops.add(Ops.dense(960, 1280, "swish"));
        ops.add(Ops.dense(1280, input.classes(), "none"));
        return ops;
    }
}
