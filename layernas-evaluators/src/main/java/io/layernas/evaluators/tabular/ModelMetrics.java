package io.layernas.evaluators.tabular;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of NAS-Bench-101's {@code ModelMetrics} protobuf that a table needs, decoded from the
 * wire format: {@code evaluation_data} (field 1, repeated; index 2 is the end of training) with
 * {@code training_time} (2), {@code validation_accuracy} (4), {@code test_accuracy} (5), all
 * doubles; and {@code trainable_parameters} (field 2, int32). Other fields are skipped.
 */
record ModelMetrics(List<double[]> evaluations, long trainableParameters) {
    private static final int TIME = 2;
    private static final int VALID = 4;
    private static final int TEST = 5;

    double finalTrainingTime() {
        return last()[TIME];
    }

    double finalValidation() {
        return last()[VALID];
    }

    double finalTest() {
        return last()[TEST];
    }

    private double[] last() {
        return evaluations.get(evaluations.size() - 1);
    }

    static ModelMetrics decode(Path file, int record, byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            List<double[]> evaluations = new ArrayList<>();
            long params = 0;
            while (in.hasRemaining()) {
                long tag = varint(in);
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (field == 1 && wire == 2) {
                    evaluations.add(evaluation(slice(in)));
                } else if (field == 2 && wire == 0) {
                    params = varint(in);
                } else {
                    skip(in, wire);
                }
            }
            if (evaluations.size() < 3) {
                throw new IllegalArgumentException("it has " + evaluations.size() + " evaluations, NAS-Bench-101 stores 3");
            }
            return new ModelMetrics(List.copyOf(evaluations), params);
        } catch (RuntimeException e) {
            throw new TableException(file, record, "the metrics of this record cannot be decoded (" + e.getMessage()
                    + "); the file is not the NAS-Bench-101 release or is corrupt.", e);
        }
    }

    private static double[] evaluation(ByteBuffer in) {
        double[] values = new double[6];
        while (in.hasRemaining()) {
            long tag = varint(in);
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire == 1 && field < values.length) {
                values[field] = in.getDouble();
            } else {
                skip(in, wire);
            }
        }
        return values;
    }

    private static ByteBuffer slice(ByteBuffer in) {
        int length = (int) varint(in);
        ByteBuffer slice = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit(length);
        in.position(in.position() + length);
        return slice;
    }

    private static void skip(ByteBuffer in, int wire) {
        switch (wire) {
            case 0 -> varint(in);
            case 1 -> in.position(in.position() + 8);
            case 2 -> slice(in);
            case 5 -> in.position(in.position() + 4);
            default -> throw new IllegalArgumentException("unsupported wire type " + wire);
        }
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }
}
