package io.layernas.executor.slurm;

import java.util.Set;

/** Reasons for jobs that ended without a result, from Slurm's job states. */
final class Outcomes {
    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED",
            "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD");

    private Outcomes() {
    }

    /** True when a job in {@code state} will not run any more. */
    static boolean ended(String state) {
        return !ACTIVE.contains(state);
    }

    /** A job whose command exited with {@code exit} != 0. */
    static String exited(String jobId, int exit, String[] state, String stderr) {
        String how = state == null ? "" : " (" + state[0] + ")";
        return "Slurm job " + jobId + how + " exited with code " + exit + ". stderr (tail):\n" + stderr;
    }

    /** A job that ended without writing its exit code: killed, cancelled or lost. */
    static String noExitCode(String jobId, String[] state, SlurmSettings settings, String stderr) {
        String what;
        if (state == null) {
            what = "ended without an exit code, and Slurm no longer knows it: it was cancelled, killed at its time "
                    + "limit or lost with its node";
        } else {
            what = switch (state[0]) {
                case "TIMEOUT" -> "hit its time limit (TIMEOUT" + (settings.timeLimit() == null ? ""
                        : ", executor.timeLimit " + settings.timeLimit()) + ") and was killed";
                case "CANCELLED" -> "was cancelled (CANCELLED, scancel or an administrator)";
                case "NODE_FAIL" -> "was lost with its node (NODE_FAIL)";
                case "OUT_OF_MEMORY" -> "ran out of memory (OUT_OF_MEMORY; raise executor.memory)";
                case "PREEMPTED" -> "was preempted (PREEMPTED)";
                default -> "ended in state " + state[0] + " (reason " + state[1] + ") without an exit code";
            };
        }
        return "Slurm job " + jobId + " " + what + ". stderr (tail):\n" + stderr;
    }
}
