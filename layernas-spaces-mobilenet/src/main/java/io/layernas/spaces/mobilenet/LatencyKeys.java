package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;
import io.layernas.spaces.mobilenet.LatencyTable.Format;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an op as a latency-table key and reads keys back as ops. A stride-2 or larger-kernel
 * convolution is {@code Conv} (the stem), a 1x1 convolution {@code Conv_1}, a dense layer with an
 * activation {@code Conv_2}, the classifier {@code Logits}, pooling {@code AvgPool2D}, a
 * bottleneck {@code expanded_conv}.
 */
final class LatencyKeys {
    private static final Pattern BNECK = Pattern.compile("expanded_conv-input:(\\d+)x\\d+x(\\d+)-output:(\\d+)x\\d+x(\\d+)"
            + "-expand:(\\d+)-kernel:(\\d+)-stride:(\\d+)-idskip:([01])(?:-se:([01])-hs:([01]))?");
    private static final Pattern PLAIN = Pattern.compile("(Conv|Conv_1|Conv_2|AvgPool2D|Logits)-input:(\\d+)x\\d+x(\\d+)"
            + "-output:(?:(\\d+)x\\d+x)?(\\d+)");

    private LatencyKeys() {
    }

    /** The key of {@code op} in a table of {@code format}, or {@code null} when no key can describe it. */
    static String key(Op op, Format format) {
        String in = "-input:" + op.inputSize() + "x" + op.inputSize() + "x" + op.inChannels();
        String out = op.outputSize() + "x" + op.outputSize() + "x" + op.outChannels();
        return switch (op.type()) {
            case CONV -> (op.kernel() == 1 ? "Conv_1" : "Conv") + in + "-output:" + out;
            case GLOBAL_POOL -> "AvgPool2D" + in + "-output:1x1x" + op.outChannels();
            case DENSE -> "none".equals(op.activation()) ? "Logits" + in + "-output:" + op.outChannels()
                    : "Conv_2" + in + "-output:" + out;
            case BNECK -> bneckKey(op, format, in, out);
            default -> null;
        };
    }

    private static String bneckKey(Op op, Format format, String in, String out) {
        String expand;
        if (format == Format.RATIO) {
            if (op.expandedChannels() % op.inChannels() != 0) {
                return null;
            }
            expand = String.valueOf(op.expandedChannels() / op.inChannels());
        } else {
            expand = String.valueOf(op.expandedChannels());
        }
        String key = "expanded_conv" + in + "-output:" + out + "-expand:" + expand + "-kernel:" + op.kernel()
                + "-stride:" + op.stride() + "-idskip:" + (op.residual() ? 1 : 0);
        return format == Format.RATIO ? key
                : key + "-se:" + (op.squeezeExcite() ? 1 : 0) + "-hs:" + ("hswish".equals(op.activation()) ? 1 : 0);
    }

    /**
     * The op a key describes, or {@code null} for keys of other kinds.
     *
     * @throws IllegalArgumentException naming the key when its numbers do not make an op
     */
    static Op parse(String key, Format format) {
        try {
            return parseOrNull(key, format);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + key + "' does not describe a valid op: " + e.getMessage(), e);
        }
    }

    private static Op parseOrNull(String key, Format format) {
        Matcher b = BNECK.matcher(key);
        if (b.matches()) {
            int in = Integer.parseInt(b.group(2));
            int expand = Integer.parseInt(b.group(5));
            boolean se = "1".equals(b.group(9));
            String activation = "1".equals(b.group(10)) ? "hswish" : format == Format.RATIO ? "relu6" : "relu";
            int stride = Integer.parseInt(b.group(7));
            return Ops.bneck(Integer.parseInt(b.group(1)), in, format == Format.RATIO ? expand * in : expand,
                    Integer.parseInt(b.group(4)), Integer.parseInt(b.group(6)), stride, se, activation);
        }
        Matcher p = PLAIN.matcher(key);
        if (!p.matches()) {
            return null;
        }
        int size = Integer.parseInt(p.group(2));
        int in = Integer.parseInt(p.group(3));
        int out = Integer.parseInt(p.group(5));
        return switch (p.group(1)) {
            case "Conv" -> Ops.conv(size, in, out, 3, stride(size, p.group(4)), "relu");
            case "Conv_1" -> Ops.conv(size, in, out, 1, 1, "relu");
            case "Conv_2" -> Ops.dense(in, out, "relu");
            case "AvgPool2D" -> Ops.pool(size, in);
            default -> Ops.dense(in, out, "none");
        };
    }

    private static int stride(int inputSize, String outputSize) {
        int out = outputSize == null ? 0 : Integer.parseInt(outputSize);
        return out < 1 ? 1 : Math.max(1, inputSize / out);
    }
}
