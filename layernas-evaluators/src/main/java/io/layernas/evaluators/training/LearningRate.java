package io.layernas.evaluators.training;

/**
 * The learning rate of each SGD step, as PyTorch's schedulers set it when stepped once per batch:
 * {@code cosine} is {@code CosineAnnealingLR(T_max = totalSteps, eta_min = 0)}, so step {@code t}
 * (counted from 0) trains with {@code base * (1 + cos(pi * t / totalSteps)) / 2}: the first step
 * with the full rate, the last with a small positive one. {@code constant} is {@code base} throughout.
 * Steps past the end get 0.
 *
 * @param schedule   {@code cosine} or {@code constant} (see {@link TrainingSettings#SCHEDULES})
 * @param base       the initial learning rate
 * @param totalSteps the steps of the whole training, all epochs
 * @param ahead      0; 1 for DJL's cosine tracker, which counts updates from 1 (see {@link Reverts#schedule})
 */
record LearningRate(String schedule, double base, int totalSteps, int ahead) {

    LearningRate {
        if (!TrainingSettings.SCHEDULES.contains(schedule) || totalSteps < 1 || ahead < 0) {
            throw new IllegalArgumentException("schedule " + schedule + " over " + totalSteps + " steps");
        }
    }

    /** PyTorch's schedule. */
    LearningRate(String schedule, double base, int totalSteps) {
        this(schedule, base, totalSteps, 0);
    }

    /** The learning rate of step {@code step}, counted from 0. */
    float at(int step) {
        if (step >= totalSteps) {
            return 0f;
        }
        int t = step + ahead; // at most totalSteps, where the cosine is 0
        return (float) (schedule.equals("cosine") ? base * (1 + Math.cos(Math.PI * t / totalSteps)) / 2 : base);
    }
}
