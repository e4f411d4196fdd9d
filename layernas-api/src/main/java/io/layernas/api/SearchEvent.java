package io.layernas.api;

/** What happens during a search, for progress bars, logs and tests. */
public sealed interface SearchEvent {

    /**
     * A trial ended.
     *
     * @param trial           the trial
     * @param evaluations     trials made so far
     * @param trainingSeconds training seconds spent so far
     * @param bestSoFar       the best trial meeting the target so far, or {@code null}
     */
    record TrialFinished(Trial trial, int evaluations, double trainingSeconds, Trial bestSoFar)
            implements SearchEvent {
    }

    /**
     * An evaluation reported how far it has come ({@link EvaluationMonitor#progress}). May arrive
     * from the thread that evaluates, never at the same time as another event.
     *
     * @param trialIndex   the index the trial will have
     * @param architecture the candidate being evaluated
     * @param progress     how far it has come
     */
    record TrialProgress(int trialIndex, Architecture architecture, EvaluationProgress progress)
            implements SearchEvent {
    }

    /**
     * LayerNAS began a pass over a layer.
     *
     * @param layer 0-based layer being searched
     * @param pass  0-based count of passes over all layers
     */
    record LayerStarted(int layer, int pass) implements SearchEvent {
    }

    /**
     * A child was dropped without training because no completion of it can meet the target.
     *
     * @param architecture the child
     * @param layer        the layer being searched
     * @param cost         its cost
     * @param reachable    the costs its completions can reach
     */
    record CandidateDropped(Architecture architecture, int layer, double cost, CostRange reachable)
            implements SearchEvent {
    }

    /**
     * A stored candidate had all its children generated and is marked exhausted.
     *
     * @param architecture the candidate
     * @param layer        the layer whose store holds it
     */
    record CandidateExhausted(Architecture architecture, int layer) implements SearchEvent {
    }

    /**
     * The search ended.
     *
     * @param result the result
     */
    record SearchFinished(SearchResult result) implements SearchEvent {
    }
}
