package org.preemptlab.sched;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which scheduler: the one list of scheduler identities, with the names scenario files, sweeps and
 * the command line use ({@link #id()}) and the names people read ({@link #label()}).
 */
public enum SchedulerKind {
    FCFS("fcfs", "FCFS"),
    EASY("easy", "EASY backfill"),
    CONSERVATIVE("conservative", "Conservative backfill"),
    /** Niu et al.'s aggressive backfill with checkpoint-based preemption; the only one with parameters. */
    AGGRESSIVE_CHECKPOINT("aggressive-checkpoint", "Aggressive checkpoint backfill (Niu)"),
    PREEMPTION_BACKFILL("preemption-backfill", "Preemption-based backfill (Snell)"),
    /**
     * Slurm's main + backfill loop ({@code sched/backfill}), with the scenario's {@code SchedulerParameters};
     * on a version-2 cluster it takes the engine's multifactor queue order and the jobs' partitions.
     */
    SLURM("slurm", "Slurm (main + backfill)");

    /**
     * The name of the kill variant of {@link #AGGRESSIVE_CHECKPOINT} (preempted jobs are killed, not
     * checkpointed): {@code --kill-instead} on the command line, {@code "killInstead"} in files, and
     * {@code aggressive-checkpoint kill-instead} as the policy's name in results and labels.
     */
    public static final String KILL_INSTEAD = "kill-instead";

    private final String id;
    private final String label;

    SchedulerKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name in scenario files, sweeps and on the command line, e.g. {@code aggressive-checkpoint}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** True for the scheduler that takes p, thresholdSeconds, extendSeconds and killInstead. */
    public boolean hasParameters() {
        return this == AGGRESSIVE_CHECKPOINT;
    }

    /** Schedulers that preempt by themselves requeue their victims at the head of the queue. */
    public boolean requeuesAtHead() {
        return this == AGGRESSIVE_CHECKPOINT || this == PREEMPTION_BACKFILL;
    }

    /** Every scheduler name, in the order users are told about them. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SchedulerKind::id).toList();
    }

    /** The scheduler with this name (case and surrounding blanks ignored), if any. */
    public static Optional<SchedulerKind> find(String id) {
        String t = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (SchedulerKind k : values()) { // a loop, not a stream: no lambda on a one-shot command's path
            if (k.id.equals(t)) return Optional.of(k);
        }
        return Optional.empty();
    }

    /** The scheduler with this name; an exception naming the allowed ones otherwise. */
    public static SchedulerKind parse(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("\"" + id + "\" is not a scheduler; use "
                + String.join(", ", ids())));
    }

    @Override
    public String toString() {
        return label;
    }
}
