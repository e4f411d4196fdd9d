package io.layernas.api;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Everything a {@link SearchStrategy} works with: the space, its cost model and target, the
 * budget, seeded randomness and the one way to evaluate candidates.
 *
 * <p>The context owns the mutable bookkeeping of a run (the trials, the budget spent, the durable
 * store, parallel workers), so strategies stay stateless. An architecture is never evaluated twice
 * in one run: {@link #evaluate} returns the earlier trial for an architecture seen before, at no
 * cost to the budget.
 *
 * <p>A context is used by one strategy on one thread; it evaluates a batch in parallel itself.
 */
public interface SearchContext {

    /** The space being searched. */
    SearchSpace space();

    /** The cost model that defines cost and the target's unit. */
    CostModel costModel();

    /** The cost range a result must land in. */
    TargetRange target();

    /** The budget of this run. */
    Budget budget();

    /**
     * The budget the run's choices were, or are, made under once it has made {@code trials}
     * trials. It is {@link #budget()}, except in a run resumed with another budget: while it
     * retraces the trials stored before, this is the budget they were made under. A strategy whose
     * choices depend on the budget (LayerNAS's {@code sizing}) reads this one, so that a resumed run
     * makes the stored run's choices again and a run can be extended with a larger budget.
     */
    default Budget budgetAt(int trials) {
        return budget();
    }

    /** The run's seed. */
    long seed();

    /**
     * A random source for one component of the strategy, derived from the run's seed and the
     * component's name only, so the same seed and name always give the same sequence.
     */
    SplittableRandom random(String component);

    /**
     * Evaluates the candidates (in parallel where the run allows) and returns their trials in the
     * candidates' order. Candidates seen before return their earlier trial without evaluating. When
     * the budget runs out part way, the list holds the trials up to and including the one that
     * exhausted it; check {@link #budgetExhausted()} and stop.
     */
    List<Trial> evaluate(List<Candidate> candidates);

    /** Evaluates one candidate; empty when the budget was already spent. */
    default Optional<Trial> evaluate(Candidate candidate) {
        List<Trial> trials = evaluate(List.of(candidate));
        return trials.isEmpty() ? Optional.empty() : Optional.of(trials.get(0));
    }

    /**
     * How many evaluations the run carries out at once: {@code run.workers} threads, or the
     * executor's capacity (Slurm's {@code maxJobs}, the worker pool's {@code capacity}); at least 1.
     * A strategy whose next candidates do not depend on the trials still running (random search)
     * passes this many to {@link #evaluate(List)} at a time, so a cluster is kept busy; the trials
     * are the same whatever it is.
     */
    default int parallelism() {
        return 1;
    }

    /** The trial of an architecture evaluated earlier in this run, if any. */
    Optional<Trial> find(Architecture architecture);

    /** True once the budget is spent; the strategy should return. */
    boolean budgetExhausted();

    /** Sends an event to the run's listeners (the context sends {@link SearchEvent.TrialFinished} itself). */
    void publish(SearchEvent event);
}
