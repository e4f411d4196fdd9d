package io.layernas.evaluators.training;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings of the {@code djl-train} evaluator, one place for their defaults.
 *
 * @param datasetDir         directory of the four Fashion-MNIST IDX files (gzip or plain)
 * @param epochs             training epochs per candidate (the paper trains 5 as a proxy)
 * @param batchSize          images per step
 * @param learningRate       initial learning rate of SGD with momentum
 * @param schedule           {@code cosine} (PyTorch's {@code CosineAnnealingLR} stepped per batch, see
 *                           {@link LearningRate}) or {@code constant}
 * @param momentum           SGD momentum
 * @param weightDecay        L2 weight decay
 * @param trainSubset        training-set images used, validation included; 0 = all 60,000
 * @param validationFraction fraction of those held out for validation, in (0, 1)
 * @param testSubset         test images evaluated; 0 = all 10,000
 * @param splitSeed          seed of the train/validation/test selection, the same for every candidate
 * @param threads            PyTorch intra-op threads (process-wide); default: the number of cores
 * @param cacheDir           where DJL unpacks the PyTorch native library from its jar
 */
public record TrainingSettings(Path datasetDir, int epochs, int batchSize, double learningRate, String schedule,
                               double momentum, double weightDecay, int trainSubset, double validationFraction,
                               int testSubset, long splitSeed, int threads, Path cacheDir) {
    /** The schedules {@link #schedule} accepts. */
    public static final List<String> SCHEDULES = List.of("cosine", "constant");

    /** Reads and checks the settings; errors name the key, the value and a fix. */
    public static TrainingSettings from(Settings settings) {
        TrainingSettings result = new TrainingSettings(
                settings.getPath("datasetDir", FashionMnist.DEBIAN_DIRECTORY.toString()),
                settings.getInt("epochs", 1),
                settings.getInt("batchSize", 128),
                settings.getDouble("learningRate", 0.1),
                settings.getChoice("schedule", "cosine", SCHEDULES),
                settings.getDouble("momentum", 0.9),
                settings.getDouble("weightDecay", 1e-4),
                settings.getInt("trainSubset", 10_000),
                settings.getDouble("validationFraction", 0.1),
                settings.getInt("testSubset", 0),
                settings.getLong("splitSeed", 0),
                settings.getInt("threads", Runtime.getRuntime().availableProcessors()),
                settings.getPath("cacheDir", DjlRuntime.defaultCacheDir().toString()));
        result.check(settings);
        return result;
    }

    private void check(Settings settings) {
        positive(settings, "epochs", epochs, "5, the paper's proxy");
        positive(settings, "batchSize", batchSize, "128");
        positive(settings, "threads", threads, "2, the number of cores");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new ConfigurationException(settings.keyOf("learningRate") + " (" + learningRate
                    + ") must be a positive number, like 0.1.");
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new ConfigurationException(settings.keyOf("validationFraction") + " (" + validationFraction
                    + ") must lie strictly between 0 and 1, like 0.1.");
        }
        if (trainSubset < 0 || testSubset < 0) {
            String key = trainSubset < 0 ? "trainSubset" : "testSubset";
            throw new ConfigurationException(settings.keyOf(key) + " (" + Math.min(trainSubset, testSubset)
                    + ") must be 0 (all images) or a positive count, like 10000.");
        }
        if (momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new ConfigurationException(settings.keyOf(momentum < 0 || momentum >= 1 ? "momentum" : "weightDecay")
                    + " is out of range: momentum must be in [0, 1), like 0.9, and weightDecay >= 0, like 1e-4.");
        }
    }

    private static void positive(Settings settings, String key, int value, String example) {
        if (value < 1) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + value + ") must be positive, like " + example + ".");
        }
    }
}
