package org.preemptlab.app.gui.run;

import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.time.SimTime;

/**
 * A line of the "Why" list: one log entry; its text is formatted only when shown.
 *
 * @param followsAbove the entry carries out a decision logged just before it with the same reason
 *                     (a preemption, then the suspension it causes): its text says what it does
 *                     instead of repeating the reason's sentence
 * @param slurmReason  on a Slurm run, the job's pending reason before a start or restart
 *                     ({@code Priority}, {@code QOSMaxJobsPerUserLimit}…), else ""
 */
public record DecisionItem(int logIndex, LogEntry entry, String jobName, boolean followsAbove, String slurmReason) {

    public DecisionItem {
        slurmReason = slurmReason == null ? "" : slurmReason;
    }

    public DecisionItem(int logIndex, LogEntry entry, String jobName, boolean followsAbove) {
        this(logIndex, entry, jobName, followsAbove, "");
    }

    public DecisionItem(int logIndex, LogEntry entry, String jobName) {
        this(logIndex, entry, jobName, false);
    }

    public long time() {
        return entry.time();
    }

    public String text() {
        if (followsAbove) return consequence(entry.kind());
        String t = entry.reason() == null ? entry.kind().label() : entry.reason().text();
        return slurmReason.isEmpty() ? t : t + " (was pending: " + slurmReason + ")";
    }

    /** What an entry that carries out the decision above does, in words. */
    static String consequence(LogKind kind) {
        return switch (kind) {
            case SUSPEND -> "suspended, as decided above: it keeps its memory and resumes when its cores are free again";
            case CHECKPOINT_BEGIN -> "writes its checkpoint, as decided above; it restarts from it later";
            case KILL -> "killed, as decided above: the work since its last checkpoint is lost";
            case REQUEUE -> "requeued, as decided above: back in the queue to run again";
            default -> kind.label() + ", as decided above";
        };
    }

    /** {@code 01:20:00  start  job 17 backfilled: …} */
    public String line() {
        String who = jobName == null ? "" : jobName + " ";
        return SimTime.format(entry.time()) + "  " + entry.kind().label() + "  " + who + "— " + text();
    }
}
