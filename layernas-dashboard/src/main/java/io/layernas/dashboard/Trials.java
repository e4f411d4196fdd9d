package io.layernas.dashboard;

import io.layernas.api.Trial;
import io.layernas.store.SqliteTrialReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trials as the pages receive them. A page of trials is a list of arrays, one per trial, in the
 * order of {@link #COLUMNS}: 100,000 trials as objects would repeat every field name 100,000 times.
 * Stateless.
 */
final class Trials {
    /** The fields of a trial row, in order. */
    static final List<String> COLUMNS = SqliteTrialReader.JSON_COLUMNS;

    private Trials() {
    }

    /** One trial as a row of {@link #COLUMNS}. */
    static List<Object> row(Trial trial) {
        return Arrays.asList(trial.index(), trial.layer(), trial.bucket(), Json.number(trial.cost()),
                trial.succeeded() ? 1 : 0, trial.succeeded() ? Json.number(trial.objective()) : null,
                trial.trainingSeconds(), trial.wallSeconds(), trial.attempts(), trial.architecture().toString(),
                trial.failure());
    }

    /**
     * A page of trials: the columns, the rows, the most a page holds ({@code limit}) and the last
     * index sent (what the page asks after next). The rows are the store's own JSON, inserted as they
     * are. A full page never changes (see {@link PageCache}).
     */
    static String page(SqliteTrialReader.JsonPage page, int limit) {
        try {
            return "{\"columns\":" + Json.MAPPER.writeValueAsString(COLUMNS) + ",\"count\":" + page.count()
                    + ",\"limit\":" + limit + ",\"last\":" + page.last() + ",\"trials\":" + page.rows() + "}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the summary says of a trial (the best, the baseline). */
    static Map<String, Object> brief(Trial trial) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", trial.index());
        json.put("architecture", trial.architecture().toString());
        json.put("cost", Json.number(trial.cost()));
        json.put("objective", trial.succeeded() ? Json.number(trial.objective()) : null);
        return json;
    }

    /** A trial with everything the store knows: its choice per layer, metrics, timings and its evaluator's log tail. */
    static Map<String, Object> details(Trial trial) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            json.put(COLUMNS.get(i), row(trial).get(i));
        }
        json.put("choices", trial.architecture().choices());
        Map<String, Double> metrics = new TreeMap<>();
        trial.metricsIfSucceeded().ifPresent(m -> m.values().forEach((k, v) -> metrics.put(k, Json.number(v))));
        json.put("metrics", metrics);
        json.put("log", trial.metricsIfSucceeded().map(io.layernas.api.Metrics::log).orElse(null));
        return json;
    }
}
