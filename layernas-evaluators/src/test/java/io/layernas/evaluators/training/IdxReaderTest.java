package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path directory;

    @Test
    void readsPlainAndGzipImagesAlike() throws IOException {
        byte[] idx = images(3, 2, 4);
        Path plain = Files.write(directory.resolve("images-idx3-ubyte"), idx);
        Path gzip = Files.write(directory.resolve("images-idx3-ubyte.gz"), gzip(idx));

        for (Path file : new Path[] {plain, gzip}) {
            ImageSet images = IdxReader.readImages(file);
            assertThat(images.count()).isEqualTo(3);
            assertThat(images.rows()).isEqualTo(2);
            assertThat(images.cols()).isEqualTo(4);
            assertThat(images.pixel(2, 1, 3)).isEqualTo(pixelValue(2 * 8 + 1 * 4 + 3));
            assertThat(images.pixel(0, 0, 0)).isEqualTo(pixelValue(0));
        }
    }

    @Test
    void readsLabelsAsUnsignedBytes() throws IOException {
        Path file = Files.write(directory.resolve("labels"), header(0x801, 3, new byte[] {0, 9, 5}));
        assertThat(IdxReader.readLabels(file)).containsExactly(0, 9, 5);
    }

    @Test
    void truncatedFileNamesThePathAndTheFix() throws IOException {
        byte[] idx = images(3, 2, 4);
        Path file = Files.write(directory.resolve("short.gz"), gzip(Arrays.copyOf(idx, idx.length - 5)));
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated")
                .hasMessageContaining("scripts/setup.sh");
    }

    @Test
    void missingFileNamesThePathAndTheFix() {
        Path file = directory.resolve("t10k-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(file + " does not exist").hasMessageContaining("scripts/setup.sh")
                .hasMessageContaining("docs/data.md");
    }

    @Test
    void labelsFileReadAsImagesIsRejectedByItsMagicNumber() throws IOException {
        Path file = Files.write(directory.resolve("labels"), header(0x801, 1, new byte[] {1}));
        assertThatThrownBy(() -> IdxReader.readImages(file)).hasMessageContaining("magic number 0x00000801")
                .hasMessageContaining("expected 0x00000803");
    }

    @Test
    void missingDirectoryNamesTheDebianPackage() {
        assertThatThrownBy(() -> FashionMnist.load(directory.resolve("nope")))
                .hasMessageContaining("nope").hasMessageContaining("dataset-fashion-mnist");
    }

    private static int pixelValue(int i) {
        return (i * 37) & 0xff;
    }

    static byte[] images(int count, int rows, int cols) throws IOException {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) pixelValue(i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x803);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
        return bytes.toByteArray();
    }

    static byte[] header(int magic, int count, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
