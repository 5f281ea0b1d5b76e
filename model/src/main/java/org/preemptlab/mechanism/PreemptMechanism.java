package org.preemptlab.mechanism;

/**
 * How a job is preempted, least to most disruptive (Moab's SUSPEND &lt; CHECKPOINT &lt; REQUEUE &lt; CANCEL).
 */
public enum PreemptMechanism {
    /** SIGSTOP: cores freed, memory stays held on the job's nodes; resumes on the same nodes. */
    SUSPEND,
    /** Write a checkpoint image (nodes busy meanwhile), free everything, requeue with the remaining work. */
    CHECKPOINT,
    /** Kill and requeue; work since the last checkpoint is lost. Only for rerunnable jobs. */
    REQUEUE,
    /** Kill; requeued if rerunnable (work since the last checkpoint lost), otherwise it ends PREEMPTED_KILLED. */
    KILL;

    /** The name used in scenario files and the events CSV. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PreemptMechanism parse(String text) {
        for (PreemptMechanism m : values()) if (m.label().equals(text.toLowerCase(java.util.Locale.ROOT))) return m;
        if ("cancel".equalsIgnoreCase(text)) return KILL;
        throw new IllegalArgumentException("\"" + text + "\" is not a preemption mechanism; use suspend, checkpoint, requeue or kill");
    }
}
