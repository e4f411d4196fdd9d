package io.layernas.api;

import java.util.Objects;

/**
 * One attempt at one candidate, as the run hands it to a {@link CandidateExecutor}. Immutable.
 *
 * @param request what to evaluate; its {@link EvaluationRequest#attempt()} counts retries
 * @param key     the attempt's stable identity ({@link #keyOf}): the same in a resumed run with the
 *                same configuration and seed, and safe in file and job names (letters, digits, {@code -})
 * @param journal where the executor records (and on resume finds) the job it started for {@code key}
 */
public record EvaluationJob(EvaluationRequest request, String key, JobJournal journal) {
    public EvaluationJob {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(journal, "journal");
        if (!key.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("a job key holds letters, digits and '-' only, was '" + key + "'");
        }
    }

    /** The job of {@code request} with its {@link #keyOf key}. */
    public static EvaluationJob of(EvaluationRequest request, JobJournal journal) {
        return new EvaluationJob(request, keyOf(request), journal);
    }

    /**
     * {@code t<trial index>-a<attempt>-<architecture>}, e.g. {@code t12-a1-0-3-1}: trial index,
     * attempt and architecture together, so a key never names two different pieces of work.
     */
    public static String keyOf(EvaluationRequest request) {
        return "t" + request.trialIndex() + "-a" + request.attempt() + "-" + request.architecture();
    }
}
