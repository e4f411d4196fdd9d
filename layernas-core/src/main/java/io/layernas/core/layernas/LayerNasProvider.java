package io.layernas.core.layernas;

import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.core.layernas.LayerNas;
import java.util.List;

/** {@code layernas}: Algorithm 1. Settings: bucketCount (H), perBucket (k), selections (R), children (T), policy, strictBound. */
public final class LayerNasProvider implements StrategyProvider {
    @Override
    public String name() {
        return "layernas";
    }

    @Override
    public String description() {
        return "LayerNAS, Algorithm 1: layerwise search with cost buckets (H, k, R, T)";
    }

    @Override
    public SearchStrategy create(Settings settings) {
        LayerNas.Config defaults = LayerNas.Config.defaults();
        int buckets = settings.getInt("bucketCount", defaults.bucketCount());
        int perBucket = settings.getInt("perBucket", defaults.perBucket());
        int selections = settings.getInt("selections", defaults.selections());
        int children = settings.getInt("children", defaults.children());
        String policy = settings.getChoice("policy", "random", List.of("random", "best"));
        boolean strict = settings.getBoolean("strictBound", defaults.strictBound());
        return settings.build(() -> new LayerNas(new LayerNas.Config(buckets, perBucket, selections, children,
                    policy.equals("best") ? LayerNas.Policy.BEST : LayerNas.Policy.RANDOM, strict)));
    }
}
