package io.layernas.api;

/**
 * Receives {@link SearchEvent}s in order, one at a time: on the search's thread, except
 * {@link SearchEvent.TrialProgress}, which may come from the thread that evaluates. Keep it fast;
 * a listener that throws does not stop the search.
 */
@FunctionalInterface
public interface SearchListener {

    /** Called for each event. */
    void onEvent(SearchEvent event);
}
