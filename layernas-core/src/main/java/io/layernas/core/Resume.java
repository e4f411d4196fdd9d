package io.layernas.core;

import io.layernas.api.Trial;
import java.util.List;

/**
 * What a resumed run does with the trials of the run it continues. Trials are replayed, not
 * evaluated again, except the failed trials at the end: those are the streak that stopped the run
 * (too many failures in a row) or that a crash interrupted, and after the cause is fixed they are
 * evaluated again. Failed trials the search had already gone past stay failed, since the trials
 * after them were chosen knowing they failed. Stateless.
 */
public final class Resume {
    private Resume() {
    }

    /** How many of {@code stored} (in index order) are replayed: all but the failed ones at the end. */
    public static int replayed(List<Trial> stored) {
        int kept = stored.size();
        while (kept > 0 && !stored.get(kept - 1).succeeded()) {
            kept--;
        }
        return kept;
    }
}
