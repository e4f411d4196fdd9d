package io.layernas.evaluators.tabular;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.CRC32C;

/**
 * Reads the official NAS-Bench-101 release ({@code nasbench_only108.tfrecord} or
 * {@code nasbench_full.tfrecord}): TFRecord framing (length, masked CRC-32C, data, masked
 * CRC-32C), each record a JSON array {@code [module_hash, epochs, adjacency, operations,
 * base64(ModelMetrics protobuf)]}. One row per module hash with the repeats trained for the
 * chosen number of epochs: accuracies at the end of training (percent), mean training time,
 * trainable parameters (millions).
 */
final class NasBench101Records {
    private static final int MASK_DELTA = 0xa282ead8;

    private NasBench101Records() {
    }

    static List<RawRecord> read(Path file, int epochs) throws IOException {
        Map<String, Runs> byHash = new LinkedHashMap<>();
        TreeSet<Integer> epochsSeen = new TreeSet<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            int record = 1;
            for (byte[] data = next(file, in, record); data != null; data = next(file, in, ++record)) {
                String[] row = fields(file, record, new String(data, StandardCharsets.UTF_8));
                int recordEpochs = Integer.parseInt(row[1]);
                epochsSeen.add(recordEpochs);
                if (recordEpochs == epochs) {
                    int number = record;
                    byHash.computeIfAbsent(row[0], h -> new Runs(number)).add(file, number, Base64.getDecoder().decode(row[2]));
                }
            }
        }
        if (byHash.isEmpty()) {
            throw new TableException(file, 0, "no model was trained for " + epochs + " epochs; the file has " + epochsSeen
                    + ". Set the evaluator's 'epochs' to one of those.");
        }
        List<RawRecord> records = new ArrayList<>();
        byHash.forEach((hash, runs) -> records.add(runs.toRecord(hash)));
        return records;
    }

    /**
     * The module hash, epochs and base64 metrics of a row {@code ["hash", 108, "0110...", "input,...", "base64"]};
     * splitting on quotes is enough, as none of the strings holds one.
     */
    private static String[] fields(Path file, int record, String text) {
        String[] parts = text.split("\"", -1);
        if (parts.length == 9 && parts[0].trim().equals("[") && parts[8].trim().equals("]")) {
            String epochs = parts[2].replace(",", "").trim();
            if (!parts[1].isEmpty() && epochs.matches("\\d+")) {
                return new String[] {parts[1], epochs, parts[7]};
            }
        }
        throw new TableException(file, record, "record is not a NAS-Bench-101 row "
                + "[hash, epochs, adjacency, operations, metrics]; is this the NAS-Bench-101 release?");
    }

    /** The next record's data, or null at a clean end of file. */
    private static byte[] next(Path file, DataInputStream in, int record) throws IOException {
        byte[] header = new byte[12];
        int first = in.read(header, 0, 1);
        if (first < 0) {
            return null;
        }
        try {
            in.readFully(header, 1, 11);
            ByteBuffer buffer = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            long length = buffer.getLong(0);
            check(file, record, header, 0, 8, buffer.getInt(8), "length");
            if (length < 0 || length > Integer.MAX_VALUE - 16) {
                throw new TableException(file, record, "record length " + length + " is not plausible; the file is corrupt");
            }
            byte[] data = new byte[(int) length];
            in.readFully(data);
            byte[] crc = new byte[4];
            in.readFully(crc);
            check(file, record, data, 0, data.length, ByteBuffer.wrap(crc).order(ByteOrder.LITTLE_ENDIAN).getInt(), "data");
            return data;
        } catch (EOFException e) {
            throw new TableException(file, record, "record is cut short; the file is truncated. Download it again.", e);
        }
    }

    private static void check(Path file, int record, byte[] bytes, int offset, int length, int stored, String what) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int value = (int) crc.getValue();
        int masked = ((value >>> 15) | (value << 17)) + MASK_DELTA;
        if (masked != stored) {
            throw new TableException(file, record, "the " + what + " checksum does not match; the file is corrupt. Download it again.");
        }
    }

    /** The repeats of one module hash. */
    private static final class Runs {
        private final int firstRecord;
        private final List<Double> valid = new ArrayList<>();
        private final List<Double> test = new ArrayList<>();
        private double seconds;
        private long params;

        Runs(int firstRecord) {
            this.firstRecord = firstRecord;
        }

        void add(Path file, int record, byte[] metrics) {
            ModelMetrics decoded = ModelMetrics.decode(file, record, metrics);
            valid.add(100 * decoded.finalValidation());
            test.add(100 * decoded.finalTest());
            seconds += decoded.finalTrainingTime();
            params = decoded.trainableParameters();
        }

        RawRecord toRecord(String hash) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(TableColumns.ARCH, hash);
            fields.put("cifar10_valid", mean(valid));
            fields.put("cifar10_valid_seeds", List.copyOf(valid));
            fields.put("cifar10_test", mean(test));
            fields.put("cifar10_test_seeds", List.copyOf(test));
            fields.put("cifar10_train_seconds", seconds / valid.size());
            fields.put(TableColumns.PARAMS, params / 1e6);
            return new RawRecord(firstRecord, fields);
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }
}
