package io.layernas.api;

/**
 * Bad configuration: the message names the key, the bad value and a fix, e.g.
 * {@code search.bucketCount (0) must be positive. Maybe you meant 100, the paper's H?}
 */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message that says what is wrong and how to fix it. */
    public ConfigurationException(String message) {
        super(message);
    }

    /** With a message and the underlying cause. */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
