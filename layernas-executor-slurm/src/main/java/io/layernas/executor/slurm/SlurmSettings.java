package io.layernas.executor.slurm;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code executor} section of the {@code slurm} executor. Every value reaches {@code sbatch} as
 * one argument of an argument list (never through a shell); values are still checked against the
 * forms Slurm accepts, so a typo fails here with its key instead of on the cluster.
 *
 * @param slurmBin        the directory holding sbatch, squeue, scontrol and scancel, or {@code null}
 *                        to find them on the PATH
 * @param partition       {@code --partition}, or {@code null} for the cluster's default
 * @param gres            {@code --gres}, e.g. {@code gpu:1}, or {@code null}
 * @param cpusPerTask     {@code --cpus-per-task}
 * @param memory          {@code --mem}, e.g. {@code 16G}, or {@code null}
 * @param timeLimit       {@code --time}, e.g. {@code 2:00:00}, or {@code null} for the partition's
 * @param extraArgs       further sbatch options, each one argument, e.g. {@code --account=nas}
 * @param maxJobs         most jobs queued or running at once
 * @param sharedDirectory where request, result and log files go; compute nodes must see it
 * @param poll            how often squeue is asked about running jobs
 * @param cancelOnExit    cancel the run's jobs when the controller ends before them
 */
record SlurmSettings(Path slurmBin, String partition, String gres, int cpusPerTask, String memory, String timeLimit,
                     List<String> extraArgs, int maxJobs, Path sharedDirectory, Duration poll, boolean cancelOnExit) {
    /** The default shared directory, as documented: {@code slurm/} in the run's output directory. */
    static final String DEFAULT_SHARED = "<run output>/slurm";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.,-]+");
    private static final Pattern GRES = Pattern.compile("[A-Za-z0-9_.,:/-]+");
    private static final Pattern MEMORY = Pattern.compile("[0-9]+[KMGTkmgt]?");
    private static final Pattern TIME = Pattern.compile("[0-9]+([-:][0-9]+){0,3}");

    SlurmSettings {
        extraArgs = List.copyOf(extraArgs);
    }

    /** Reads the section; {@code runDirectory} holds the default shared directory. */
    static SlurmSettings from(Settings settings, Path runDirectory) {
        String bin = settings.getString("slurmBin", null);
        String partition = checked(settings, "partition", NAME, "a partition name such as gpu");
        String gres = checked(settings, "gres", GRES, "a generic resource such as gpu:1");
        long cpus = settings.getLong("cpusPerTask", 1);
        String memory = checked(settings, "memory", MEMORY, "a size such as 16G");
        String time = checked(settings, "timeLimit", TIME, "a Slurm time such as 90 (minutes), 2:00:00 or 1-00:00:00");
        List<String> extra = extraArgs(settings);
        long maxJobs = settings.getLong("maxJobs", 100);
        String sharedText = settings.getString("sharedDirectory", DEFAULT_SHARED);
        Path shared = sharedText.equals(DEFAULT_SHARED) ? runDirectory.resolve("slurm").toAbsolutePath()
                : settings.getPath("sharedDirectory", null).toAbsolutePath();
        double poll = settings.getDouble("pollSeconds", 5);
        boolean cancel = settings.getBoolean("cancelOnExit", false);
        positive(settings, "cpusPerTask", cpus, 1);
        positive(settings, "maxJobs", maxJobs, 100);
        if (!(poll > 0 && poll <= 3600)) {
            throw new ConfigurationException(settings.keyOf("pollSeconds") + " (" + poll
                    + ") must be between 0 and 3600 seconds, e.g. 5.");
        }
        return new SlurmSettings(bin == null ? null : settings.getPath("slurmBin", null).toAbsolutePath(), partition,
                gres, (int) cpus, memory, time, extra, (int) maxJobs, shared, Duration.ofMillis((long) (poll * 1000)),
                cancel);
    }

    private static String checked(Settings settings, String key, Pattern form, String example) {
        String value = settings.getString(key, null);
        if (value != null && !form.matcher(value.trim()).matches()) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + value + ") is not " + example + ".");
        }
        return value == null ? null : value.trim();
    }

    private static List<String> extraArgs(Settings settings) {
        List<String> extra = new ArrayList<>();
        for (String argument : settings.getList("extraArgs", List.of())) {
            if (!argument.startsWith("-")) {
                throw new ConfigurationException(settings.keyOf("extraArgs") + " holds '" + argument + "', which is not an "
                        + "sbatch option. Write each option as one item, e.g. extraArgs: [--account=nas, --qos=normal].");
            }
            extra.add(argument);
        }
        return extra;
    }

    private static void positive(Settings settings, String key, long value, long example) {
        if (value < 1) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + value + ") must be at least 1, e.g. "
                    + example + ".");
        }
    }

    /** The sbatch options these settings ask for, each one argument. */
    List<String> sbatchOptions() {
        List<String> options = new ArrayList<>();
        if (partition != null) {
            options.add("--partition=" + partition);
        }
        if (gres != null) {
            options.add("--gres=" + gres);
        }
        options.add("--cpus-per-task=" + cpusPerTask);
        if (memory != null) {
            options.add("--mem=" + memory);
        }
        if (timeLimit != null) {
            options.add("--time=" + timeLimit);
        }
        options.addAll(extraArgs);
        return options;
    }
}
