package io.layernas.evaluators.tabular;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column names of the plain table format (see {@code docs/benchmark-tables.md}):
 * {@code index}, {@code arch}, and {@code <dataset>_<measure>} or a bare {@code <measure>}, where
 * the measure is one of {@link #MEASURES}. Dataset prefixes are lower-case letters and digits,
 * e.g. {@code cifar10}, {@code cifar100}, {@code imagenet16}.
 */
public final class TableColumns {
    /** The official index of the architecture, a whole number. */
    public static final String INDEX = "index";
    /** The architecture as its space writes it (e.g. {@code 64:48:64:24:64}). */
    public static final String ARCH = "arch";
    /** Accuracy (percent) after training, mean over seeds. */
    public static final String VALID = "valid";
    /** Test accuracy (percent), mean over seeds; only reported. */
    public static final String TEST = "test";
    /** Per-seed validation accuracies (percent): space-separated in CSV, an array in JSON lines. */
    public static final String VALID_SEEDS = "valid_seeds";
    /** Per-seed test accuracies (percent). */
    public static final String TEST_SEEDS = "test_seeds";
    /** The recorded training time of one trial, seconds. */
    public static final String TRAIN_SECONDS = "train_seconds";
    /** MFLOPs of the network. */
    public static final String FLOPS = "flops";
    /** Millions of parameters. */
    public static final String PARAMS = "params";
    /** All measures a column may hold. */
    public static final List<String> MEASURES =
            List.of(VALID_SEEDS, TEST_SEEDS, TRAIN_SECONDS, VALID, TEST, FLOPS, PARAMS);

    private static final Pattern DATASET_COLUMN = Pattern.compile("([a-z0-9]+)_(" + String.join("|", MEASURES) + ")");

    private TableColumns() {
    }

    /** True when {@code column} is a name of the format. */
    public static boolean isKnown(String column) {
        return column.equals(INDEX) || column.equals(ARCH) || MEASURES.contains(column)
                || DATASET_COLUMN.matcher(column).matches();
    }

    /** True for columns holding a list of per-seed values. */
    public static boolean isSeedList(String column) {
        return column.endsWith(VALID_SEEDS) || column.endsWith(TEST_SEEDS);
    }

    /** True for accuracy columns, which must lie in [0, 100]. */
    public static boolean isAccuracy(String column) {
        Matcher matcher = DATASET_COLUMN.matcher(column);
        String measure = matcher.matches() ? matcher.group(2) : column;
        return measure.equals(VALID) || measure.equals(TEST) || isSeedList(column);
    }

    /** The column of {@code measure} for {@code dataset}, e.g. {@code cifar10_valid}. */
    public static String of(String dataset, String measure) {
        return dataset + "_" + measure;
    }

    /**
     * The column prefix of a dataset name: {@code ImageNet16-120} and {@code imagenet16} become
     * {@code imagenet16}; other names are lower-cased.
     *
     * @throws IllegalArgumentException when the name cannot be a prefix
     */
    public static String datasetPrefix(String dataset) {
        String lower = dataset.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("imagenet16-120")) {
            return "imagenet16";
        }
        if (!lower.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("dataset '" + dataset
                    + "' cannot name table columns; use letters and digits, e.g. cifar10, cifar100, imagenet16");
        }
        return lower;
    }

    /** A one-line description of the allowed names, for error messages. */
    public static String describe() {
        return "index, arch, and <dataset>_<measure> or <measure> with measure one of " + MEASURES;
    }
}
