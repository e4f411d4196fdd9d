package io.layernas.evaluators.training;

import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.NetworkSpace;
import io.layernas.api.SearchSpace;
import java.util.Map;

/**
 * Evaluates a candidate by building its network with DJL and training it on Fashion-MNIST on the
 * CPU. The objective is the validation accuracy (held out from the training set); the values
 * hold {@code test_accuracy}, {@code validation_accuracy}, {@code params} (batch norm folded, see {@link Weights}),
 * {@code trainable_params}, {@code train_loss} and
 * {@code evaluation_seconds}. The training time counts against a time budget.
 *
 * <p>Reports each epoch to the request's monitor and stops between two training steps once the
 * monitor cancels (see {@link CandidateTrainer#train(java.util.List, io.layernas.api.InputShape, long,
 * io.layernas.api.EvaluationMonitor)}).
 *
 * <p>Thread-safe: each evaluation has its own model and trainer; the data set is shared read-only.
 * The request's seed decides the weight initialisation and the order of training images.
 */
public final class DjlTrainingEvaluator implements Evaluator {
    private final TrainingSettings settings;
    private final CandidateTrainer trainer;

    /** An evaluator that reads the data set and starts the engine now, so that problems show before the search. */
    public DjlTrainingEvaluator(TrainingSettings settings) {
        this.settings = settings;
        FashionMnist data = FashionMnist.load(settings.datasetDir());
        DataSplit split = DataSplit.of(data, settings.trainSubset(), settings.validationFraction(),
                settings.testSubset(), settings.splitSeed());
        DjlRuntime.start(settings.cacheDir(), settings.threads());
        this.trainer = new CandidateTrainer(data, split, settings);
    }

    /** The settings. */
    public TrainingSettings settings() {
        return settings;
    }

    @Override
    public Metrics evaluate(EvaluationRequest request) {
        NetworkSpace space = requireNetworkSpace(request.space());
        TrainingResult result = trainer.train(space.network(request.architecture()), space.input(), request.seed(),
                request.monitor());
        return new Metrics(result.validationAccuracy(), result.trainingSeconds(), Map.of(
                Metrics.TEST_ACCURACY, result.testAccuracy(),
                "validation_accuracy", result.validationAccuracy(),
                "params", (double) result.params(),
                "trainable_params", (double) result.trainableParams(),
                "train_loss", result.finalLoss(),
                "evaluation_seconds", result.evaluationSeconds()));
    }

    /** The space as a {@link NetworkSpace} with Fashion-MNIST's 10 classes, or a message saying why not. */
    static NetworkSpace requireNetworkSpace(SearchSpace space) {
        if (!(space instanceof NetworkSpace network)) {
            throw new ConfigurationException("evaluator 'djl-train' builds networks, but space '" + space.name()
                    + "' does not describe its networks (it is not a NetworkSpace). Use a MobileNet or NATS-Bench "
                    + "size space, or the 'command' evaluator with your own training script.");
        }
        if (network.input().classes() != FashionMnist.CLASSES) {
            throw new ConfigurationException("space '" + space.name() + "' has " + network.input().classes()
                    + " classes but Fashion-MNIST has " + FashionMnist.CLASSES + ". Use a space built for 10 classes, "
                    + "such as mobilenet-mini.");
        }
        return network;
    }
}
