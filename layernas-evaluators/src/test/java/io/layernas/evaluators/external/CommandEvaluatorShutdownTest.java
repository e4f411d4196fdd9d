package io.layernas.evaluators.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM running a command ({@link ShutdownProbe}) is stopped with SIGTERM or SIGINT: the command
 * and its double-forked grandchild must be gone, checked with {@code ps}, and so must the request
 * directory. After SIGKILL the JVM can clean nothing; the next evaluator on the same scratch
 * directory kills what it left running and deletes its directory.
 */
class CommandEvaluatorShutdownTest {
    @TempDir
    Path scratch;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "KILL"})
    void stoppingTheJvmLeavesNoProcessAndNoRequestDirectory(String signal) throws Exception {
        String marker = CommandEvaluatorHostileTest.marker();
        Path pidFile = scratch.resolveSibling(scratch.getFileName() + ".pid");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShutdownProbe.class.getName(), scratch.toString(),
                marker, pidFile.toString()).redirectErrorStream(true).redirectOutput(scratch.resolveSibling(
                scratch.getFileName() + ".log").toFile()).start();
        try {
            for (int i = 0; i < 300 && !(Files.exists(pidFile) && Files.size(pidFile) > 0 && sessionRecorded()); i++) {
                Thread.sleep(100);
            }
            long command = Long.parseLong(Files.readString(pidFile).strip());
            assertThat(CommandSession.sessionOf(command)).as("the command leads a session of its own")
                    .isNotEqualTo(CommandSession.sessionOf(jvm.pid()));
            new ProcessBuilder("kill", "-" + signal, Long.toString(jvm.pid())).start().waitFor();
            assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (signal.equals("KILL")) {
                assertThat(directories()).hasSize(1);
                assertThat(CommandEvaluatorHostileTest.processesWith(marker)).as("SIGKILL leaves the command").isNotEmpty();
                new CommandEvaluator(CommandSettings.from(io.layernas.api.Settings.of("evaluator", java.util.Map.of(
                        "command", List.of("true"), "scratchDir", scratch.toString()))));
            }
            assertThat(CommandEvaluatorHostileTest.processesWith(marker)).as("processes left, by ps").isEmpty();
            assertThat(directories()).as("request directories left").isEmpty();
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** True once the request directory names the command's session (the JVM writes it just after the start). */
    private boolean sessionRecorded() throws java.io.IOException {
        return directories().stream().anyMatch(d -> Files.exists(d.resolve(RequestDirectories.SESSION_FILE)));
    }

    private List<Path> directories() throws java.io.IOException {
        try (Stream<Path> entries = Files.list(scratch)) {
            return entries.toList();
        }
    }
}
