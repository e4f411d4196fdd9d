package io.layernas.core.layernas;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchSpace;
import io.layernas.api.Trial;
import io.layernas.core.Results;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** LayerNAS's optional warm start ({@code warmStart}): where the layerwise search starts from. Stateless. */
final class WarmStart {
    /** Uniform draws per warm-start architecture to find one inside the target. */
    private static final int TRIES = 100;

    private WarmStart() {
    }

    /**
     * Trains {@code count} distinct random architectures inside the target (each the first
     * in-target one of up to {@link #TRIES} uniform draws, priced without training) as one batch,
     * and returns the best of them: the layerwise search then varies it layer by layer, its
     * options being what unsearched layers keep. {@code fallback} when none succeeded in the target.
     * {@code observer} sees the trials.
     */
    static Architecture best(SearchContext context, int count, Architecture fallback,
                             Consumer<List<Trial>> observer) {
        SplittableRandom random = context.random("layernas-warm-start");
        SearchSpace space = context.space();
        Set<Architecture> drawn = new LinkedHashSet<>();
        for (int i = 0; i < count * TRIES && drawn.size() < count; i++) {
            int[] choices = new int[space.layerCount()];
            for (int layer = 0; layer < choices.length; layer++) {
                choices[layer] = random.nextInt(space.layers().get(layer).size());
            }
            Architecture architecture = Architecture.of(choices);
            if (context.target().contains(context.costModel().cost(architecture))) {
                drawn.add(architecture);
            }
        }
        List<Trial> trials = context.evaluate(drawn.stream().map(Candidate::of).toList());
        observer.accept(trials);
        Trial best = Results.best(trials, context.target());
        return best == null ? fallback : best.architecture();
    }
}
