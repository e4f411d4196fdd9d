package io.layernas.evaluators.training;

/**
 * Images with their class labels. Treat as immutable (arrays are shared, not copied).
 *
 * @param images the images
 * @param labels one class label (0..classes-1) per image
 */
public record LabelledImages(ImageSet images, byte[] labels) {
    public LabelledImages {
        if (images.count() != labels.length) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.length + " labels");
        }
    }

    /** Number of images. */
    public int count() {
        return labels.length;
    }

    /** The label of image {@code index}. */
    public int label(int index) {
        return labels[index] & 0xff;
    }
}
