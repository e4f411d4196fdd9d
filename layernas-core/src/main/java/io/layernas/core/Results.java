package io.layernas.core;

import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds the parts of a {@link io.layernas.api.SearchResult} from trials. Stateless. */
public final class Results {
    /** Number of cost buckets of the reported front. */
    public static final int FRONT_BUCKETS = 100;

    private Results() {
    }

    /** Orders trials by objective, then by earlier index: the first is the better. */
    public static final Comparator<Trial> BETTER_FIRST =
            Comparator.comparingDouble(Trial::objective).reversed().thenComparingInt(Trial::index);

    /** The best successful trial inside the target, or {@code null}. */
    public static Trial best(List<Trial> trials, TargetRange target) {
        Trial best = null;
        for (Trial trial : trials) {
            if (trial.succeeded() && target.contains(trial.cost())
                    && (best == null || BETTER_FIRST.compare(trial, best) < 0)) {
                best = trial;
            }
        }
        return best;
    }

    /**
     * The best successful trial in each of {@link #FRONT_BUCKETS} equal cost buckets spanning the
     * successful trials' costs, in increasing cost order.
     */
    public static List<Trial> front(List<Trial> trials) {
        List<Trial> succeeded = trials.stream().filter(Trial::succeeded).toList();
        if (succeeded.isEmpty()) {
            return List.of();
        }
        double min = succeeded.stream().mapToDouble(Trial::cost).min().orElseThrow();
        double max = succeeded.stream().mapToDouble(Trial::cost).max().orElseThrow();
        Trial[] best = new Trial[FRONT_BUCKETS];
        for (Trial trial : succeeded) {
            int bucket = Buckets.index(trial.cost(), min, max, FRONT_BUCKETS);
            if (best[bucket] == null || BETTER_FIRST.compare(trial, best[bucket]) < 0) {
                best[bucket] = trial;
            }
        }
        List<Trial> front = new ArrayList<>();
        for (Trial trial : best) {
            if (trial != null) {
                front.add(trial);
            }
        }
        return front;
    }
}
