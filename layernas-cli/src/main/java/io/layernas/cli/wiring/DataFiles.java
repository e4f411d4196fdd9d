package io.layernas.cli.wiring;

import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.PluginChoice;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data files an experiment reads: every plugin setting whose value, resolved against the
 * experiment file's directory, is an existing file, and the files directly in a directory a setting
 * names (a folder of latency tables, a data set). Their SHA-256 goes into the provenance, and the
 * resolved config names them (and existing directories) by absolute path so it can be re-run from
 * any directory. Stateless.
 */
public final class DataFiles {
    /** Directories with more entries than this are not checksummed (they are not data tables). */
    static final int MAX_DIRECTORY_ENTRIES = 100;

    private DataFiles() {
    }

    /** The existing files the plugin sections name, by absolute path, with their SHA-256. */
    public static Map<Path, String> checksums(ExperimentConfig config) {
        Map<Path, String> sums = new TreeMap<>();
        for (PluginChoice choice : plugins(config)) {
            for (Path file : files(choice.values(), choice.baseDirectory())) {
                sums.computeIfAbsent(file, DataFiles::sha256);
            }
        }
        return sums;
    }

    private static List<PluginChoice> plugins(ExperimentConfig config) {
        List<PluginChoice> plugins = new ArrayList<>(List.of(config.space(), config.cost(), config.evaluator(),
                config.strategy()));
        if (config.compare() != null) {
            plugins.addAll(config.compare().strategies());
        }
        return plugins;
    }

    private static List<Path> files(Object value, Path base) {
        List<Path> files = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> files.addAll(files(v, base)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> files.addAll(files(v, base)));
        } else if (value instanceof String text) {
            existing(text, base).ifPresent(path -> files.addAll(filesAt(path)));
        }
        return files;
    }

    /** The file itself, or the regular files directly in a directory (none when it holds more than 100 entries). */
    private static List<Path> filesAt(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (java.util.stream.Stream<Path> entries = Files.list(path)) {
            List<Path> all = entries.limit(MAX_DIRECTORY_ENTRIES + 1).sorted().toList();
            return all.size() > MAX_DIRECTORY_ENTRIES ? List.of() : all.stream().filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** {@code text} as an existing regular file relative to {@code base}, if it is one. */
    public static Optional<Path> existingFile(String text, Path base) {
        return existing(text, base).filter(Files::isRegularFile);
    }

    /** {@code text} as an existing file or directory relative to {@code base}, if it is one. */
    public static Optional<Path> existing(String text, Path base) {
        if (text.isBlank() || text.indexOf('\n') >= 0 || text.equals(".")) {
            return Optional.empty();
        }
        try {
            Path path = base.resolve(text).toAbsolutePath().normalize();
            return Files.exists(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to checksum it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
