package io.layernas.core.layernas;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.ConfigurationException;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.core.layernas.LayerNas;
import java.util.List;

/**
 * {@code layernas}: Algorithm 1. Settings: preset ({@code default}, or {@code paper} for the paper's
 * exact behaviour), then any of bucketCount (H), perBucket (k), selections (R), children (T),
 * policy (random, best, softmax), strictBound, start (searchStart, default), childOrder (learned,
 * random), warmStart (random architectures trained first, the best being the start; 0 = none),
 * sizing ({@code finish}, the default: the last trainings go to the last layer; {@code fixed}: R and T
 * as given, the paper preset's; {@code budget}: R and T from the budget, which clashes with setting them; see
 * {@link BudgetSizing}) to override the preset's.
 */
public final class LayerNasProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public LayerNasProvider() {
        super("layernas", "LayerNAS, Algorithm 1: layerwise search with cost buckets (H, k, R, T)");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        String preset = settings.getChoice("preset", "default", List.of("default", "paper"));
        LayerNas.Config defaults = preset.equals("paper") ? LayerNas.Config.paper() : LayerNas.Config.defaults();
        int buckets = settings.getInt("bucketCount", defaults.bucketCount());
        int perBucket = settings.getInt("perBucket", defaults.perBucket());
        int selections = settings.getInt("selections", defaults.selections());
        int children = settings.getInt("children", defaults.children());
        String policy = settings.getChoice("policy", defaults.policy() == LayerNas.Policy.SOFTMAX ? "softmax" : "random",
                List.of("random", "best", "softmax"));
        boolean strict = settings.getBoolean("strictBound", defaults.strictBound());
        String start = settings.getChoice("start", defaults.fromSearchStart() ? "searchStart" : "default",
                List.of("searchStart", "default"));
        String order = settings.getChoice("childOrder", defaults.learnedOrder() ? "learned" : "random",
                List.of("learned", "random"));
        int warmStart = settings.getInt("warmStart", defaults.warmStart());
        Sizing sized = sizing(settings, defaults);
        LayerNas.Policy chosen = switch (policy) {
            case "best" -> LayerNas.Policy.BEST;
            case "softmax" -> LayerNas.Policy.SOFTMAX;
            default -> LayerNas.Policy.RANDOM;
        };
        return settings.build(() -> new LayerNas(new LayerNas.Config(buckets, perBucket, selections, children,
                    chosen, strict, start.equals("searchStart"), order.equals("learned"), warmStart, sized)));
    }

    /** The sizing, the preset's by default; {@code budget} chooses selections and children, so they must not be set with it. */
    private static Sizing sizing(Settings settings, LayerNas.Config defaults) {
        boolean explicit = settings.has("selections") || settings.has("children");
        String sizing = settings.getChoice("sizing", defaults.sizing().name().toLowerCase(java.util.Locale.ROOT),
                List.of("fixed", "budget", "finish"));
        if (sizing.equals("budget") && explicit) {
            throw new ConfigurationException(settings.keyOf("sizing") + " (budget) chooses "
                    + settings.keyOf("selections") + " and " + settings.keyOf("children")
                    + " from the budget, but they are set. Remove them, or set sizing: fixed to use them as given.");
        }
        return Sizing.valueOf(sizing.toUpperCase(java.util.Locale.ROOT));
    }
}
