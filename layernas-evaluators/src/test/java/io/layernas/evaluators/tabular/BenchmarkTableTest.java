package io.layernas.evaluators.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkTableTest {
    private static final String HEADER = "index,arch,cifar10_valid,cifar10_test,cifar10_valid_seeds,cifar10_train_seconds";
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), java.util.List.of(lines));
    }

    @Test
    void csvAndJsonLinesReadTheSameRows() throws IOException {
        BenchmarkTable csv = BenchmarkTable.read(write("t.csv", HEADER,
                "0,8:8:8:8:8,80.5,81.25,80.0 81.0,120",
                "1,\"8:8:8:8:16\",82,83,,130"));
        BenchmarkTable json = BenchmarkTable.read(write("t.jsonl",
                "{\"index\": 0, \"arch\": \"8:8:8:8:8\", \"cifar10_valid\": 80.5, \"cifar10_test\": 81.25,"
                        + " \"cifar10_valid_seeds\": [80.0, 81.0], \"cifar10_train_seconds\": 120}",
                "",
                "{\"index\": 1, \"arch\": \"8:8:8:8:16\", \"cifar10_valid\": 82, \"cifar10_test\": 83, \"cifar10_train_seconds\": 130}"));
        for (BenchmarkTable table : java.util.List.of(csv, json)) {
            assertThat(table.size()).isEqualTo(2);
            TableRow first = table.byArch("8:8:8:8:8").orElseThrow();
            assertThat(first.index()).isZero();
            assertThat(first.value("cifar10_test")).hasValue(81.25);
            assertThat(first.seedValues("cifar10_valid_seeds")).containsExactly(80.0, 81.0);
            assertThat(table.byIndex(1).orElseThrow().arch()).isEqualTo("8:8:8:8:16");
            assertThat(table.byIndex(1).orElseThrow().seedValues("cifar10_valid_seeds")).isEmpty();
            assertThat(table.byArch("64:64:64:64:64")).isEmpty();
        }
        assertThat(csv.byArch("8:8:8:8:16").orElseThrow().line()).isEqualTo(3);
        assertThat(json.byArch("8:8:8:8:16").orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void missingFileSaysWhereAndHowToFix() {
        Path missing = dir.resolve("absent.csv");
        assertThatThrownBy(() -> BenchmarkTable.read(missing)).isInstanceOf(TableException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist")
                .hasMessageContaining("'path'").hasMessageContaining("docs/data.md");
        assertThatThrownBy(() -> BenchmarkTable.readNasBench101(dir.resolve("nasbench_only108.tfrecord"), 108))
                .hasMessageContaining("does not exist").hasMessageContaining("docs/data.md");
    }

    @Test
    void truncatedCsvNamesTheLine() throws IOException {
        Path file = write("cut.csv", HEADER, "0,8:8:8:8:8,80.5,81.25,80.0 81.0,120", "1,8:8:8:8:16,8");
        assertThatThrownBy(() -> BenchmarkTable.read(file))
                .hasMessage(file + ":3: the row has 3 fields but the header has 6; the file may be truncated or a "
                        + "value contains an unquoted comma. Re-export the table.");
        Path headerOnly = write("header.csv", HEADER);
        assertThatThrownBy(() -> BenchmarkTable.read(headerOnly)).hasMessageContaining("no rows")
                .hasMessageContaining("truncated");
        Path empty = write("empty.csv");
        assertThatThrownBy(() -> BenchmarkTable.read(empty)).hasMessageContaining(empty + ":1: the file is empty");
    }

    @Test
    void truncatedJsonLineNamesTheLine() throws IOException {
        Path file = write("cut.jsonl", "{\"arch\": \"a\", \"cifar10_valid\": 80}", "{\"arch\": \"b\", \"cifar10_va");
        assertThatThrownBy(() -> BenchmarkTable.read(file)).hasMessageStartingWith(file + ":2: not a JSON object")
                .hasMessageContaining("truncated");
    }

    @Test
    void unknownColumnIsNamedWithTheAllowedNames() throws IOException {
        Path file = write("typo.csv", "arch,cifar10_vaild", "a,80");
        assertThatThrownBy(() -> BenchmarkTable.read(file)).hasMessageStartingWith(file + ":1: unknown column 'cifar10_vaild'")
                .hasMessageContaining("valid_seeds");
        Path twice = write("twice.csv", "arch,cifar10_valid,cifar10_valid", "a,80,81");
        assertThatThrownBy(() -> BenchmarkTable.read(twice)).hasMessageStartingWith(twice + ":1: the column 'cifar10_valid' appears twice");
        Path json = write("typo.jsonl", "{\"arch\": \"a\", \"cifar10_valid\": 80}", "{\"arch\": \"b\", \"acc\": 80}");
        assertThatThrownBy(() -> BenchmarkTable.read(json)).hasMessageStartingWith(json + ":2: unknown column 'acc'");
    }

    @Test
    void nonNumericAccuracyIsNamed() throws IOException {
        Path file = write("text.csv", "arch,cifar10_valid", "a,80", "b,n/a");
        assertThatThrownBy(() -> BenchmarkTable.read(file))
                .hasMessageStartingWith(file + ":3: column 'cifar10_valid' holds 'n/a', which is not a number");
        Path seeds = write("seeds.csv", "arch,cifar10_valid_seeds", "a,80 x");
        assertThatThrownBy(() -> BenchmarkTable.read(seeds)).hasMessageContaining(":2: column 'cifar10_valid_seeds' holds 'x'");
        Path fraction = write("big.csv", "arch,cifar10_test", "a,180");
        assertThatThrownBy(() -> BenchmarkTable.read(fraction)).hasMessageContaining("percent, 0..100");
    }

    @Test
    void duplicateRowsNameBothLines() throws IOException {
        Path file = write("dup.csv", "index,arch,cifar10_valid", "0,a,80", "1,b,81", "2,a,82");
        assertThatThrownBy(() -> BenchmarkTable.read(file))
                .hasMessageStartingWith(file + ":4: duplicate row: architecture 'a' is already on line 2");
        Path index = write("dupindex.csv", "index,arch,cifar10_valid", "0,a,80", "0,b,81");
        assertThatThrownBy(() -> BenchmarkTable.read(index)).hasMessageContaining(":3: duplicate row: index 0");
    }

    @Test
    void aTableNeedsAWayToFindRows() throws IOException {
        Path file = write("nokey.csv", "cifar10_valid", "80");
        assertThatThrownBy(() -> BenchmarkTable.read(file)).hasMessageContaining("neither an 'arch' nor an 'index' column");
        Path other = write("table.txt", "arch,cifar10_valid");
        assertThatThrownBy(() -> BenchmarkTable.read(other)).hasMessageContaining("*.csv").hasMessageContaining("*.jsonl");
    }
}
