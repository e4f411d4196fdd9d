package io.layernas.evaluators.training;

/**
 * Grey images as unsigned bytes, row-major, one image after another. Treat as immutable: the
 * array is shared, not copied, because the training set is 47 MB.
 *
 * @param count  number of images
 * @param rows   image height, pixels
 * @param cols   image width, pixels
 * @param pixels {@code count * rows * cols} unsigned bytes (0 = black, 255 = white)
 */
public record ImageSet(int count, int rows, int cols, byte[] pixels) {
    public ImageSet {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + cols + " need "
                    + (long) count * rows * cols + " bytes, got " + pixels.length);
        }
    }

    /** Pixels per image. */
    public int imageSize() {
        return rows * cols;
    }

    /** Pixel {@code (row, col)} of image {@code index}, 0..255. */
    public int pixel(int index, int row, int col) {
        return pixels[index * imageSize() + row * cols + col] & 0xff;
    }
}
