package io.layernas.evaluators.training;

import io.layernas.api.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Fashion-MNIST data set (60,000 training and 10,000 test images of 28x28 grey pixels, 10
 * classes) read from its four IDX files, gzip-compressed or plain.
 *
 * @param train the training images
 * @param test  the test images
 */
public record FashionMnist(LabelledImages train, LabelledImages test) {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Mean pixel value of the training set, on the 0..1 scale. */
    public static final float MEAN = 0.2860f;
    /** Standard deviation of the pixel values of the training set, on the 0..1 scale. */
    public static final float STD = 0.3530f;

    /** Reads the data set from {@code directory}; fails with a {@link ConfigurationException} naming a missing file. */
    public static FashionMnist load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException("Fashion-MNIST directory " + directory + " does not exist. Run scripts/setup.sh "
                    + "(it installs Debian's dataset-fashion-mnist into " + DEBIAN_DIRECTORY
                    + ") or set datasetDir to a directory with the four IDX files (docs/data.md).");
        }
        LabelledImages train = new LabelledImages(IdxReader.readImages(file(directory, "train-images-idx3-ubyte")),
                IdxReader.readLabels(file(directory, "train-labels-idx1-ubyte")));
        LabelledImages test = new LabelledImages(IdxReader.readImages(file(directory, "t10k-images-idx3-ubyte")),
                IdxReader.readLabels(file(directory, "t10k-labels-idx1-ubyte")));
        return new FashionMnist(train, test);
    }

    /** True when the four files are present in {@code directory} (gzip or plain). */
    public static boolean isPresent(Path directory) {
        for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"}) {
            if (!Files.isRegularFile(directory.resolve(name + ".gz")) && !Files.isRegularFile(directory.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    /** {@code name.gz} when present, otherwise the plain {@code name} (whose absence the reader reports). */
    private static Path file(Path directory, String name) {
        Path gzip = directory.resolve(name + ".gz");
        return Files.isRegularFile(gzip) ? gzip : directory.resolve(name);
    }
}
