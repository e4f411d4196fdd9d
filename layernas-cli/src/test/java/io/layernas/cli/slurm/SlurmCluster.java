package io.layernas.cli.slurm;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Slurm cluster the tests run against, started by {@code scripts/services/slurm.sh start}
 * (which prints the {@code SLURM_CONF} to export). In CI a missing cluster fails the tests; run by
 * hand without it, they are skipped with a message saying how to start it.
 */
final class SlurmCluster {
    private SlurmCluster() {
    }

    /** Skips (by hand) or fails (CI) unless the cluster answers. */
    static void require() {
        String conf = System.getenv("SLURM_CONF");
        String problem = conf == null ? "SLURM_CONF is not set" : ping();
        if (problem == null) {
            return;
        }
        String message = "Slurm is not available (" + problem + "). Start the test cluster with "
                + "'scripts/services/slurm.sh start' and export the SLURM_CONF it prints.";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    private static String ping() {
        List<String> out = run("scontrol", "ping");
        return String.join(" ", out).contains("UP") ? null : "scontrol ping: " + out;
    }

    /** Those of {@code jobIds} that are running. */
    static List<String> running(List<String> jobIds) {
        List<String> ids = new ArrayList<>();
        for (String line : run("squeue", "--noheader", "--states=RUNNING", "--format=%i")) {
            if (jobIds.contains(line.strip())) {
                ids.add(line.strip());
            }
        }
        return ids;
    }

    /** Runs a Slurm tool; its stdout lines (stderr too, on failure). */
    static List<String> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return out.lines().toList();
        } catch (IOException e) {
            return List.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted");
        }
    }
}
