package io.layernas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Load on the command line as a user runs it: {@code ./layernas run} in a process of its own, with
 * the synthetic evaluator (so the search, the store and the result files are all that is measured).
 * Random search asks for one candidate at a time, so each trial is one transaction; LayerNAS with
 * 8 workers evaluates batches, whose trials finishing together share one.
 * Prints a Markdown table: trials, wall seconds, stored trials per second, the process's peak
 * resident memory (VmHWM, read from {@code /proc} every 20 ms) and the size of the result files.
 *
 * <p>Arguments: {@code [disk-directory [tmpfs-directory]]}; defaults {@code target/load} and
 * {@code /dev/shm/layernas-load}. A run on tmpfs has no fsync cost, so it shows what the search and
 * the result files cost; a run on disk is bound by one fsync per stored trial. Linux only.
 */
public final class LoadReport {
    private static final Path ROOT = Path.of(System.getProperty("layernas.root", ".")).toAbsolutePath().normalize();

    private LoadReport() {
    }

    /** One measured scenario. */
    private record Scenario(String name, String strategy, long trials, int workers, boolean onDisk) {
    }

    public static void main(String[] args) throws Exception {
        ReportArgs arguments = new ReportArgs(args);
        Path disk = Path.of(arguments.stringAt(0, "target/load")).toAbsolutePath();
        Path tmpfs = Path.of(arguments.stringAt(1, "/dev/shm/layernas-load"));
        List<Scenario> scenarios = List.of(
                new Scenario("random search, 200,000 trials, tmpfs", "random", 200_000, 1, false),
                new Scenario("random search, 20,000 trials, disk", "random", 20_000, 1, true),
                new Scenario("layernas, 8 workers, 20,000 trials, disk", "layernas", 20_000, 8, true));
        System.out.println("| scenario | trials stored | seconds | trials/s | peak RSS (MB) | result files (MB) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Scenario scenario : scenarios) {
            measure(scenario, scenario.onDisk() ? disk : tmpfs);
        }
    }

    private static void measure(Scenario scenario, Path base) throws Exception {
        Path directory = base.resolve(scenario.strategy() + "-" + scenario.trials() + "-" + scenario.workers());
        deleteRecursively(directory);
        Files.createDirectories(base);
        Path config = base.resolve("load.yaml");
        Files.writeString(config, String.format(Locale.ROOT, """
                space: {name: mobilenet-v3-small}
                cost: {name: madds}
                evaluator: {name: synthetic}
                search: {strategy: %s}
                budget: {evaluations: %d}
                run: {seed: 1, workers: %d}
                """, scenario.strategy(), scenario.trials(), scenario.workers()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(ROOT.resolve("layernas").toString(), "run", config.toString(), "-o",
                directory.toString(), "-q").inheritIO().start();
        long peakKb = 0;
        while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, peakKb(process.pid()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (process.exitValue() != 0) {
            throw new IllegalStateException(scenario.name() + " failed with exit code " + process.exitValue());
        }
        long lines;
        try (Stream<String> trials = Files.lines(directory.resolve("trials.jsonl"))) {
            lines = trials.count();
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.0f | %d | %.0f |%n", scenario.name(), lines, seconds,
                lines / seconds, peakKb / 1024, resultBytes(directory) / 1e6);
        deleteRecursively(directory);
    }

    /** The process's peak resident set so far (VmHWM), in KB; 0 once it has ended. */
    private static long peakKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between two reads.
        }
        return 0;
    }

    private static long resultBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("trials.db"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.delete(all.get(i));
        }
    }
}
