package io.layernas.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.cli.TestCli;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Overrides;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.results.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    Path dir;

    @Test
    void filesInANamedDirectoryAreChecksummedToo() throws Exception {
        Path data = Files.createDirectories(dir.resolve("tables"));
        Files.writeString(data.resolve("a.yaml"), "");
        Files.writeString(data.resolve("b.yaml"), "abc");
        Files.createDirectories(data.resolve("sub"));
        Path config = TestCli.yaml(dir, "exp.yaml", """
                space: {name: example-grid}
                cost: {name: example-units, tables: tables}
                evaluator: {name: example-score}
                """);
        Provenance provenance = Provenances.of(ExperimentConfig.load(config, Overrides.commandLineOnly(Map.of())),
                new Plugins(PluginRegistry.load(TestCli.withExamplePlugin())));
        assertThat(provenance.dataFiles()).containsOnlyKeys(data.resolve("a.yaml").toAbsolutePath(),
                data.resolve("b.yaml").toAbsolutePath());
        // sha256 of the empty file
        assertThat(provenance.dataFiles().get(data.resolve("a.yaml").toAbsolutePath()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void dataFilesAreChecksummedAndNamedByAbsolutePath() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("table.csv"), "abc");
        Path config = TestCli.yaml(dir, "exp.yaml", """
                space: {name: example-grid}
                cost: {name: example-units}
                evaluator: {name: example-score, notes: data/table.csv, folder: data, words: not a file}
                """);
        ExperimentConfig experiment = ExperimentConfig.load(config, Overrides.commandLineOnly(Map.of()));
        Provenance provenance = Provenances.of(experiment,
                new Plugins(PluginRegistry.load(TestCli.withExamplePlugin())));
        Path table = data.resolve("table.csv").toAbsolutePath();
        // sha256("abc"); the folder holds only that file, so it is listed once
        assertThat(provenance.dataFiles()).containsExactly(Map.entry(table,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(provenance.config()).extractingByKey("evaluator").isEqualTo(Map.of("name", "example-score",
                "notes", table.toString(), "folder", data.toAbsolutePath().toString(), "words", "not a file"));
        assertThat(provenance.plugins().get("space").name()).isEqualTo("example-grid");
        assertThat(provenance.facts()).containsEntry("sha256." + table,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
