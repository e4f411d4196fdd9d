package io.layernas.evaluators.tabular;

import io.layernas.api.ConfigurationException;
import java.nio.file.Path;

/**
 * A benchmark table file that cannot be used: the message names the file, the line (1-based, 0
 * for the file as a whole), what is wrong and how to fix it.
 */
public class TableException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** A problem on one line of {@code file}. */
    public TableException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    /** A problem on one line of {@code file}, with its cause. */
    public TableException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }
}
