package io.layernas.evaluators.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with momentum and L2 weight decay as {@code torch.optim.SGD} computes it (no dampening, no
 * Nesterov), with the learning rate of {@link LearningRate} per step:
 * {@code buf = momentum * buf + grad + decay * w; w -= rate_t * buf}. Weight decay applies to every
 * parameter the trainer updates (weights, biases, batch norm's scale and shift), as it does for
 * {@code SGD(model.parameters(), weight_decay=...)}.
 *
 * <p>DJL's own {@code Sgd} keeps the learning rate inside its momentum buffer
 * ({@code v = momentum * v + rate_t * (grad + decay * w); w -= v}), so when the rate decays, steps
 * keep moving with the larger rates of earlier steps. Keeping {@code v = rate_t * buf} gives
 * {@code v_t = momentum * (rate_t / rate_(t-1)) * v_(t-1) + rate_t * (grad + decay * w)}, which is
 * PyTorch's update exactly; this class passes that per-step momentum to the engine's fused SGD
 * kernel (one native call per parameter, which also zeroes the gradient).
 *
 * <p>One instance per training; the state is per parameter and the trainer updates parameters
 * from one thread.
 */
final class TorchSgd extends Optimizer {
    private final LearningRate rate;
    private final float momentum;
    private final boolean rateInBuffer;
    private final Map<String, Map<Device, NDArray>> velocities = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();

    private TorchSgd(Builder builder) {
        super(builder);
        this.rate = builder.rate;
        this.momentum = builder.momentum;
        this.rateInBuffer = builder.rateInBuffer;
    }

    /** SGD on {@code rate}'s schedule with {@code momentum} and L2 {@code weightDecay}. */
    static TorchSgd of(LearningRate rate, double momentum, double weightDecay) {
        return of(rate, momentum, weightDecay, false);
    }

    /**
     * As {@link #of(LearningRate, double, double)}, or with {@code rateInBuffer} DJL's {@code Sgd}
     * (the report's {@link Reverts#sgd}).
     */
    static TorchSgd of(LearningRate rate, double momentum, double weightDecay, boolean rateInBuffer) {
        Builder builder = new Builder(rate, (float) momentum, rateInBuffer);
        builder.optWeightDecays((float) weightDecay);
        return new TorchSgd(builder);
    }

    /**
     * Updates every parameter of {@code parameters} (id and array) from its gradient, and zeroes the
     * gradient. The same arithmetic as {@code Trainer.step()}, without DJL's parameter server, which copies
     * every gradient before the update.
     */
    void step(List<Pair<String, NDArray>> parameters) {
        for (Pair<String, NDArray> parameter : parameters) {
            NDArray weight = parameter.getValue();
            try (NDArray grad = weight.getGradient()) {
                update(parameter.getKey(), weight, grad);
            }
        }
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int step = steps.merge(parameterId, 1, Integer::sum) - 1;
        float current = rate.at(step);
        float previous = step == 0 ? current : rate.at(step - 1);
        float stepMomentum = momentum == 0 || previous == 0 ? 0f : momentum * current / previous;
        NDArray velocity = withDefaultState(velocities, parameterId, weight.getDevice(), k -> weight.zerosLike());
        NDList inputs = momentum == 0 ? new NDList(weight, grad) : new NDList(weight, grad, velocity);
        weight.getNDArrayInternal().sgdUpdate(inputs, new NDList(weight), current, getWeightDecay(), rescaleGrad,
                clipGrad, rateInBuffer ? momentum : stepMomentum, true);
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        private final LearningRate rate;
        private final float momentum;
        private final boolean rateInBuffer;

        private Builder(LearningRate rate, float momentum, boolean rateInBuffer) {
            this.rate = rate;
            this.momentum = momentum;
            this.rateInBuffer = rateInBuffer;
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
