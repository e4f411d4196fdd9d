package io.layernas.cli.wiring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The directory a run writes its results to.
 *
 * @param path     the directory
 * @param resuming true when the run continues an interrupted one ({@code run --resume})
 */
public record RunDirectory(Path path, boolean resuming) {
    public RunDirectory {
        Objects.requireNonNull(path, "path");
    }

    /** The directory of a new run. */
    public RunDirectory(Path path) {
        this(path, false);
    }
}
