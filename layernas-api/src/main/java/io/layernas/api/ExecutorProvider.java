package io.layernas.api;

/**
 * Makes a {@link CandidateExecutor}; registered in
 * {@code META-INF/services/io.layernas.api.ExecutorProvider} and chosen by short name in the
 * experiment's {@code executor} section ({@code local}, {@code slurm}, ...).
 */
public interface ExecutorProvider extends Plugin {

    /**
     * Creates the executor. Checks everything it can before any candidate is evaluated (tools on
     * the {@code PATH}, queues, writable directories).
     *
     * @param setup    what the run gives every executor: the evaluator, the space, how a remote
     *                 process evaluates a request
     * @param settings the {@code executor} section without its {@code name}
     * @throws ConfigurationException when a setting is wrong, naming the key and how to fix it
     */
    CandidateExecutor create(ExecutorSetup setup, Settings settings);
}
