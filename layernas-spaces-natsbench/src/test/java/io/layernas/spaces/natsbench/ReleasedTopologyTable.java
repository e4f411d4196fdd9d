package io.layernas.spaces.natsbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The cell strings of the released NATS-Bench topology table; a test that reads them skips when it is absent. */
final class ReleasedTopologyTable {
    private ReleasedTopologyTable() {
    }

    /** The {@code arch} column, in the table's order (15,625 cells). */
    static List<String> cells() throws IOException {
        Path csv = Path.of(System.getProperty("layernas.data.dir", "../shared/data"), "natsbench-tss", "nats-tss-200ep.csv");
        Assumptions.assumeTrue(Files.isRegularFile(csv), "reference table absent: " + csv);
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",")[1]).toList();
    }
}
