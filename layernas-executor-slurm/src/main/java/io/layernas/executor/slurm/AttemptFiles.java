package io.layernas.executor.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one attempt on the shared directory, named by the attempt's key: the request, the
 * result the evaluation writes, the exit code the job script writes last, and the job's stdout and
 * stderr. They are the truth about a job once it has ended.
 *
 * @param directory the attempt's directory
 */
record AttemptFiles(Path directory) {
    /** Characters of stderr kept in a failure reason. */
    static final int STDERR_TAIL = 2000;

    Path request() {
        return directory.resolve("request.json");
    }

    Path result() {
        return directory.resolve("result.json");
    }

    Path exitCode() {
        return directory.resolve("exit-code");
    }

    Path stdout() {
        return directory.resolve("stdout.txt");
    }

    Path stderr() {
        return directory.resolve("stderr.txt");
    }

    /** Empties the directory (left over from a job that never started) and writes the request. */
    void prepare(String request) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!file.equals(directory)) {
                        Files.delete(file);
                    }
                }
            }
        }
        Files.createDirectories(directory);
        write(request(), request);
    }

    /** The exit code the job script wrote, once it has ended. */
    Optional<Integer> exit() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(exitCode(), StandardCharsets.UTF_8).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The last {@link #STDERR_TAIL} characters of stderr, or a note that there are none. */
    String stderrTail() {
        try {
            String text = Files.readString(stderr(), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "(empty)";
            }
            return text.length() <= STDERR_TAIL ? text : "..." + text.substring(text.length() - STDERR_TAIL);
        } catch (IOException e) {
            return "(none: " + stderr() + " was not written)";
        }
    }

    /** Writes {@code text} to {@code file} through a temporary file, so readers never see half of it. */
    static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
