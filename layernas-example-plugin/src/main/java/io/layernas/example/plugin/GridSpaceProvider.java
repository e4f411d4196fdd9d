package io.layernas.example.plugin;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Layer;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code example-grid}: a toy space of {@code layers} layers (default 4) with {@code options}
 * options each (default 4), named {@code w<k>}: option 0 is the widest. Shows how a third-party
 * jar adds a space; not a real network.
 */
public final class GridSpaceProvider extends AbstractPlugin implements SearchSpaceProvider {
    /** For ServiceLoader. */
    public GridSpaceProvider() {
        super("example-grid", "third-party example: a toy grid of layers x options (not a network)");
    }

    @Override
    public SearchSpace create(Settings settings) {
        int layers = settings.getPositiveInt("layers", 4);
        int options = settings.getPositiveInt("options", 4);
        List<Layer> list = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            List<String> names = new ArrayList<>();
            for (int k = options; k >= 1; k--) {
                names.add("w" + k);
            }
            list.add(new Layer("layer" + i, names));
        }
        return new GridSpace(List.copyOf(list));
    }

    /** The space: its layers, nothing else. */
    record GridSpace(List<Layer> layers) implements SearchSpace {
        @Override
        public String name() {
            return "example-grid";
        }
    }
}
