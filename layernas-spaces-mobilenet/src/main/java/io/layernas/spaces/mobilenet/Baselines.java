package io.layernas.spaces.mobilenet;

import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The published baseline networks the paper compares against, as op lists:
 * MobileNetV2 1.0 and 1.4 (Sandler et al., 2018, Table 2) and MobileNetV3-Large and -Small 1.0
 * (Howard et al., 2019, Tables 1 and 2: kernels, expansions, SE, h-swish, strides). The heads
 * follow the TensorFlow-Slim reference implementation ({@code nets/mobilenet}): V2 ends in a 1x1
 * conv (1280, or 1792 at width 1.4), pooling and a dense classifier; V3 ends in a 1x1 conv,
 * pooling, a 1x1 conv without batch norm (a dense layer with bias, here) and the classifier.
 * Squeeze-and-excite reduces to {@code make_divisible(expanded / 4, 8)} with a hard-sigmoid gate.
 * Stateless and thread-safe.
 */
public final class Baselines {
    /** Names accepted by {@link #network(String, InputShape)}. */
    public static final List<String> NAMES = List.of("mobilenet-v2-1.0", "mobilenet-v2-1.4", "mobilenet-v3-large-1.0",
            "mobilenet-v3-small-1.0");

    // V2 (t, c, n, s) rows of Sandler et al. Table 2.
    private static final int[][] V2_ROWS = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
        {6, 160, 3, 2}, {6, 320, 1, 1}};
    // V3 rows of Howard et al. Tables 1 and 2: kernel, expanded, out, SE, h-swish, stride.
    private static final int[][] V3_LARGE = {{3, 16, 16, 0, 0, 1}, {3, 64, 24, 0, 0, 2}, {3, 72, 24, 0, 0, 1},
        {5, 72, 40, 1, 0, 2}, {5, 120, 40, 1, 0, 1}, {5, 120, 40, 1, 0, 1}, {3, 240, 80, 0, 1, 2},
        {3, 200, 80, 0, 1, 1}, {3, 184, 80, 0, 1, 1}, {3, 184, 80, 0, 1, 1}, {3, 480, 112, 1, 1, 1},
        {3, 672, 112, 1, 1, 1}, {5, 672, 160, 1, 1, 2}, {5, 960, 160, 1, 1, 1}, {5, 960, 160, 1, 1, 1}};
    private static final int[][] V3_SMALL = {{3, 16, 16, 1, 0, 2}, {3, 72, 24, 0, 0, 2}, {3, 88, 24, 0, 0, 1},
        {5, 96, 40, 1, 1, 2}, {5, 240, 40, 1, 1, 1}, {5, 240, 40, 1, 1, 1}, {5, 120, 48, 1, 1, 1},
        {5, 144, 48, 1, 1, 1}, {5, 288, 96, 1, 1, 2}, {5, 576, 96, 1, 1, 1}, {5, 576, 96, 1, 1, 1}};

    private Baselines() {
    }

    /** The baseline called {@code name} (one of {@link #NAMES}). */
    public static List<Op> network(String name, InputShape input) {
        return switch (name) {
            case "mobilenet-v2-1.0" -> mobileNetV2(1.0, input);
            case "mobilenet-v2-1.4" -> mobileNetV2(1.4, input);
            case "mobilenet-v3-large-1.0" -> mobileNetV3Large(input);
            case "mobilenet-v3-small-1.0" -> mobileNetV3Small(input);
            default -> throw new IllegalArgumentException("unknown baseline '" + name + "'; baselines are " + NAMES);
        };
    }

    /** All baselines by name, for the given input. */
    public static Map<String, List<Op>> all(InputShape input) {
        Map<String, List<Op>> all = new TreeMap<>();
        NAMES.forEach(name -> all.put(name, network(name, input)));
        return all;
    }

    /** MobileNetV2 with width multiplier {@code alpha} (1.0 or 1.4 are the published ones). */
    public static List<Op> mobileNetV2(double alpha, InputShape input) {
        Chain chain = new Chain(input);
        chain.conv(3, OpCounter.makeDivisible(32 * alpha, 8), 2, "relu6");
        for (int[] row : V2_ROWS) {
            int out = OpCounter.makeDivisible(row[1] * alpha, 8);
            for (int i = 0; i < row[2]; i++) {
                chain.bneck(3, chain.channels * row[0], out, i == 0 ? row[3] : 1, false, "relu6");
            }
        }
        chain.conv(1, alpha > 1 ? OpCounter.makeDivisible(1280 * alpha, 8) : 1280, 1, "relu6");
        chain.pool();
        chain.dense(input.classes(), "none");
        return chain.ops;
    }

    /** MobileNetV3-Large 1.0. */
    public static List<Op> mobileNetV3Large(InputShape input) {
        return mobileNetV3(input, V3_LARGE, 960, 1280);
    }

    /** MobileNetV3-Small 1.0. */
    public static List<Op> mobileNetV3Small(InputShape input) {
        return mobileNetV3(input, V3_SMALL, 576, 1024);
    }

    private static List<Op> mobileNetV3(InputShape input, int[][] rows, int lastConv, int lastDense) {
        Chain chain = new Chain(input);
        chain.conv(3, 16, 2, "hswish");
        for (int[] r : rows) {
            chain.bneck(r[0], r[1], r[2], r[5], r[3] == 1, r[4] == 1 ? "hswish" : "relu");
        }
        chain.conv(1, lastConv, 1, "hswish");
        chain.pool();
        chain.dense(lastDense, "hswish");
        chain.dense(input.classes(), "none");
        return chain.ops;
    }

    /** Appends ops, keeping track of the current size and width. */
    private static final class Chain {
        final List<Op> ops = new ArrayList<>();
        int size;
        int channels;

        Chain(InputShape input) {
            size = input.size();
            channels = input.channels();
        }

        void conv(int kernel, int out, int stride, String activation) {
            add(Ops.conv(size, channels, out, kernel, stride, activation));
        }

        void bneck(int kernel, int expanded, int out, int stride, boolean se, String activation) {
            add(Ops.bneck(size, channels, expanded, out, kernel, stride, se, activation));
        }

        void pool() {
            add(Ops.pool(size, channels));
        }

        void dense(int out, String activation) {
            add(Ops.dense(channels, out, activation));
        }

        private void add(Op op) {
            ops.add(op);
            size = op.outputSize();
            channels = op.outChannels();
        }
    }
}
