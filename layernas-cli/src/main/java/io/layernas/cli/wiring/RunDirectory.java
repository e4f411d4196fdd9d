package io.layernas.cli.wiring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The directory a run writes its results to, and how its store treats a resumed run's data.
 *
 * @param path              the directory
 * @param acceptChangedData resume although a data file's checksum changed ({@code --accept-changed-data})
 */
public record RunDirectory(Path path, boolean acceptChangedData) {
    public RunDirectory {
        Objects.requireNonNull(path, "path");
    }

    /** A directory whose data must not change across resumes. */
    public RunDirectory(Path path) {
        this(path, false);
    }
}
