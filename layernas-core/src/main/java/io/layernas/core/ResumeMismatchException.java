package io.layernas.core;

import io.layernas.api.ConfigurationException;

/**
 * A resumed run whose search no longer retraces its stored trials: resumed with another budget by
 * a strategy whose choices depend on it, for instance. Thrown before anything new is trained, so
 * the stored trials stay as they are; the run fails as a configuration error would, saying what to
 * resume with.
 */
public final class ResumeMismatchException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** With a message saying which trial differs and what to do. */
    public ResumeMismatchException(String message) {
        super(message);
    }
}
