package io.layernas.evaluators.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.Settings;
import io.layernas.spaces.natsbench.NasBench101Space;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NAS-Bench-101 release read directly, on a fixture written here in its format: TFRecord
 * framing with masked CRC-32C, JSON rows, base64 ModelMetrics protobufs.
 */
class NasBench101RecordsTest {
    private static final NasBench101Space SPACE = new NasBench101Space();
    private static final Architecture CHAIN = SPACE.parse(String.join(":", "conv3x3-0-1", "keep", "keep", "keep",
            "keep", "keep", "keep", "keep"));
    @TempDir
    Path dir;

    @Test
    void readsOneRowPerHashWithTheRepeatsOfTheChosenEpochs() throws Exception {
        Path file = fixture();
        BenchmarkTable table = BenchmarkTable.read(file);
        assertThat(table.size()).isEqualTo(2);
        TableRow chain = table.byArch(SPACE.tableKey(CHAIN)).orElseThrow();
        assertThat(chain.seedValues("cifar10_valid_seeds")).containsExactly(90.0, 91.0, 92.0);
        assertThat(chain.value("cifar10_valid").getAsDouble()).isCloseTo(91.0, within(1e-9));
        assertThat(chain.value("cifar10_test").getAsDouble()).isCloseTo(90.5, within(1e-9));
        assertThat(chain.value("cifar10_train_seconds").getAsDouble()).isCloseTo(1100, within(1e-9));
        assertThat(chain.value("params").getAsDouble()).isCloseTo(2.5, within(1e-12));
        BenchmarkTable at36 = BenchmarkTable.readNasBench101(file, 36);
        assertThat(at36.size()).isEqualTo(1);
        assertThat(at36.rows().get(0).value("cifar10_valid").getAsDouble()).isCloseTo(80.0, within(1e-9));
        assertThatThrownBy(() -> BenchmarkTable.readNasBench101(file, 12)).hasMessageContaining("no model was trained for 12 epochs")
                .hasMessageContaining("[36, 108]");
    }

    @Test
    void theTableEvaluatorReadsTheReleaseForTheSpace() throws Exception {
        Path file = fixture();
        Evaluator evaluator = new TableEvaluatorProvider().create(SPACE, new Settings("evaluator", Map.of("path", file.toString()), dir));
        Metrics metrics = evaluator.evaluate(new EvaluationRequest(SPACE, CHAIN, 0, 7, 1));
        assertThat(metrics.objective()).isCloseTo(0.91, within(1e-9));
        assertThat(metrics.trainingSeconds()).isCloseTo(1100, within(1e-9));
        assertThat(metrics.values()).containsEntry(TableEvaluator.SIMULATED_TIME, 0.0);
        assertThatThrownBy(() -> new TableEvaluatorProvider().create(SPACE, new Settings("evaluator",
                Map.of("path", "t.csv", "epochs", 36), dir))).hasMessageContaining("evaluator.epochs applies to the NAS-Bench-101 release");
    }

    @Test
    void truncatedAndCorruptFilesAreNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture());
        Path cut = Files.write(dir.resolve("cut.tfrecord"), Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> BenchmarkTable.read(cut)).hasMessageContaining("cut.tfrecord:7: record is cut short")
                .hasMessageContaining("truncated");
        byte[] flipped = bytes.clone();
        flipped[20] ^= 1;
        Path corrupt = Files.write(dir.resolve("corrupt.tfrecord"), flipped);
        assertThatThrownBy(() -> BenchmarkTable.read(corrupt)).hasMessageContaining("corrupt.tfrecord:1: the data checksum does not match");
    }

    /** Two cells: the chain with 3 repeats at 108 epochs and 1 at 36; the default cell with 3 at 108. */
    private Path fixture() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String chain = SPACE.tableKey(CHAIN);
        String skip = SPACE.tableKey(SPACE.defaultArchitecture());
        double[][] chainRuns = {{0.90, 0.89, 1000}, {0.91, 0.90, 1100}, {0.92, 0.925, 1200}};
        for (double[] run : chainRuns) {
            record(out, chain, 108, "010001000", "input,conv3x3-bn-relu,output", metrics(run[0], run[1], run[2], 2_500_000));
        }
        record(out, chain, 36, "010001000", "input,conv3x3-bn-relu,output", metrics(0.80, 0.79, 300, 2_500_000));
        for (int i = 0; i < 3; i++) {
            record(out, skip, 108, "0100", "input,output", metrics(0.10, 0.10, 50, 10_000));
        }
        return Files.write(dir.resolve("nasbench_only108.tfrecord"), out.toByteArray());
    }

    private static void record(ByteArrayOutputStream out, String hash, int epochs, String adjacency, String ops, byte[] metrics) {
        byte[] data = ("[\"" + hash + "\", " + epochs + ", \"" + adjacency + "\", \"" + ops + "\", \""
                + Base64.getEncoder().encodeToString(metrics) + "\"]").getBytes(StandardCharsets.UTF_8);
        byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        out.writeBytes(length);
        out.writeBytes(maskedCrc(length));
        out.writeBytes(data);
        out.writeBytes(maskedCrc(data));
    }

    private static byte[] maskedCrc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        int value = (int) crc.getValue();
        int masked = ((value >>> 15) | (value << 17)) + 0xa282ead8;
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(masked).array();
    }

    /** ModelMetrics: evaluation_data at step 0, halfway and the end; trainable_parameters; total_time. */
    private static byte[] metrics(double valid, double test, double seconds, int params) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        for (double[] evaluation : new double[][] {{0, 0, 0.1, 0.1, 0.1}, {54, seconds / 2, 0.5, valid / 2, test / 2},
                {108, seconds, 0.99, valid, test}}) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (int field = 1; field <= 5; field++) {
                data.write(field << 3 | 1);
                data.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(evaluation[field - 1]).array());
            }
            data.write(6 << 3 | 2); // checkpoint_path, a string the reader skips
            data.write(3);
            data.writeBytes("a/b".getBytes(StandardCharsets.US_ASCII));
            message.write(1 << 3 | 2);
            message.write(data.size());
            message.writeBytes(data.toByteArray());
        }
        message.write(2 << 3);
        for (long v = params; ; v >>>= 7) {
            if (v < 0x80) {
                message.write((int) v);
                break;
            }
            message.write((int) (v & 0x7f) | 0x80);
        }
        message.write(3 << 3 | 1);
        message.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(seconds * 1.1).array());
        return message.toByteArray();
    }
}
