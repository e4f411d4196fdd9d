package io.layernas.spaces.mobilenet;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.ConfigurationException;
import io.layernas.api.InputShape;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import java.util.function.Function;

/**
 * Registers the MobileNet spaces. Settings: {@code resolution} (pixels, default 224; 28 for
 * {@code mobilenet-mini}), {@code channels} (default 3; 1 for mini) and {@code classes} (default
 * 1001; 10 for mini). Each nested class is one registered plugin.
 */
public abstract class MobileNetSpaceProvider extends AbstractPlugin implements SearchSpaceProvider {
    private final InputShape defaults;
    private final Function<InputShape, MobileNetSpace> factory;

    MobileNetSpaceProvider(String name, String description, InputShape defaults,
                           Function<InputShape, MobileNetSpace> factory) {
        super(name, description);
        this.defaults = defaults;
        this.factory = factory;
    }

    @Override
    public MobileNetSpace create(Settings settings) {
        int resolution = settings.getPositiveInt("resolution", defaults.size());
        int channels = settings.getPositiveInt("channels", defaults.channels());
        int classes = settings.getPositiveInt("classes", defaults.classes());
        return factory.apply(new InputShape(resolution, channels, classes));
    }

    /** Whether {@code space} is one of these spaces, for cost models that need one. */
    static MobileNetSpace require(SearchSpace space, String costModel) {
        if (space instanceof MobileNetSpace mobileNet) {
            return mobileNet;
        }
        throw new ConfigurationException("cost model '" + costModel + "' prices MobileNet spaces (" + PaperSpaces.V3_SMALL
                + ", " + PaperSpaces.V3_LARGE + ", " + PaperSpaces.V2 + ", " + PaperSpaces.V2_14 + ", " + PaperSpaces.MINI
                + "), not '" + space.name() + "'. Choose a cost model made for '" + space.name() + "'.");
    }

    /** {@code mobilenet-v3-small}: the 60M MAdds space, Table 7. */
    public static final class V3Small extends MobileNetSpaceProvider {
        /** For ServiceLoader. */
        public V3Small() {
            super(PaperSpaces.V3_SMALL, "LayerNAS 60M MAdds space (Table 7), MobileNetV3-Small-like, 17 layers",
                    PaperSpaces.IMAGENET, PaperSpaces::v3Small);
        }
    }

    /** {@code mobilenet-v3-large}: the 220M MAdds space, Table 9. */
    public static final class V3Large extends MobileNetSpaceProvider {
        /** For ServiceLoader. */
        public V3Large() {
            super(PaperSpaces.V3_LARGE, "LayerNAS 220M MAdds space (Table 9), MobileNetV3-Large-like, 22 layers",
                    PaperSpaces.IMAGENET, PaperSpaces::v3Large);
        }
    }

    /** {@code mobilenet-v2}: the 300M MAdds space, Table 11. */
    public static final class V2 extends MobileNetSpaceProvider {
        /** For ServiceLoader. */
        public V2() {
            super(PaperSpaces.V2, "LayerNAS 300M MAdds space (Table 11), MobileNetV2-like, 26 layers",
                    PaperSpaces.IMAGENET, PaperSpaces::v2);
        }
    }

    /** {@code mobilenet-v2-1.4x}: the 600M MAdds space, Table 13. */
    public static final class V2x14 extends MobileNetSpaceProvider {
        /** For ServiceLoader. */
        public V2x14() {
            super(PaperSpaces.V2_14, "LayerNAS 600M MAdds space (Table 13), MobileNetV2-1.4x-like, 31 layers",
                    PaperSpaces.IMAGENET, PaperSpaces::v2x14);
        }
    }

    /** {@code mobilenet-mini}: a small space for real training on Fashion-MNIST. */
    public static final class Mini extends MobileNetSpaceProvider {
        /** For ServiceLoader. */
        public Mini() {
            super(PaperSpaces.MINI, "small MobileNet space for CPU training on Fashion-MNIST (28x28x1), 8 layers",
                    PaperSpaces.FASHION_MNIST, PaperSpaces::mini);
        }
    }
}
