package io.layernas.cli;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.DescribedSpace;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op;
import io.layernas.api.SearchSpace;
import io.layernas.cli.config.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<String> columns = new ArrayList<>(List.of("#", "layer", "|S|", "options (default first)"));
        if (cost != null) {
            columns.add("cost, this layer free (" + cost.unit() + ")");
        }
        TextTable table = new TextTable(columns);
        Architecture defaults = space.defaultArchitecture();
        for (int i = 0; i < space.layerCount(); i++) {
            Layer layer = space.layers().get(i);
            String name = layer.name() + (layer.virtual() ? " (virtual)" : "");
            List<String> row = new ArrayList<>(List.of(Integer.toString(i), name, Integer.toString(layer.size()),
                    options(layer)));
            if (cost != null) {
                CostRange range = cost.range(defaults, i, i + 1);
                row.add("[" + Numbers.format(range.min()) + ", " + Numbers.format(range.max()) + "]");
            }
            table.add(row);
        }
        text.append(table.render());
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
        TextTable table = new TextTable(List.of("#", "input", "operator", "filters", "expanded", "stride", "detail"));
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
        List<String> columns = new ArrayList<>(List.of("#", "layer", "option"));
        if (cost != null) {
            columns.add("cost change from default (" + cost.unit() + ")");
        }
        TextTable table = new TextTable(columns);
        Architecture defaults = space.defaultArchitecture();
        for (int i = 0; i < space.layerCount(); i++) {
            Layer layer = space.layers().get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i), layer.name(),
                    layer.options().get(architecture.choice(i))));
            if (cost != null) {
                row.add(Numbers.format(cost.cost(defaults.with(i, architecture.choice(i))) - cost.cost(defaults)));
            }
            table.add(row);
        }
        return table.render();
    }
}
