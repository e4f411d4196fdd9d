package io.layernas.evaluators.training;

/**
 * What training one candidate measured.
 *
 * @param validationAccuracy accuracy on the held-out validation images, in [0, 1]
 * @param testAccuracy       accuracy on the test images, in [0, 1]
 * @param trainingSeconds    wall-clock seconds of the training steps (evaluation excluded)
 * @param evaluationSeconds  wall-clock seconds of the validation and test passes
 * @param finalLoss          mean training loss of the last epoch
 * @param params             convolution and dense weights and biases, see {@link Weights}
 * @param trainableParams    all trainable parameters, batch norm's scale and shift included
 */
public record TrainingResult(double validationAccuracy, double testAccuracy, double trainingSeconds,
                             double evaluationSeconds, double finalLoss, long params,
                             long trainableParams) {
}
