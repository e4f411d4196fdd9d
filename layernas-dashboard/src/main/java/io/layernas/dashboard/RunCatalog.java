package io.layernas.dashboard;

import io.layernas.store.SqliteTrialReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The run and comparison directories under the served roots, found by what they hold: a run has a
 * {@code trials.db} (or, from an older run, a {@code result.json}), a comparison a
 * {@code summary.csv} and {@code curves.csv}, or while it runs its {@code runs.db}.
 *
 * <p>A directory is named by an id made of its path below its root ({@code /} written as {@code ~}).
 * Requests name runs only by these ids, which are looked up here: nothing a request says is ever
 * resolved into a path, so no request can reach a file outside the served directories.
 * Thread-safe; keeps one read-only reader per run store, opened on first use.
 */
final class RunCatalog implements AutoCloseable {
    /** Directory levels searched below each root: runs/name, runs/group/name, runs/a/b/name. */
    private static final int DEPTH = 3;
    private static final String TRIALS_DB = "trials.db";

    private final List<Path> roots;
    private final Map<Path, SqliteTrialReader> readers = new ConcurrentHashMap<>();
    private final Map<Path, RunTally> tallies = new ConcurrentHashMap<>();
    /** Listing the roots on every request would cost a directory walk per poll. */
    private static final long LISTING_NANOS = 2_000_000_000L;
    private volatile Listing listing;

    /** What was found: a run or a comparison. */
    enum Kind { RUN, COMPARISON }

    /**
     * One directory found.
     *
     * @param id        its id in URLs
     * @param kind      run or comparison
     * @param directory where it is
     */
    record Entry(String id, Kind kind, Path directory) {
        /** The run's name: its directory's name. */
        String name() {
            return directory.getFileName().toString();
        }

        Path file(String name) {
            return directory.resolve(name);
        }
    }

    RunCatalog(List<Path> roots) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** The served roots, absolute. */
    List<Path> roots() {
        return roots;
    }

    /** Every run and comparison found, newest first within each root; looked for again after 2 s. */
    List<Entry> entries() {
        Listing cached = listing;
        if (cached != null && System.nanoTime() - cached.nanos() < LISTING_NANOS) {
            return cached.entries();
        }
        List<Entry> entries = scan();
        listing = new Listing(System.nanoTime(), entries);
        return entries;
    }

    private record Listing(long nanos, List<Entry> entries) {
    }

    private List<Entry> scan() {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (Path root : roots) {
            String prefix = roots.size() == 1 ? "" : root.getFileName() + "~";
            for (Path directory : directories(root)) {
                kind(directory).ifPresent(kind -> {
                    String id = prefix + id(root.relativize(directory));
                    String unique = id;
                    for (int n = 2; found.containsKey(unique); n++) {
                        unique = id + "-" + n;
                    }
                    found.put(unique, new Entry(unique, kind, directory));
                });
            }
        }
        return List.copyOf(found.values());
    }

    /** The entry with {@code id} and {@code kind}, if there is one now. */
    Optional<Entry> find(String id, Kind kind) {
        Optional<Entry> found = find(entries(), id, kind);
        if (found.isEmpty()) {
            // A run that started since the last listing.
            listing = null;
            found = find(entries(), id, kind);
        }
        return found;
    }

    private static Optional<Entry> find(List<Entry> entries, String id, Kind kind) {
        return entries.stream().filter(e -> e.id().equals(id) && e.kind() == kind).findFirst();
    }

    /** The read-only reader of a run's store, if it has one. */
    Optional<SqliteTrialReader> reader(Entry run) {
        Path file = run.file(TRIALS_DB);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(readers.computeIfAbsent(file, SqliteTrialReader::open));
    }

    /** The run's tally for this target and k, brought up to date with its store. */
    RunTally tally(Entry run, SqliteTrialReader reader, double low, double high, int k) {
        RunTally tally = tallies.compute(run.directory(), (directory, old) ->
                old != null && old.fits(low, high, k) ? old : new RunTally(low, high, k));
        return tally.update(reader);
    }

    private static String id(Path relative) {
        List<String> parts = new ArrayList<>();
        relative.forEach(part -> parts.add(part.toString()));
        return parts.isEmpty() ? "." : String.join("~", parts);
    }

    private static Optional<Kind> kind(Path directory) {
        if (Files.isRegularFile(directory.resolve(TRIALS_DB)) || Files.isRegularFile(directory.resolve("result.json"))) {
            return Optional.of(Kind.RUN);
        }
        // runs.db: the store of a comparison under way (layernas compare), before its CSV files exist.
        if (Files.isRegularFile(directory.resolve("summary.csv")) && Files.isRegularFile(directory.resolve("curves.csv"))
                || Files.isRegularFile(directory.resolve("runs.db"))) {
            return Optional.of(Kind.COMPARISON);
        }
        return Optional.empty();
    }

    private static List<Path> directories(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, DEPTH)) {
            return walk.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(RunCatalog::modified).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static long modified(Path directory) {
        try {
            return Files.getLastModifiedTime(directory).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        readers.values().forEach(SqliteTrialReader::close);
        readers.clear();
        tallies.clear();
    }
}
