package org.preemptlab.backend.slurm;

import java.util.List;

/**
 * One job as {@code squeue --json} (openapi v0.0.38, Slurm 22.05) shows it.
 *
 * @param state          PENDING, RUNNING, SUSPENDED, COMPLETING, COMPLETED, CANCELLED, FAILED, TIMEOUT …
 * @param nodes          the job's nodes (expanded host list), empty while pending
 * @param timeLimitMinutes the time limit, minutes, or -1 if none (INFINITE)
 * @param exitStatus     the raw wait status ({@code exit code << 8 | signal})
 * @param submitTime     epoch seconds
 * @param startTime      epoch seconds, 0 if not started (or the expected start while pending)
 */
public record SlurmJob(
        long id,
        String name,
        String state,
        String partition,
        List<String> nodes,
        int nodeCount,
        int cpus,
        long timeLimitMinutes,
        int exitStatus,
        String stateReason,
        String qos,
        String account,
        String user,
        long priority,
        long submitTime,
        long startTime,
        long suspendTime,
        long preSuspendSeconds,
        int restartCount,
        boolean requeue) {

    public SlurmJob {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    public boolean isPending() {
        return "PENDING".equals(state) || "REQUEUED".equals(state) || "REQUEUE_HOLD".equals(state) || "REQUEUE_FED".equals(state);
    }

    public boolean isRunning() {
        return "RUNNING".equals(state);
    }

    public boolean isSuspended() {
        return "SUSPENDED".equals(state);
    }

    /** Ended for good (this run of it): completed, cancelled, failed, timed out … */
    public boolean isFinished() {
        return !isPending() && !isRunning() && !isSuspended() && !"COMPLETING".equals(state) && !"CONFIGURING".equals(state)
                && !"RESIZING".equals(state) && !"SIGNALING".equals(state) && !"STAGE_OUT".equals(state);
    }

    /** Exit code as a shell shows it: the code, or 128 + signal if a signal ended it. */
    public int exitCode() {
        int signal = exitStatus & 0x7f;
        return signal != 0 ? 128 + signal : (exitStatus >> 8) & 0xff;
    }

    /** Held (by the user or an admin): waits for {@code scontrol release}. */
    public boolean isHeld() {
        return isPending() && stateReason != null && stateReason.startsWith("JobHeld");
    }
}
