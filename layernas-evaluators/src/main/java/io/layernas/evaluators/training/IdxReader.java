package io.layernas.evaluators.training;

import io.layernas.api.ConfigurationException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of (Fashion-)MNIST: unsigned-byte tensors with a big-endian header
 * ({@code 0x00000803} for images, {@code 0x00000801} for labels). Files may be gzip-compressed
 * (as Debian's {@code dataset-fashion-mnist} ships them) or plain.
 */
public final class IdxReader {
    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    private static final String FIX = " Run scripts/setup.sh (it installs Debian's dataset-fashion-mnist) or point "
            + "datasetDir at a directory with the four Fashion-MNIST IDX files (docs/data.md says where to get them).";

    private IdxReader() {
    }

    /** The images of an {@code idx3-ubyte} file. */
    public static ImageSet readImages(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            requireMagic(file, magic, IMAGES_MAGIC, "images (idx3-ubyte)");
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            requireDimensions(file, count, rows, cols);
            byte[] pixels = new byte[Math.multiplyExact(count, rows * cols)];
            readFully(file, in, pixels);
            return new ImageSet(count, rows, cols, pixels);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** The labels of an {@code idx1-ubyte} file. */
    public static byte[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            requireMagic(file, magic, LABELS_MAGIC, "labels (idx1-ubyte)");
            int count = in.readInt();
            requireDimensions(file, count, 1, 1);
            byte[] labels = new byte[count];
            readFully(file, in, labels);
            return labels;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        boolean gzip = first == 0x1f && second == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static void requireMagic(Path file, int magic, int expected, String kind) {
        if (magic != expected) {
            throw new ConfigurationException(String.format("%s is not an IDX file of %s: magic number 0x%08x, expected 0x%08x.%s",
                    file, kind, magic, expected, FIX));
        }
    }

    private static void requireDimensions(Path file, int count, int rows, int cols) {
        if (count < 0 || rows < 1 || cols < 1 || (long) rows * cols > 1 << 20) {
            throw new ConfigurationException(file + " has an implausible IDX header: " + count + " items of " + rows + "x"
                    + cols + "." + FIX);
        }
    }

    private static void readFully(Path file, DataInputStream in, byte[] target) throws IOException {
        try {
            in.readFully(target);
        } catch (EOFException e) {
            throw new ConfigurationException(file + " is truncated: its header announces " + target.length
                    + " bytes of data but the file ends early." + FIX, e);
        }
    }

    private static ConfigurationException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ConfigurationException(file + " does not exist." + FIX, e);
        }
        if (e instanceof EOFException) {
            return new ConfigurationException(file + " is truncated: it ends inside the IDX header." + FIX, e);
        }
        return new ConfigurationException("cannot read " + file + ": " + e.getMessage() + "." + FIX, e);
    }
}
