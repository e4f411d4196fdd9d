package io.layernas.evaluators.training;

/** A dataset file is missing, truncated or malformed; the message names the file and the fix. */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message naming the file and how to fix it. */
    public DatasetException(String message) {
        super(message);
    }

    /** With a message naming the file and how to fix it, and the cause. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
