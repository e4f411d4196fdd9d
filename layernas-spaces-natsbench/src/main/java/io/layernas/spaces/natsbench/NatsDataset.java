package io.layernas.spaces.natsbench;

import io.layernas.api.ConfigurationException;
import io.layernas.api.InputShape;
import io.layernas.api.Settings;
import java.util.Locale;

/**
 * The three datasets of NATS-Bench. They change the networks' input (32x32 for CIFAR, 16x16 for
 * ImageNet16-120) and their number of classes, and so their FLOPs and parameters.
 */
public enum NatsDataset {
    /** CIFAR-10: 32x32 RGB, 10 classes. */
    CIFAR10("cifar10", new InputShape(32, 3, 10)),
    /** CIFAR-100: 32x32 RGB, 100 classes. */
    CIFAR100("cifar100", new InputShape(32, 3, 100)),
    /** ImageNet16-120: ImageNet down-sampled to 16x16, the first 120 classes. */
    IMAGENET16_120("ImageNet16-120", new InputShape(16, 3, 120));

    private final String label;
    private final InputShape input;

    NatsDataset(String label, InputShape input) {
        this.label = label;
        this.input = input;
    }

    /** The name NATS-Bench uses, e.g. {@code ImageNet16-120}. */
    public String label() {
        return label;
    }

    /** Input size, channels and classes. */
    public InputShape input() {
        return input;
    }

    /**
     * The dataset named {@code name}, compared case-insensitively; {@code imagenet16} is accepted
     * for ImageNet16-120.
     *
     * @throws IllegalArgumentException listing the names allowed
     */
    public static NatsDataset of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (NatsDataset dataset : values()) {
            if (dataset.label.toLowerCase(Locale.ROOT).equals(wanted)) {
                return dataset;
            }
        }
        if (wanted.equals("imagenet16") || wanted.equals("imagenet16-120")) {
            return IMAGENET16_120;
        }
        throw new IllegalArgumentException("'" + name + "' is not a NATS-Bench dataset; use cifar10, cifar100 or ImageNet16-120");
    }

    /** The {@code dataset} setting, default {@code cifar10}. */
    static NatsDataset from(Settings settings) {
        String name = settings.getString("dataset", "cifar10");
        try {
            return of(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.keyOf("dataset") + " (" + name
                    + ") must be one of [cifar10, cifar100, ImageNet16-120].", e);
        }
    }
}
