package io.layernas.bench;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Settings;
import io.layernas.evaluators.external.CommandEvaluatorProvider;
import io.layernas.evaluators.training.DataSplit;
import io.layernas.evaluators.training.DjlRuntime;
import io.layernas.evaluators.training.DjlTrainingEvaluatorProvider;
import io.layernas.evaluators.training.FashionMnist;
import io.layernas.evaluators.training.TrainingSettings;
import io.layernas.spaces.mobilenet.PaperSpaces;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trains the same requests with {@code djl-train} in this JVM and with
 * {@code docs/examples/train_candidate.py} through the {@code command} evaluator, on the same images
 * (djl-train's split, passed to the script as {@code SPLIT_FILE}), with the same epochs, batch size,
 * learning rate, schedule and threads, for several seeds per architecture. Prints a Markdown table of
 * ms per training image and validation and test accuracy per seed, with means and standard deviations.
 * Run by {@code scripts/training-parity.sh}; figures are only meaningful on an idle machine.
 *
 * <p>Arguments: {@code seeds trainSubset epochs threads python [architecture...]} (defaults 5, 5000,
 * 1, 2, {@code /usr/bin/python3} and the issue-18 architectures). An architecture is one of
 * {@code mobilenet-mini} ({@code 24:k3e48:...}) or a {@code nats-tss} cell ({@code |nor_conv_3x3~0|+...},
 * the CIFAR-10 network on Fashion-MNIST resized to 32x32x3). Batch 64, learning rate 0.1, cosine,
 * validation 10% of {@code trainSubset}, all 10,000 test images.
 *
 * <p>The system property {@code parity.reverts} (e.g. {@code none;init;sgd;schedule;init,sgd,schedule})
 * adds one djl-train row per entry, trained with those issue-18 fixes reverted (see djl-train's
 * {@code Reverts}; for this report only); {@code parity.pytorch=false} leaves the PyTorch rows out.
 */
public final class TrainingParityReport {
    private static final List<String> ISSUE_ARCHITECTURES = List.of("24:k3e48:40:k5e64:k3e48:64:k5e96:128",
            "24:k3e64:32:k5e96:k5e48:64:k3e160:256", "16:k3e48:24:k5e96:k3e48:64:k5e128:256");
    static final int BATCH = 64;
    /** The {@code mobilenet-mini} baseline, the step and op reports' default. */
    static final String BASELINE = "24:k5e64:40:k5e96:k5e96:64:k5e160:256";
    /** Training images (validation included) of the step and op reports' split. */
    static final int STEP_SUBSET = 5000;
    static final double RATE = 0.1;
    private static final String REVERT_PROPERTY = "layernas.djl-train.revert";

    private TrainingParityReport() {
    }

    /** Runs the report; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        ReportArgs arguments = new ReportArgs(args);
        int seeds = arguments.intAt(0, 5);
        int trainSubset = arguments.intAt(1, 5000);
        int epochs = arguments.intAt(2, 1);
        int threads = arguments.intAt(3, 2);
        String python = arguments.stringAt(4, "/usr/bin/python3");
        List<String> architectures = arguments.restFrom(5, ISSUE_ARCHITECTURES);
        Evaluator djl = djlTrain(trainSubset, epochs, threads, 0);
        warmUp(architectures.get(0), threads);
        Path splitFile = writeSplit(trainSubset);
        Map<String, String> env = new HashMap<>(Map.of("EPOCHS", Integer.toString(epochs)));
        Evaluator torch = pytorch(python, splitFile, threads, env);
        int trainImages = trainSubset - (int) Math.round(trainSubset * 0.1);
        System.out.printf("%d seeds, %d training images, %d epochs, batch %d, lr %.2f cosine, %d threads, %s%n%n",
                seeds, trainImages, epochs, BATCH, RATE, threads, environment());
        System.out.println("| architecture | side | ms/image mean ± sd | validation mean ± sd | test mean ± sd | test per seed | ms/image per seed |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<String> reverts = List.of(System.getProperty("parity.reverts", "none").split(";"));
        boolean withPytorch = Boolean.parseBoolean(System.getProperty("parity.pytorch", "true"));
        for (String text : architectures) {
            NetworkSpace space = spaceOf(text);
            Architecture architecture = space.parse(text);
            for (String revert : reverts) {
                System.setProperty(REVERT_PROPERTY, revert.equals("none") ? "" : revert);
                String side = revert.equals("none") ? "djl-train" : "djl-train, " + revert + " reverted";
                row(text, side, djl, space, architecture, seeds, epochs * (double) trainImages);
            }
            System.clearProperty(REVERT_PROPERTY);
            if (withPytorch) {
                row(text, "pytorch", torch, space, architecture, seeds, epochs * (double) trainImages);
            }
        }
        System.out.printf("%nload at the end %s%n", loadAverage());
        Files.deleteIfExists(splitFile);
    }

    /** {@code nats-tss} (CIFAR-10 networks) for a cell string starting with {@code |}, else {@code mobilenet-mini}. */
    static NetworkSpace spaceOf(String architecture) {
        return architecture.trim().startsWith("|") ? new NatsTopologySpace(NatsDataset.CIFAR10)
                : PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
    }

    /**
     * One untimed training of 9,000 images (141 steps) in this JVM first: a JVM's first ~100 steps run
     * DJL's Java code interpreted or half-compiled and take up to 1.8x as long (docs/training.md), a cost a
     * search pays once per JVM; Python has no JIT. Without it the first seeds' ms/image would measure that.
     */
    private static void warmUp(String architecture, int threads) throws Exception {
        NetworkSpace space = spaceOf(architecture);
        djlTrain(10_000, 1, threads, 500).evaluate(new EvaluationRequest(space, space.parse(architecture), 0, 999, 1));
    }

    /** The step and op reports' training settings: this report's batch, rate and split, {@code threads} threads. */
    static TrainingSettings stepSettings(int threads) {
        return TrainingSettings.from(Settings.of("evaluator", Map.of("batchSize", BATCH, "learningRate", RATE,
                "trainSubset", STEP_SUBSET, "validationFraction", 0.1, "threads", threads)));
    }

    /** djl-train with the report's settings; {@code testSubset} 0 is all 10,000 test images. */
    static Evaluator djlTrain(int trainSubset, int epochs, int threads, int testSubset) {
        Map<String, Object> common = Map.of("epochs", epochs, "batchSize", BATCH, "learningRate", RATE,
                "schedule", "cosine", "trainSubset", trainSubset, "validationFraction", 0.1, "testSubset", testSubset,
                "threads", threads);
        return new DjlTrainingEvaluatorProvider().create(spaceOf(""), Settings.of("evaluator", common));
    }

    /** The example script through the command evaluator, on {@code splitFile}'s images, with {@code extraEnv}. */
    static Evaluator pytorch(String python, Path splitFile, int threads, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.putAll(Map.of("BATCH_SIZE", Integer.toString(BATCH), "LEARNING_RATE", Double.toString(RATE),
                "SPLIT_FILE", splitFile.toString(), "OMP_NUM_THREADS", Integer.toString(threads)));
        return new CommandEvaluatorProvider().create(spaceOf(""), Settings.of("evaluator", Map.of(
                "command", List.of(python, "docs/examples/train_candidate.py", "{request}"),
                "timeoutSeconds", 7200, "env", env)));
    }

    /** The load average and OpenMP's wait policy, which both sides inherit. */
    static String environment() {
        return "OMP_WAIT_POLICY " + System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset") + ", djl-train's malloc: "
                + DjlRuntime.nativeMemory() + ", load " + loadAverage();
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void row(String text, String side, Evaluator evaluator, NetworkSpace space,
                            Architecture architecture, int seeds, double imagePasses) throws Exception {
        double[] ms = new double[seeds];
        double[] validation = new double[seeds];
        double[] test = new double[seeds];
        for (int seed = 0; seed < seeds; seed++) {
            Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, architecture, seed, 1000 + seed, 1));
            ms[seed] = metrics.trainingSeconds() * 1000 / imagePasses;
            validation[seed] = metrics.objective();
            test[seed] = metrics.value(Metrics.TEST_ACCURACY, Double.NaN);
        }
        System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", text.replace("|", "\\|"), side, meanSd(ms, "%.3f"),
                meanSd(validation, "%.4f"), meanSd(test, "%.4f"), perSeed(test, "%.4f"), perSeed(ms, "%.2f"));
    }

    private static String perSeed(double[] values, String format) {
        return Arrays.stream(values).mapToObj(v -> String.format(format, v)).collect(Collectors.joining(", "));
    }

    static String meanSd(double[] values, String format) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double sd = values.length < 2 ? 0 : Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
                / (values.length - 1));
        return String.format(format + " ± " + format, mean, sd);
    }

    /** djl-train's split (split seed 0) as the JSON the example's {@code SPLIT_FILE} reads. */
    static Path writeSplit(int trainSubset) throws Exception {
        FashionMnist data = FashionMnist.load(FashionMnist.DEBIAN_DIRECTORY);
        DataSplit split = DataSplit.of(data, trainSubset, 0.1, 0, 0);
        Map<String, int[]> parts = new LinkedHashMap<>();
        parts.put("train", split.train());
        parts.put("validation", split.validation());
        parts.put("test", split.test());
        List<String> fields = new ArrayList<>();
        parts.forEach((key, indices) -> fields.add("\"" + key + "\": [" + IntStream.of(indices)
                .mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]"));
        Path file = Files.createTempFile("layernas-split-", ".json");
        Files.writeString(file, "{" + String.join(", ", fields) + "}");
        return file;
    }
}
