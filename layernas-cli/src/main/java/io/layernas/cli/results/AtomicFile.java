package io.layernas.cli.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file all at once or not at all: into a temporary file beside it, which is then renamed
 * over it. A reader sees the old file or the new one, never half of one; a write that fails (a full
 * disk, an error while producing the content) leaves the old file and no temporary file. Content is
 * streamed, so a large file is never held in memory. Stateless.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Produces a file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file's text. */
    @FunctionalInterface
    public interface Text {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code text} (UTF-8) to {@code file} atomically. */
    public static void writeText(Path file, Text text) {
        write(file, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            text.writeTo(writer);
            writer.flush();
        });
    }

    /** Writes {@code content} to {@code file} atomically. */
    public static void write(Path file, Content content) {
        Path temporary = null;
        try {
            Path directory = file.toAbsolutePath().getParent();
            // Not Files.createTempFile: its files are private (0600); a result file gets the usual permissions.
            temporary = directory.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + System.nanoTime() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // Only a leftover hidden .tmp file; the write's own outcome matters.
        }
    }
}
