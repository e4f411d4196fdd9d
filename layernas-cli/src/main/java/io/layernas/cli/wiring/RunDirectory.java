package io.layernas.cli.wiring;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The directory a run writes its results to, and how its store treats a resumed run's data.
 *
 * @param path              the directory
 * @param acceptChangedData resume although a data file's checksum changed ({@code --accept-changed-data})
 * @param resuming          true when the run continues an interrupted one ({@code run --resume})
 */
public record RunDirectory(Path path, boolean acceptChangedData, boolean resuming) {
    public RunDirectory {
        Objects.requireNonNull(path, "path");
    }

    /** A directory whose data must not change across resumes. */
    public RunDirectory(Path path, boolean acceptChangedData) {
        this(path, acceptChangedData, false);
    }

    /** The directory of a new run. */
    public RunDirectory(Path path) {
        this(path, false, false);
    }
}
