package io.layernas.cli.config;

import java.util.List;
import java.util.Map;

/**
 * Every default of an experiment's own sections, in one place. Plugins (spaces, cost models,
 * evaluators, strategies) keep the defaults of their settings themselves and document them.
 */
public final class Defaults {
    /** {@code search.strategy}: LayerNAS, Algorithm 1. */
    public static final String STRATEGY = "layernas";
    /** {@code budget.evaluations}: at most this many trials. */
    public static final long EVALUATIONS = 1000;
    /** {@code budget.trainingSeconds}: no limit on summed training time. */
    public static final double TRAINING_SECONDS = Double.POSITIVE_INFINITY;
    /** {@code executor.name}: threads of this JVM. */
    public static final String EXECUTOR = "local";
    /** {@code run.seed}. */
    public static final long SEED = 0;
    /** {@code run.workers}: evaluations at once. */
    public static final int WORKERS = 1;
    /** {@code run.retries}: further attempts after a failed evaluation. */
    public static final int RETRIES = 0;
    /** {@code run.maxConsecutiveFailures}: failed trials in a row that stop a run. */
    public static final int MAX_CONSECUTIVE_FAILURES = 20;
    /** {@code run.timeoutSeconds}: no limit per evaluation attempt. */
    public static final double TIMEOUT_SECONDS = Double.POSITIVE_INFINITY;
    /** {@code run.onInterrupt}: the first Ctrl-C lets running trials finish; a second abandons them. */
    public static final String ON_INTERRUPT = "finish";
    /** Least {@code run.timeoutSeconds}: below a second even starting a training job fails. */
    public static final double MIN_TIMEOUT_SECONDS = 1;
    /** Largest {@code run.timeoutSeconds} (about 31 years); longer is {@code unlimited}. */
    public static final double MAX_TIMEOUT_SECONDS = 1e9;
    /** Largest {@code run.workers}: each worker is a thread, and more than this many at once is a mistake. */
    public static final int MAX_WORKERS = 10_000;
    /** Largest {@code run.retries}. */
    public static final int MAX_RETRIES = 1_000;
    /** {@code run.output}: {@code runs/<config file name without .yaml>}, relative to the working directory. */
    public static final String OUTPUT_PARENT = "runs";
    /** {@code target.low} when only {@code target.high} is given (costs are never negative). */
    public static final double TARGET_LOW = 0;
    /** {@code target.of} when {@code target.fraction} is given: the largest reachable cost. */
    public static final String TARGET_OF = "max";
    /** {@code compare.seeds}: seeds per strategy. */
    public static final int COMPARE_SEEDS = 10;
    /** {@code compare.gridPoints}: points of the time grid curves are sampled on. */
    public static final int COMPARE_GRID_POINTS = 50;
    /** Largest {@code compare.seeds}. */
    public static final int MAX_COMPARE_SEEDS = 1_000_000;
    /** Largest {@code compare.gridPoints}: each curve keeps one value per point. */
    public static final int MAX_COMPARE_GRID_POINTS = 100_000;

    /** The sections an experiment file may have. */
    public static final List<String> SECTIONS =
            List.of("space", "cost", "target", "evaluator", "executor", "search", "budget", "run", "compare");

    /** The keys of the experiment's own sections (not plugin settings), with their defaults as text. */
    public static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("search.strategy", STRATEGY),
            Map.entry("executor.name", EXECUTOR),
            Map.entry("budget.evaluations", Long.toString(EVALUATIONS)),
            Map.entry("budget.trainingSeconds", "unlimited"),
            Map.entry("run.seed", Long.toString(SEED)),
            Map.entry("run.workers", Integer.toString(WORKERS)),
            Map.entry("run.retries", Integer.toString(RETRIES)),
            Map.entry("run.maxConsecutiveFailures", Integer.toString(MAX_CONSECUTIVE_FAILURES)),
            Map.entry("run.timeoutSeconds", "unlimited"),
            Map.entry("run.onInterrupt", ON_INTERRUPT),
            Map.entry("run.output", OUTPUT_PARENT + "/<config name>"),
            Map.entry("run.store", "trials.db in the output directory"),
            Map.entry("run.id", "the output directory's name"),
            Map.entry("target.low", "0 (with high)"),
            Map.entry("target.high", "unlimited"),
            Map.entry("target.fraction", "none"),
            Map.entry("target.of", TARGET_OF),
            Map.entry("compare.seeds", Integer.toString(COMPARE_SEEDS)),
            Map.entry("compare.gridPoints", Integer.toString(COMPARE_GRID_POINTS)));

    private Defaults() {
    }
}
