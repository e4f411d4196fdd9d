package io.layernas.core.layernas;

import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Trial;
import java.util.ArrayList;
import java.util.List;

/**
 * LayerNAS by dynamic programming, Algorithm 2 of the paper (Appendix D): for each layer in turn,
 * every stored candidate of the previous layer generates every option of this layer; children
 * that cannot reach the target are dropped, the rest are evaluated and kept in the {@code k} best
 * of their cost bucket. It trains at most {@code H·k·Σ|S_i|} candidates, but reaches the target
 * only once the last layer is searched, which is why the paper uses Algorithm 1 in practice.
 * Stateless.
 */
public final class LayerNasDp implements SearchStrategy {
    private final int bucketCount;
    private final int perBucket;

    /**
     * @param bucketCount {@code H}
     * @param perBucket   {@code k}
     */
    public LayerNasDp(int bucketCount, int perBucket) {
        new LayerNas.Config(bucketCount, perBucket, 1, 1, LayerNas.Policy.RANDOM, true);
        this.bucketCount = bucketCount;
        this.perBucket = perBucket;
    }

    @Override
    public void search(SearchContext context) {
        Layerwise state = new Layerwise(context, bucketCount, perBucket, false);
        for (int layer = 0; layer < state.layers() && !context.budgetExhausted(); layer++) {
            List<Candidate> batch = new ArrayList<>();
            for (LayerStore.Entry parent : state.parents(layer, false)) {
                while (!state.exhausted(parent, layer)) {
                    Candidate child = state.child(parent, layer, state.takeChild(parent, layer, 0));
                    if (child != null) {
                        batch.add(child);
                    }
                }
            }
            for (Trial trial : context.evaluate(batch)) {
                state.keep(trial, layer);
            }
        }
    }
}
