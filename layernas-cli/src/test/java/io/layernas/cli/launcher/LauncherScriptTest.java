package io.layernas.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root launcher {@code ./layernas} on a fresh clone: nothing is built yet, so it must reach
 * its build step (here, with no Maven on the PATH, its message saying how to build) instead of
 * dying silently on the missing target directory.
 */
class LauncherScriptTest {
    private static final Path LAUNCHER = Path.of("..", "layernas");
    private static final List<String> TOOLS = List.of("bash", "env", "find", "head", "dirname", "readlink", "cat", "sed");

    @TempDir
    Path directory;

    @Test
    void onAFreshCloneWithoutMavenItSaysHowToBuild() throws Exception {
        Path launcher = freshClone();
        Process process = help(launcher);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("the project is not built and Maven (mvn) is not installed")
                .contains("mvn -q -DskipTests install -pl layernas-cli -am");
    }

    @Test
    void itsBuildOutputCarriesNoColourCodesIntoALog() throws Exception {
        Path launcher = freshClone();
        Path bin = directory.resolve("bin");
        // Stands in for Maven 3.8, which writes ESC[0m even with -B; it fails so the launcher stops there.
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!" + which("bash") + "\nprintf '\\033[0m\\033[0m[ERROR] broken build\\n'\nexit 1\n");
        mvn.toFile().setExecutable(true);
        Process process = help(launcher);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).contains("[ERROR] broken build").doesNotContain("\u001b");
    }

    /** {@code layernas --help} with only bin/ on the PATH, finished. */
    private Process help(Path launcher) throws java.io.IOException, InterruptedException {
        Path bin = directory.resolve("bin");
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("bash").toString(), launcher.toString(), "--help")
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    /** The launcher alone in a directory, as on a fresh clone, and a bin/ with only {@link #TOOLS}. */
    private Path freshClone() throws java.io.IOException {
        Path launcher = Files.createDirectories(directory.resolve("clone")).resolve("layernas");
        Files.copy(LAUNCHER, launcher);
        launcher.toFile().setExecutable(true);
        Path bin = Files.createDirectories(directory.resolve("bin"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        return launcher;
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }
}
