package io.layernas.executor.slurm;

import io.layernas.api.CandidateExecutor;
import io.layernas.api.ConfigurationException;
import io.layernas.api.ExecutorProvider;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.RemoteEvaluation;
import io.layernas.api.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code slurm}: every candidate is a Slurm batch job ({@link SlurmExecutor}). Before the first
 * candidate it checks that Slurm's tools are there, that the partition exists, that the shared
 * directory is writable and that sbatch accepts the job options ({@code sbatch --test-only}).
 */
public final class SlurmExecutorProvider implements ExecutorProvider {
    /** The job script: runs the evaluation, then records its exit code; no user data in it. */
    static final String JOB_SCRIPT = """
            #!/bin/sh
            # Written by LayerNAS (slurm executor): one evaluation attempt.
            # Arguments: EXIT_CODE_FILE PROGRAM [ARGUMENT...]. The exit code file is written last, atomically.
            exit_file="$1"
            shift
            "$@"
            code=$?
            printf '%s\\n' "$code" > "$exit_file.tmp" && mv -f "$exit_file.tmp" "$exit_file"
            exit "$code"
            """;
    private final Map<String, String> environment;

    /** The provider, finding Slurm's tools on this process's PATH. */
    public SlurmExecutorProvider() {
        this(System.getenv());
    }

    SlurmExecutorProvider(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public String description() {
        return "each candidate a Slurm batch job (sbatch), files on a shared directory; resumable";
    }

    @Override
    public CandidateExecutor create(ExecutorSetup setup, Settings settings) {
        SlurmSettings slurmSettings = SlurmSettings.from(settings, setup.runDirectory());
        RemoteEvaluation remote = setup.remoteEvaluation().orElseThrow(() -> new ConfigurationException(
                "executor 'slurm' needs a run started by the layernas command line, which tells the jobs how to "
                        + "evaluate a candidate; use executor 'local' here."));
        Slurm slurm = locate(settings, slurmSettings);
        checkPartition(settings, slurmSettings, slurm);
        Path script = writeScript(settings, slurmSettings);
        checkOptions(settings, slurmSettings, slurm, script);
        return new SlurmExecutor(slurmSettings, slurm, remote, script, runTag(slurmSettings.sharedDirectory()));
    }

    private Slurm locate(Settings settings, SlurmSettings slurmSettings) {
        List<String> missing = new ArrayList<>();
        Slurm slurm = Slurm.locate(slurmSettings.slurmBin(), environment.get("PATH"), missing);
        if (slurm == null) {
            String where = slurmSettings.slurmBin() != null ? settings.keyOf("slurmBin") + " ("
                    + slurmSettings.slurmBin() + ")" : "the PATH (" + environment.getOrDefault("PATH", "") + ")";
            throw new ConfigurationException(String.join(", ", missing) + " not found in " + where + ". Run on a "
                    + "machine with the Slurm client tools (a login node; Debian: apt-get install slurm-client), or set "
                    + settings.keyOf("slurmBin") + " to the directory that holds sbatch.");
        }
        return slurm;
    }

    private static void checkPartition(Settings settings, SlurmSettings slurmSettings, Slurm slurm) {
        Slurm.Result partitions = slurm.partitions();
        if (!partitions.ok()) {
            throw new ConfigurationException("executor 'slurm' cannot reach the Slurm controller (scontrol show "
                    + "partition: " + partitions.message() + "). Check that Slurm runs ('scontrol ping') and that "
                    + "SLURM_CONF points at its slurm.conf.");
        }
        List<String> names = Arrays.stream(partitions.out().split(",")).filter(s -> !s.isEmpty()).toList();
        if (slurmSettings.partition() != null && !names.contains(slurmSettings.partition())) {
            throw new ConfigurationException(settings.keyOf("partition") + " (" + slurmSettings.partition()
                    + ") is not a partition of this cluster. Partitions: " + names + " ('sinfo' lists them); set "
                    + settings.keyOf("partition") + " to one of them, or leave it out for the default.");
        }
    }

    private static Path writeScript(Settings settings, SlurmSettings slurmSettings) {
        Path directory = slurmSettings.sharedDirectory();
        Path script = directory.resolve("layernas-job.sh");
        try {
            Files.createDirectories(directory);
            AttemptFiles.write(script, JOB_SCRIPT);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new ConfigurationException(settings.keyOf("sharedDirectory") + " (" + directory
                    + ") is not writable: " + e + ". Choose a directory you can write on a filesystem the compute "
                    + "nodes share (e.g. under $HOME or /scratch).");
        }
    }

    private static void checkOptions(Settings settings, SlurmSettings slurmSettings, Slurm slurm, Path script) {
        List<String> arguments = new ArrayList<>(List.of("--test-only", "--output=/dev/null"));
        arguments.addAll(slurmSettings.sbatchOptions());
        arguments.add(script.toString());
        Slurm.Result test = slurm.run("sbatch", arguments);
        if (!test.ok()) {
            throw new ConfigurationException("sbatch rejects the job options " + slurmSettings.sbatchOptions()
                    + " of section " + settings.section() + ": " + test.message() + ". Fix " + settings.keyOf("gres")
                    + ", " + settings.keyOf("memory") + ", " + settings.keyOf("timeLimit") + ", "
                    + settings.keyOf("cpusPerTask") + " or " + settings.keyOf("extraArgs") + ".");
        }
    }

    /** Eight hex digits of the shared directory's path: job names of two runs never collide. */
    private static String runTag(Path sharedDirectory) {
        return HexFormat.of().toHexDigits(sharedDirectory.toString().hashCode());
    }
}
