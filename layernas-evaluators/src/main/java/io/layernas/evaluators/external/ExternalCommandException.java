package io.layernas.evaluators.external;

/**
 * An external training command failed: it exited non-zero, ran past its time limit, or printed
 * no usable metrics. The message keeps the exit code and the tail of the command's stderr.
 */
public class ExternalCommandException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** With the message and the exit code (-1 when the process was killed or never ran). */
    public ExternalCommandException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The command's exit code, or -1 when it was killed after its time limit. */
    public int exitCode() {
        return exitCode;
    }
}
