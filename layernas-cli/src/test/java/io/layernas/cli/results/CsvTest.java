package io.layernas.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatNeedsIt() throws Exception {
        Path file = dir.resolve("x.csv");
        Csv.write(file, List.of("a", "b"), List.of(List.of("plain", "with, comma"), List.of("say \"hi\"", "two\nlines")));
        assertThat(Files.readString(file)).isEqualTo("a,b\nplain,\"with, comma\"\n\"say \"\"hi\"\"\",\"two\nlines\"\n");
    }
}
