package io.layernas.bench;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.Layer;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.Plugins;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Search problems for the benchmarks: built-in spaces by name, or synthetic ones of a given shape. */
public final class Problems {
    private Problems() {
    }

    /** A space, its cost model and a target in the middle of its cost range. */
    public record Problem(SearchSpace space, CostModel costs, TargetRange target) {
    }

    /**
     * A built-in space with a cost model, the target being {@code [lowFraction, highFraction]} of
     * the space's largest cost (the default's in the MobileNet and size spaces, whose option 0 is
     * the dearest; not in {@code nats-tss}, whose all-{@code none} default is the cheapest cell).
     */
    public static Problem builtIn(String space, String cost, double lowFraction, double highFraction) {
        Plugins plugins = new Plugins(PluginRegistry.fromClassPath());
        SearchSpace searchSpace = plugins.space(Plugins.choice(PluginKind.SPACE, space, Map.of()));
        CostModel costs = plugins.costModel(Plugins.choice(PluginKind.COST_MODEL, cost, Map.of()), searchSpace);
        double full = costs.range(searchSpace.defaultArchitecture(), 0, searchSpace.layerCount()).max();
        return new Problem(searchSpace, costs, new TargetRange(lowFraction * full, highFraction * full));
    }

    /** A synthetic additive space of {@code layers} layers with {@code options} options each; target = middle 5%. */
    public static Problem synthetic(int layers, int options, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Layer> layerList = new ArrayList<>();
        double[][] costs = new double[layers][options];
        for (int l = 0; l < layers; l++) {
            List<String> names = new ArrayList<>();
            for (int o = 0; o < options; o++) {
                names.add("o" + o);
                costs[l][o] = (options - o) * (1 + random.nextDouble());
            }
            layerList.add(new Layer("layer" + l, names));
        }
        SearchSpace space = new SimpleSearchSpace("synthetic", layerList);
        AdditiveCostModel model = new AdditiveCostModel(costs, "cost");
        CostRange range = model.range(Architecture.defaults(layers), 0, layers);
        double middle = (range.min() + range.max()) / 2;
        return new Problem(space, model, new TargetRange(middle * 0.975, middle * 1.025));
    }
}
