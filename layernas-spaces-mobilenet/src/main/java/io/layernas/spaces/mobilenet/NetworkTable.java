package io.layernas.spaces.mobilenet;

import io.layernas.api.Architecture;
import io.layernas.api.Op;
import io.layernas.api.SearchSpace;
import io.layernas.api.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Per-layer tables like the paper's (input, operator, filters, expanded, stride), with each
 * op's MAdds, parameters and, given a latency model, latency in ms; and search-space tables with
 * {@code |S|} per layer and the Table 1 counts. Plain text, columns aligned. Stateless.
 */
public final class NetworkTable {
    /** Longest cell line before it wraps, so that a table fits a terminal of 100-120 columns. */
    static final int MAX_CELL = 32;

    private NetworkTable() {
    }

    /** The table of a network, ops named by position. */
    public static String format(List<Op> ops) {
        return format(ops, null, null);
    }

    /**
     * The table of a network.
     *
     * @param names     a name per op, or {@code null}
     * @param latencyMs latency per op in ms, or {@code null} for no latency column
     */
    public static String format(List<Op> ops, List<String> names, ToDoubleFunction<Op> latencyMs) {
        List<String> header = new ArrayList<>(List.of("#", "layer", "input", "operator", "filters", "expanded",
                "stride", "SE", "act", "MAdds", "params"));
        if (latencyMs != null) {
            header.add("latency ms");
        }
        TextTable table = new TextTable(header).wrapAfterCommas(MAX_CELL);
        long madds = 0;
        long params = 0;
        double latency = 0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            long m = OpCounter.madds(op);
            long p = OpCounter.params(op);
            madds += m;
            params += p;
            List<String> row = new ArrayList<>(List.of(String.valueOf(i + 1), names == null ? "" : names.get(i),
                    op.inputSize() + "x" + op.inputSize() + "x" + op.inChannels(), operator(op),
                    String.valueOf(op.outChannels()), op.expandedChannels() == 0 ? "" : String.valueOf(op.expandedChannels()),
                    String.valueOf(op.stride()), op.squeezeExcite() ? "yes" : "", op.activation(), group(m), group(p)));
            if (latencyMs != null) {
                double ms = latencyMs.applyAsDouble(op);
                latency += ms;
                row.add(String.format(Locale.ROOT, "%.3f", ms));
            }
            table.add(row);
        }
        List<String> total = new ArrayList<>(List.of("", "total", "", "", "", "", "", "", "", group(madds), group(params)));
        if (latencyMs != null) {
            total.add(String.format(Locale.ROOT, "%.3f", latency));
        }
        table.add(total);
        return table.render();
    }

    /** The table of {@code architecture} in {@code space}, ops named as the layers that choose them. */
    public static String describe(MobileNetSpace space, Architecture architecture, ToDoubleFunction<Op> latencyMs) {
        List<String> names = space.slots().stream().map(Slot::name).toList();
        return space.format(architecture) + "\n" + format(space.network(architecture), names, latencyMs);
    }

    /** The search-space table: a row per layer or fixed op, {@code |S|}, and the Table 1 counts. */
    public static String describeSpace(MobileNetSpace space) {
        TextTable table = new TextTable(List.of("layer", "operator", "# output filter", "# expanded filter", "stride",
                "|S|")).wrapAfterCommas(MAX_CELL);
        for (SpaceRow row : space.rows()) {
            table.add(List.of(row.name(), row.operator(), row.filters(), row.expanded(),
                    row.stride() == 0 ? "" : String.valueOf(row.stride()), row.options() == 1 ? "" : String.valueOf(row.options())));
        }
        return space.name() + ": " + space.layerCount() + " layers, input " + space.input().size() + "x"
                + space.input().size() + "x" + space.input().channels() + ", " + space.input().classes() + " classes\n"
                + table.render() + counts(space, 300);
    }

    /** The Table 1 figures: unique architectures and LayerNAS's maximum trials with {@code candidates} per layer. */
    public static String counts(SearchSpace space, int candidates) {
        return String.format(Locale.ROOT, "unique architectures (prod |S|): %.2e; sum |S| = %d%nmax trials with %d "
                + "candidates per layer (%d x sum |S|): %.2e%n", space.architectureCount(), space.optionCount(),
                candidates, candidates, (double) candidates * space.optionCount());
    }

    private static String operator(Op op) {
        String k = op.kernel() + "x" + op.kernel();
        return switch (op.type()) {
            case CONV -> "conv2d " + k;
            case BNECK -> "bneck " + k;
            case GLOBAL_POOL -> "pool " + k;
            case DENSE -> "dense";
            default -> op.type().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String group(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
