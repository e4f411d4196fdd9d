package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The system's {@code /usr/bin/python3} with {@code torch} and {@code numpy}, which scripts/setup.sh
 * installs (Debian's python3-torch and python3-numpy), for tests that run docs/examples/train_candidate.py.
 * Without it such a test skips, saying so; with {@code CI=true} it fails instead.
 */
public final class PythonWithTorch {
    /** The interpreter the tests and the parity report run. */
    public static final String PYTHON = "/usr/bin/python3";
    private static Boolean present;

    private PythonWithTorch() {
    }

    /** {@link #PYTHON}, after skipping (or in CI failing) the calling test when it lacks torch or numpy. */
    public static synchronized String require() throws InterruptedException {
        if (present == null) {
            present = imports();
        }
        if (!present) {
            assertThat(System.getenv("CI")).as(PYTHON + " cannot import torch and numpy; scripts/setup.sh "
                    + "installs python3-torch and python3-numpy").isNotEqualTo("true");
            assumeTrue(false, PYTHON + " cannot import torch and numpy: run scripts/setup.sh");
        }
        return PYTHON;
    }

    private static boolean imports() throws InterruptedException {
        try {
            Process process = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor(120, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly();
            return false;
        } catch (IOException e) {
            return false; // not installed
        }
    }
}
