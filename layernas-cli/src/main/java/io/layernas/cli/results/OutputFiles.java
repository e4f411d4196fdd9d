package io.layernas.cli.results;

import io.layernas.store.SqliteTrialStore;

/** The names of the files a run writes to its output directory; docs/results.md describes them. */
public final class OutputFiles {
    /** Every trial, one JSON object a line, written as the run goes. */
    public static final String TRIALS_JSONL = "trials.jsonl";
    /** The durable trial store (SQLite) that {@code run --resume} replays. */
    public static final String TRIALS_DB = SqliteTrialStore.FILE_NAME;
    /** A comparison's durable store of finished runs (SQLite) that {@code compare --resume} keeps. */
    public static final String COMPARE_DB = "runs.db";
    /** The outcome: best architecture, front, evaluations, provenance. */
    public static final String RESULT_JSON = "result.json";
    /** The budgets the run's trials were made under; {@code layernas run --resume DIR} replays them under those. */
    public static final String BUDGETS_JSON = "budgets.json";
    /** The resolved configuration; {@code layernas run --resume DIR} reads it. */
    public static final String CONFIG_YAML = "config.yaml";
    /** Every trial, one row each. */
    public static final String TRIALS_CSV = "trials.csv";
    /** The per-bucket front, one row per bucket. */
    public static final String FRONT_CSV = "front.csv";
    /** Best objective meeting the target after each trial. */
    public static final String BEST_SO_FAR_CSV = "best-so-far.csv";
    /** Plot of {@link #BEST_SO_FAR_CSV}, without extension. */
    public static final String BEST_SO_FAR_PLOT = "best-so-far";
    /** Plot of cost against objective, front and target band, without extension. */
    public static final String SCATTER_PLOT = "cost-objective";
    /** The page that shows it all. */
    public static final String INDEX_HTML = "index.html";

    private OutputFiles() {
    }
}
