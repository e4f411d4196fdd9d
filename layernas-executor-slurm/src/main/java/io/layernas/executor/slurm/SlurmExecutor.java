package io.layernas.executor.slurm;

import io.layernas.api.CandidateExecutor;
import io.layernas.api.EvaluationJob;
import io.layernas.api.Metrics;
import io.layernas.api.RemoteEvaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates every attempt as one Slurm batch job. The job runs the run's {@link RemoteEvaluation}
 * command on a compute node through a fixed job script that records the command's exit code in
 * the attempt's directory on the shared filesystem; the result file and that exit code are the
 * truth about a finished job, since Slurm forgets finished jobs after {@code MinJobAge} and
 * clusters often have no accounting database. {@code squeue} only tells which jobs still run and,
 * while it remembers them, why a job without an exit code ended (time limit, scancel, node failure).
 *
 * <p>Each job id is recorded in the run's journal under the attempt's key as soon as sbatch returns,
 * and each job is named after its run and key: a resumed run re-attaches to a job recorded or still
 * queued under that name instead of submitting it again. All Slurm calls and all bookkeeping happen
 * on one thread, so {@link #submit} never blocks. Thread-safe.
 */
final class SlurmExecutor implements CandidateExecutor {
    private final SlurmSettings settings;
    private final Slurm slurm;
    private final RemoteEvaluation remote;
    private final Path script;
    private final String runTag;
    private final String user = System.getProperty("user.name");
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "layernas-slurm");
        thread.setDaemon(true);
        return thread;
    });
    private final Deque<Attempt> waiting = new ArrayDeque<>();
    private final Map<String, Attempt> running = new LinkedHashMap<>();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private final Thread cancelHook;

    /** One attempt: its job, files, future, and (once submitted) its Slurm job id. */
    private static final class Attempt {
        final EvaluationJob job;
        final AttemptFiles files;
        final CompletableFuture<Metrics> future = new CompletableFuture<>();
        String jobId;
        boolean missing;

        Attempt(EvaluationJob job, AttemptFiles files) {
            this.job = job;
            this.files = files;
        }
    }

    SlurmExecutor(SlurmSettings settings, Slurm slurm, RemoteEvaluation remote, Path script, String runTag) {
        this.settings = settings;
        this.slurm = slurm;
        this.remote = remote;
        this.script = script;
        this.runTag = runTag;
        this.cancelHook = settings.cancelOnExit() ? new Thread(this::cancelLive, "layernas-slurm-cancel") : null;
        if (cancelHook != null) {
            Runtime.getRuntime().addShutdownHook(cancelHook);
        }
        loop.scheduleWithFixedDelay(this::poll, settings.poll().toMillis(), settings.poll().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Metrics> submit(EvaluationJob job) {
        Attempt attempt = new Attempt(job, new AttemptFiles(settings.sharedDirectory().resolve(job.key())));
        attempt.future.whenComplete((metrics, error) -> {
            if (attempt.future.isCancelled()) {
                loop.execute(() -> guarded(attempt, () -> cancel(attempt)));
            }
        });
        loop.execute(() -> guarded(attempt, () -> start(attempt)));
        return attempt.future;
    }

    /** Runs {@code step} of {@code attempt}; a failure of the step fails the attempt instead of vanishing. */
    private void guarded(Attempt attempt, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (attempt.jobId != null) {
                untrack(attempt);
            }
            attempt.future.completeExceptionally(new SlurmJobException("the slurm executor failed on "
                    + attempt.job.key() + (attempt.jobId == null ? "" : " (Slurm job " + attempt.jobId + ")") + ": " + e));
        }
    }

    /** Jobs outlive the controller: a stopped run leaves them to {@link #close()} and to its resume. */
    @Override
    public boolean detachable() {
        return true;
    }

    @Override
    public int capacity() {
        return settings.maxJobs();
    }

    /** Re-attaches to the attempt's job if it has one, else queues it for submission. */
    private void start(Attempt attempt) {
        if (attempt.future.isDone()) {
            return;
        }
        Optional<String> recorded = attempt.job.journal().find(attempt.job.key());
        // A directory without a recorded job: a controller died between preparing it and recording the
        // job id, so a job may run under the attempt's name. No directory: it was never submitted.
        List<String> named = recorded.isPresent() || !Files.isDirectory(attempt.files.directory()) ? List.of()
                : slurm.live(user, jobName(attempt));
        if (recorded.isPresent() || !named.isEmpty()) {
            attempt.jobId = recorded.isPresent() ? recorded.get() : named.get(0);
            attempt.job.journal().record(attempt.job.key(), attempt.jobId);
            track(attempt);
            check(attempt, null);
        } else {
            waiting.add(attempt);
            fill();
        }
    }

    private void fill() {
        while (running.size() < settings.maxJobs() && !waiting.isEmpty()) {
            Attempt attempt = waiting.poll();
            if (!attempt.future.isDone()) {
                launch(attempt);
            }
        }
    }

    private void launch(Attempt attempt) {
        try {
            attempt.files.prepare(remote.encode(attempt.job.request()));
        } catch (IOException | RuntimeException e) {
            attempt.future.completeExceptionally(new IllegalStateException("cannot write the request to "
                    + attempt.files.directory() + ": " + e.getMessage() + ". Check executor.sharedDirectory."));
            return;
        }
        Slurm.Result submitted = slurm.submit(sbatchArguments(attempt));
        if (!submitted.ok()) {
            attempt.future.completeExceptionally(new IllegalStateException("sbatch refused the job: "
                    + submitted.message() + ". Check the executor section's Slurm settings."));
            return;
        }
        attempt.jobId = submitted.out();
        attempt.job.journal().record(attempt.job.key(), attempt.jobId);
        track(attempt);
    }

    private List<String> sbatchArguments(Attempt attempt) {
        AttemptFiles files = attempt.files;
        List<String> arguments = new ArrayList<>(List.of("--job-name=" + jobName(attempt),
                "--chdir=" + files.directory(), "--output=" + files.stdout(), "--error=" + files.stderr()));
        arguments.addAll(settings.sbatchOptions());
        arguments.add(script.toString());
        arguments.add(files.exitCode().toString());
        arguments.addAll(remote.command(files.request(), files.result()));
        return arguments;
    }

    private String jobName(Attempt attempt) {
        return "layernas-" + runTag + "-" + attempt.job.key();
    }

    private void track(Attempt attempt) {
        running.put(attempt.jobId, attempt);
        live.add(attempt.jobId);
    }

    private void untrack(Attempt attempt) {
        running.remove(attempt.jobId);
        live.remove(attempt.jobId);
    }

    /** Looks at every running job: its files first, then what squeue says about those without an exit code. */
    private void poll() {
        try {
            List<Attempt> unfinished = new ArrayList<>();
            for (Attempt attempt : List.copyOf(running.values())) {
                guarded(attempt, () -> {
                    if (!check(attempt, null)) {
                        unfinished.add(attempt);
                    }
                });
            }
            if (!unfinished.isEmpty()) {
                slurm.queue(user).ifPresent(queue -> unfinished.forEach(a -> guarded(a, () -> check(a, queue))));
            }
            fill();
        } catch (RuntimeException e) {
            // A transient failure (the controller restarting, a slow filesystem): the next poll tries again.
        }
    }

    /**
     * Finishes the attempt when its exit code is on the shared directory, or when {@code queue} (if
     * given) shows its job ended without one for two polls in a row. True when it is finished.
     */
    private boolean check(Attempt attempt, Map<String, String[]> queue) {
        Optional<Integer> exit = attempt.files.exit();
        if (exit.isPresent()) {
            finish(attempt, exit.get(), queue == null ? null : queue.get(attempt.jobId));
            return true;
        }
        if (queue == null) {
            return false;
        }
        String[] state = queue.get(attempt.jobId);
        if (state != null && !Outcomes.ended(state[0])) {
            attempt.missing = false;
            return false;
        }
        if (!attempt.missing) {
            attempt.missing = true; // the shared filesystem may show the exit code a moment later
            return false;
        }
        untrack(attempt);
        attempt.future.completeExceptionally(new SlurmJobException(Outcomes.noExitCode(attempt.jobId, state,
                settings, attempt.files.stderrTail())));
        return true;
    }

    private void finish(Attempt attempt, int exit, String[] state) {
        untrack(attempt);
        if (exit != 0) {
            attempt.future.completeExceptionally(new SlurmJobException(Outcomes.exited(attempt.jobId, exit, state,
                    attempt.files.stderrTail())));
            return;
        }
        try {
            attempt.future.complete(remote.decode(Files.readString(attempt.files.result(), StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            attempt.future.completeExceptionally(new SlurmJobException("Slurm job " + attempt.jobId
                    + " exited with code 0 but its result " + attempt.files.result() + " is unusable: " + e.getMessage()
                    + ". stderr (tail):\n" + attempt.files.stderrTail()));
        }
    }

    private void cancel(Attempt attempt) {
        waiting.remove(attempt);
        if (attempt.jobId != null && running.containsKey(attempt.jobId)) {
            untrack(attempt);
            slurm.cancel(attempt.jobId);
        }
        fill();
    }

    private void cancelLive() {
        for (String jobId : List.copyOf(live)) {
            slurm.cancel(jobId);
        }
    }

    /**
     * Stops watching. Jobs still queued or running are left to Slurm (a resumed run re-attaches to
     * them) unless {@code executor.cancelOnExit} is set.
     */
    @Override
    public void close() {
        loop.shutdownNow();
        if (cancelHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelHook);
            } catch (IllegalStateException e) {
                return; // the JVM is shutting down and the hook runs anyway
            }
            cancelLive();
        }
    }
}
