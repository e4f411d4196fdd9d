package io.layernas.api;

/**
 * Receives {@link SearchEvent}s on the search's thread, in order. Keep it fast; a listener that
 * throws does not stop the search.
 */
@FunctionalInterface
public interface SearchListener {

    /** Called for each event. */
    void onEvent(SearchEvent event);
}
