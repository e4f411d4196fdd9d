package io.layernas.executor.slurm;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's command-line tools, run as processes with argument lists (no shell). Thread-safe.
 */
final class Slurm {
    /** Slurm's tools this executor runs. */
    static final List<String> TOOLS = List.of("sbatch", "squeue", "scontrol", "scancel");
    private static final long TIMEOUT_SECONDS = 60;
    private final Map<String, Path> tools;

    private Slurm(Map<String, Path> tools) {
        this.tools = Map.copyOf(tools);
    }

    /** The tools in {@code bin}, or on {@code path} when {@code bin} is null; empty naming the missing one. */
    static Slurm locate(Path bin, String path, List<String> missing) {
        Map<String, Path> found = new HashMap<>();
        for (String tool : TOOLS) {
            Optional<Path> file = bin != null ? executable(bin.resolve(tool)) : onPath(tool, path);
            file.ifPresentOrElse(f -> found.put(tool, f), () -> missing.add(tool));
        }
        return missing.isEmpty() ? new Slurm(found) : null;
    }

    private static Optional<Path> onPath(String tool, String path) {
        for (String directory : (path == null ? "" : path).split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Optional<Path> file = executable(Path.of(directory, tool));
                if (file.isPresent()) {
                    return file;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> executable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    }

    /** What a tool printed and how it exited. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** stderr, else stdout, on one line. */
        String message() {
            String text = err.isBlank() ? out : err;
            return text.strip().replace('\n', ' ');
        }
    }

    /** Runs {@code tool} with {@code arguments}. */
    Result run(String tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(tools.get(tool).toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            var out = process.getInputStream().readAllBytes();
            var err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", tool + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", tool + " could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", tool + " was interrupted");
        }
    }

    /** Submits a batch job; its id, or the failure. */
    Result submit(List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("--parsable"));
        all.addAll(arguments);
        Result result = run("sbatch", all);
        if (!result.ok()) {
            return result;
        }
        String id = result.out().strip().split(";")[0];
        return id.matches("[0-9_]+") ? new Result(0, id, result.err())
                : new Result(-1, "", "sbatch printed no job id: " + result.out().strip());
    }

    /** State and reason of every job of {@code user} Slurm still knows, by job id; empty when squeue fails. */
    Optional<Map<String, String[]>> queue(String user) {
        Result result = run("squeue", List.of("--noheader", "--states=all", "--user=" + user, "--format=%i|%T|%r"));
        if (!result.ok()) {
            return Optional.empty();
        }
        Map<String, String[]> jobs = new HashMap<>();
        for (String line : result.out().split("\n")) {
            String[] fields = line.strip().split("\\|", -1);
            if (fields.length == 3) {
                jobs.put(fields[0], new String[] {fields[1], fields[2]});
            }
        }
        return Optional.of(jobs);
    }

    /** Ids of the jobs of {@code user} named {@code name} still pending or running. */
    List<String> live(String user, String name) {
        Result result = run("squeue", List.of("--noheader", "--user=" + user, "--name=" + name, "--format=%i"));
        return result.ok() ? result.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
    }

    /** The names of the cluster's partitions, or the failure. */
    Result partitions() {
        Result result = run("scontrol", List.of("--oneliner", "show", "partition"));
        if (!result.ok()) {
            return result;
        }
        List<String> names = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (line.startsWith("PartitionName=")) {
                names.add(line.substring("PartitionName=".length()).split(" ")[0]);
            }
        }
        return new Result(0, String.join(",", names), "");
    }

    /** Asks Slurm to cancel the job. */
    void cancel(String jobId) {
        run("scancel", List.of(jobId));
    }
}
