package org.preemptlab.qos;

import java.util.Locale;
import java.util.Optional;
import org.preemptlab.mechanism.PreemptMechanism;

/**
 * Slurm's {@code PreemptMode} on a QOS (or the cluster). {@link #CLUSTER} is a QOS without its own
 * mode: the cluster-wide {@code PreemptMode} applies. {@code GANG} (time-slicing) is not modelled.
 */
public enum PreemptMode {
    /** Not set on the QOS: the cluster's PreemptMode applies. */
    CLUSTER,
    /** Jobs of this QOS are never preempted. */
    OFF,
    /** Preempted jobs are cancelled (after GraceTime). */
    CANCEL,
    /** Preempted jobs are requeued (after GraceTime); the job restarts from the beginning or its checkpoint. */
    REQUEUE,
    /** Preempted jobs are suspended (SIGSTOP) and resumed later on the same nodes. */
    SUSPEND,
    /** Checkpoint then requeue (Slurm before 20.11; kept because the simulator models checkpoints). */
    CHECKPOINT;

    /** The simulator's mechanism for this mode; empty for {@link #CLUSTER} and {@link #OFF}. */
    public Optional<PreemptMechanism> mechanism() {
        return switch (this) {
            case CANCEL -> Optional.of(PreemptMechanism.KILL);
            case REQUEUE -> Optional.of(PreemptMechanism.REQUEUE);
            case SUSPEND -> Optional.of(PreemptMechanism.SUSPEND);
            case CHECKPOINT -> Optional.of(PreemptMechanism.CHECKPOINT);
            case CLUSTER, OFF -> Optional.empty();
        };
    }

    /** Slurm's spelling ({@code cancel}, {@code requeue}, …; {@code cluster} for an unset mode). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; accepts Slurm's forms ({@code REQUEUE}, {@code SUSPEND,GANG} → SUSPEND, {@code KILL} → CANCEL). */
    public static PreemptMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int comma = t.indexOf(',');
        if (comma >= 0) {
            String first = t.substring(0, comma).trim();
            if (!first.equals("gang")) t = first; // "suspend,gang": the mode is suspend
            else t = t.substring(comma + 1).trim();
        }
        if (t.isEmpty()) return CLUSTER;
        if (t.equals("kill")) return CANCEL;
        for (PreemptMode m : values()) if (m.label().equals(t)) return m;
        throw new IllegalArgumentException("\"" + text + "\" is not a PreemptMode; use off, cancel, requeue, suspend or checkpoint");
    }
}
