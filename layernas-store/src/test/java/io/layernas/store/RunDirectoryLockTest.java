package io.layernas.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryLockTest {
    @TempDir
    Path directory;

    @Test
    void aSecondProcessIsToldWhichProcessHoldsTheDirectoryAndKillNineLeavesNoStaleLock() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), directory.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(out.readLine()).isEqualTo("LOCKED");
            assertThatThrownBy(() -> RunDirectoryLock.acquire(directory, "layernas run"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining(directory.toString())
                    .hasMessageContaining("in use by pid " + holder.pid() + " (lock holder");
        } finally {
            holder.destroyForcibly().waitFor();
        }
        try (RunDirectoryLock lock = RunDirectoryLock.acquire(directory, "layernas run")) {
            assertThat(lock).isNotNull();
        }
    }

    @Test
    void aDirectoryIsHeldOnceWithinAProcessAndFreeAgainWhenReleased() {
        try (RunDirectoryLock lock = RunDirectoryLock.acquire(directory, "layernas run")) {
            assertThatThrownBy(() -> RunDirectoryLock.acquire(directory.resolve("."), "layernas compare"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("this process");
        }
        RunDirectoryLock.acquire(directory, "layernas compare").close();
    }
}
