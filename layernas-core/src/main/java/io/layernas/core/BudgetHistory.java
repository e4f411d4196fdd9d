package io.layernas.core;

import io.layernas.api.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The budgets a run was made under, each from the trial it first applied to: one budget for a run
 * never resumed, or resumed with the budget it had, and one more each time it was resumed with
 * another ({@code run --resume DIR -D budget.evaluations=...}). A resumed run replays its stored
 * trials under the budgets they were made under ({@link io.layernas.api.SearchContext#budgetAt}),
 * so a strategy whose choices depend on the budget retraces them. Immutable.
 *
 * @param segments the budgets in the order they applied; the first from trial 0, each later one
 *                 from a later trial
 */
public record BudgetHistory(List<Segment> segments) {
    /**
     * One budget and the first trial made under it.
     *
     * @param fromTrial the index of the first trial made under {@code budget}
     * @param budget    the budget
     */
    public record Segment(int fromTrial, Budget budget) {
        public Segment {
            Objects.requireNonNull(budget, "budget");
            if (fromTrial < 0) {
                throw new IllegalArgumentException("fromTrial must be >= 0, got " + fromTrial);
            }
        }
    }

    public BudgetHistory {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || segments.get(0).fromTrial() != 0) {
            throw new IllegalArgumentException("a budget history starts at trial 0, got " + segments);
        }
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).fromTrial() <= segments.get(i - 1).fromTrial()) {
                throw new IllegalArgumentException("a budget history's segments start at increasing trials, got "
                        + segments);
            }
        }
    }

    /** The history of a run made under {@code budget} alone. */
    public static BudgetHistory of(Budget budget) {
        return new BudgetHistory(List.of(new Segment(0, budget)));
    }

    /** The budget in force once {@code trials} trials were made. */
    public Budget at(int trials) {
        Budget budget = segments.get(0).budget();
        for (Segment segment : segments) {
            if (segment.fromTrial() > trials) {
                break;
            }
            budget = segment.budget();
        }
        return budget;
    }

    /**
     * The history of this run resumed with {@code budget}, replaying its first {@code replayed}
     * trials: segments from trial {@code replayed} on are forgotten (no trial kept was made under
     * them), and {@code budget} applies from there, unless it is the budget already in force.
     */
    public BudgetHistory resumedWith(Budget budget, int replayed) {
        List<Segment> kept = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.fromTrial() < replayed || segment.fromTrial() == 0) {
                kept.add(segment);
            }
        }
        if (!kept.get(kept.size() - 1).budget().equals(budget)) {
            if (kept.get(kept.size() - 1).fromTrial() == replayed) {
                kept.remove(kept.size() - 1);
            }
            kept.add(new Segment(replayed, budget));
        }
        return new BudgetHistory(kept);
    }
}
