package io.layernas.evaluators.training;

import io.layernas.api.InputShape;

/**
 * Turns grey 28x28 images into the input a network of a space expects: normalised with the data
 * set's mean and standard deviation, resized by nearest neighbour when the space's resolution
 * differs (e.g. 32 for NATS-Bench, 224 for the ImageNet MobileNets) and copied into every input
 * channel when the space expects colour. Stateless and thread-safe.
 */
final class InputAdapter {
    private final InputShape shape;
    private final float[] lookup = new float[256];

    InputAdapter(InputShape shape) {
        this.shape = shape;
        for (int value = 0; value < 256; value++) {
            lookup[value] = (value / 255f - FashionMnist.MEAN) / FashionMnist.STD;
        }
    }

    /** The input shape images are adapted to. */
    InputShape shape() {
        return shape;
    }

    /** Floats per image, {@code channels * size * size}. */
    int imageLength() {
        return shape.channels() * shape.size() * shape.size();
    }

    /** Writes image {@code index} of {@code images} into {@code target} at {@code offset}, NCHW order. */
    void write(ImageSet images, int index, float[] target, int offset) {
        int size = shape.size();
        int plane = size * size;
        for (int row = 0; row < size; row++) {
            int sourceRow = row * images.rows() / size;
            for (int col = 0; col < size; col++) {
                float value = lookup[images.pixel(index, sourceRow, col * images.cols() / size)];
                for (int channel = 0; channel < shape.channels(); channel++) {
                    target[offset + channel * plane + row * size + col] = value;
                }
            }
        }
    }
}
