package io.layernas.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result file is replaced whole or not at all: a write that fails half way leaves the old file. */
class AtomicFileTest {
    @TempDir
    Path dir;

    /** Rows that fail after {@code good} rows, as a full disk fails a write half way. */
    private static Iterable<List<String>> failingAfter(int good) {
        return () -> new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public List<String> next() {
                if (made++ == good) {
                    throw new IllegalStateException("No space left on device");
                }
                return List.of(Integer.toString(made), "x".repeat(100));
            }
        };
    }

    @Test
    void aCsvWriteThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("trials.csv");
        Csv.write(file, List.of("index", "text"), List.of(List.of("1", "old")));
        String old = Files.readString(file);
        assertThatThrownBy(() -> Csv.write(file, List.of("index", "text"), failingAfter(50_000)))
                .hasMessageContaining("No space left");
        assertThat(Files.readString(file)).isEqualTo(old);
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void aResultFileGetsTheUsualPermissionsNotThoseOfAPrivateTemporaryFile() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path file = dir.resolve("result.json");
        ResultWriter.text(file, "{}");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
