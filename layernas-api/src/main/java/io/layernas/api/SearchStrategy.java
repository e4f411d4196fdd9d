package io.layernas.api;

/**
 * A search algorithm: LayerNAS, random search, evolution, PPO. It proposes candidates through
 * {@link SearchContext#evaluate} until it has nothing left to try or the budget is spent; the run
 * builds the {@link SearchResult} from the trials.
 *
 * <p>Strategies are stateless and thread-safe: all state of one search lives in local objects
 * of {@link #search} and in the context, so one instance can run many searches at once. Given the
 * same seed and the same evaluation results, a strategy must propose the same candidates in the
 * same order; this is what makes runs reproducible and resumable.
 */
@FunctionalInterface
public interface SearchStrategy {

    /** Runs one search to its end. */
    void search(SearchContext context);
}
