package io.layernas.cli;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.DescribedSpace;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op;
import io.layernas.api.SearchSpace;
import io.layernas.api.TextTable;
import io.layernas.cli.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/** The text of {@code layernas describe}. Stateless. */
final class SpaceDescription {
    private static final int OPTIONS_SHOWN = 8;
    /** Characters of options shown per layer, so that the table fits a terminal of 100-120 columns. */
    private static final int OPTIONS_WIDTH = 40;

    private SpaceDescription() {
    }

    /** The space: its layers and options, and with a cost model each layer's cost range. */
    static String describe(SearchSpace space, CostModel cost) {
        StringBuilder text = new StringBuilder(header(space));
        if (space instanceof DescribedSpace described) {
            text.append(described.describeSpace());
        }
        Architecture defaults = space.defaultArchitecture();
        text.append(layerTable(space, cost, List.of("#", "layer", "|S|", "options (default first)"),
                "cost, this layer free", layer -> {
                    Layer at = space.layers().get(layer);
                    return List.of(Integer.toString(layer), at.name() + (at.virtual() ? " (virtual)" : ""),
                            Integer.toString(at.size()), options(at));
                }, layer -> {
                    CostRange range = cost.range(defaults, layer, layer + 1);
                    return "[" + Numbers.format(range.min()) + ", " + Numbers.format(range.max()) + "]";
                }));
        if (cost != null) {
            CostRange reachable = cost.range(defaults, 0, space.layerCount());
            text.append(String.format(Locale.ROOT, "reachable cost: [%s, %s] %s; default architecture: %s %s%n",
                    Numbers.format(reachable.min()), Numbers.format(reachable.max()), cost.unit(),
                    Numbers.format(cost.cost(defaults)), cost.unit()));
        }
        return text.toString();
    }

    /** One architecture: per-layer table for network spaces, chosen options and costs for others. */
    static String describe(SearchSpace space, CostModel cost, Architecture architecture) {
        StringBuilder text = new StringBuilder(header(space));
        text.append("architecture ").append(space.format(architecture)).append(" (option indices ")
                .append(architecture).append(")\n");
        if (space instanceof DescribedSpace described) {
            text.append(described.describeNetwork(architecture, cost));
        } else if (space instanceof NetworkSpace network) {
            text.append(ops(network.network(architecture)));
        }
        text.append(choices(space, cost, architecture));
        if (cost != null) {
            text.append("cost: ").append(Numbers.format(cost.cost(architecture), cost.unit())).append('\n');
        }
        return text.toString();
    }

    private static String header(SearchSpace space) {
        return String.format(Locale.ROOT, "space %s: %d layers, %s architectures, sum |S| = %d%n", space.name(),
                space.layerCount(), Numbers.count(space.architectureCount()), space.optionCount());
    }

    /** The first options, as many as fit {@link #OPTIONS_WIDTH} characters, and how many more there are. */
    private static String options(Layer layer) {
        List<String> options = layer.options();
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (String option : options.subList(0, Math.min(OPTIONS_SHOWN, options.size()))) {
            if (count > 0 && shown.length() + 1 + option.length() > OPTIONS_WIDTH) {
                break;
            }
            shown.append(count == 0 ? "" : " ").append(option);
            count++;
        }
        return count < options.size() ? shown + " ... (" + (options.size() - count) + " more)" : shown.toString();
    }

    private static String ops(List<Op> ops) {
        TextTable table = new TextTable(List.of("#", "input", "operator", "filters", "expanded", "stride", "detail"))
                .numbersRight();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            table.add(List.of(Integer.toString(i + 1), op.inputSize() + "x" + op.inputSize() + "x" + op.inChannels(),
                    op.type().name().toLowerCase(Locale.ROOT) + " " + op.kernel() + "x" + op.kernel(),
                    Integer.toString(op.outChannels()),
                    op.expandedChannels() == 0 ? "" : Integer.toString(op.expandedChannels()),
                    Integer.toString(op.stride()), op.detail()));
        }
        return table.render();
    }

    private static String choices(SearchSpace space, CostModel cost, Architecture architecture) {
        Architecture defaults = space.defaultArchitecture();
        return layerTable(space, cost, List.of("#", "layer", "option"), "cost change from default",
                layer -> List.of(Integer.toString(layer), space.layers().get(layer).name(),
                        space.layers().get(layer).options().get(architecture.choice(layer))),
                layer -> Numbers.format(cost.cost(defaults.with(layer, architecture.choice(layer)))
                        - cost.cost(defaults)));
    }

    /** A row per layer, with a last column {@code costColumn} (in the cost model's unit) when there is a cost model. */
    private static String layerTable(SearchSpace space, CostModel cost, List<String> columns, String costColumn,
                                     IntFunction<List<String>> row, IntFunction<String> costCell) {
        List<String> header = new ArrayList<>(columns);
        if (cost != null) {
            header.add(costColumn + " (" + cost.unit() + ")");
        }
        TextTable table = new TextTable(header).numbersRight();
        for (int layer = 0; layer < space.layerCount(); layer++) {
            List<String> cells = new ArrayList<>(row.apply(layer));
            if (cost != null) {
                cells.add(costCell.apply(layer));
            }
            table.add(cells);
        }
        return table.render();
    }
}
