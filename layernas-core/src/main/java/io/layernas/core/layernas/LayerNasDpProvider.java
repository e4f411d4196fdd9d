package io.layernas.core.layernas;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.core.layernas.LayerNasDp;

/** {@code layernas-dp}: Algorithm 2 (dynamic programming). Settings: bucketCount (H), perBucket (k). */
public final class LayerNasDpProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public LayerNasDpProvider() {
        super("layernas-dp", "LayerNAS, Algorithm 2: dynamic programming over layers (H, k)");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return settings.build(() -> new LayerNasDp(settings.getInt("bucketCount", 100), settings.getInt("perBucket", 3)));
    }
}
