package io.layernas.cli.wiring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The directory a run writes its results to.
 *
 * @param path the directory
 */
public record RunDirectory(Path path) {
    public RunDirectory {
        Objects.requireNonNull(path, "path");
    }
}
