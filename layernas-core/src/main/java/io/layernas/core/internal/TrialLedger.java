package io.layernas.core.internal;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.Results;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted trials of one run, in order, with what follows from them: the trial of each
 * architecture, the training seconds spent, what the budget has left and the best trial inside the
 * target so far. Not thread-safe; the run's strategy thread owns it.
 */
final class TrialLedger {
    private final Budget budget;
    private final TargetRange target;
    private final Map<Architecture, Trial> byArchitecture = new HashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private double trainingSeconds;
    private Trial best;

    TrialLedger(Budget budget, TargetRange target) {
        this.budget = budget;
        this.target = target;
    }

    /** Records {@code trial}, the next in order. */
    void add(Trial trial) {
        trials.add(trial);
        byArchitecture.put(trial.architecture(), trial);
        trainingSeconds += trial.trainingSeconds();
        if (trial.succeeded() && target.contains(trial.cost())
                && (best == null || Results.BETTER_FIRST.compare(trial, best) < 0)) {
            best = trial;
        }
    }

    /** The trial of {@code architecture}, or {@code null}. */
    Trial get(Architecture architecture) {
        return byArchitecture.get(architecture);
    }

    /** The index the next trial gets. */
    int next() {
        return trials.size();
    }

    /** Whether the evaluation or the training-time budget is spent. */
    boolean exhausted() {
        return trials.size() >= budget.maxEvaluations() || trainingSeconds >= budget.maxTrainingSeconds();
    }

    /** How many more evaluations the budget allows. */
    long room() {
        return budget.maxEvaluations() - trials.size();
    }

    List<Trial> trials() {
        return List.copyOf(trials);
    }

    double trainingSeconds() {
        return trainingSeconds;
    }

    /** The best trial inside the target so far, or {@code null}. */
    Trial best() {
        return best;
    }
}
