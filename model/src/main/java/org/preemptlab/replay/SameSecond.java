package org.preemptlab.replay;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.preemptlab.slurmsched.PassOrder;

/**
 * The order, within a second, of a history replay's passes and its jobs' ends when slurmctld's log does not give it
 * ({@code replay --same-second}; docs/slurm-fidelity.md, "Sub-second order from Slurm's mechanics"). sacct has whole
 * seconds; in Slurm a job's end comes a few tens of milliseconds after the millisecond of the pass that started it (its
 * run is whole seconds of work plus slurmd's overhead), and each of the two timers (the main scheduler's, the backfill's)
 * keeps its millisecond of the second while jobs start. A log replay has its own order (the log's milliseconds).
 */
public enum SameSecond {
    /**
     * The default: {@link #MAIN_FIRST} when the passes' phases are inferred from the history and evident ({@code --phase auto}
     * or {@code drift}: the starts show Slurm's passes, {@link PassPhase#evident()}), else {@link #ENGINE} (a phase given by
     * hand, a history whose starts show no pass grid, a log replay).
     */
    AUTO("auto"),
    /** The engine's order: a second's submits and ends before every pass of that second (before session 17). */
    ENGINE("engine"),
    /** Main passes before backfill cycles within a second; each end after the pass that started it. */
    MAIN_FIRST("main-first"),
    /** Backfill cycles before main passes within a second; each end after the pass that started it. */
    BACKFILL_FIRST("backfill-first");

    private final String label;

    SameSecond(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The grid's order within the second this choice gives, {@code inferred}: the phases inferred and evident; null: the engine's. */
    public PassOrder passOrder(boolean inferred) {
        return switch (this) {
            case AUTO -> inferred ? PassOrder.MAIN_FIRST : null;
            case ENGINE -> null;
            case MAIN_FIRST -> PassOrder.MAIN_FIRST;
            case BACKFILL_FIRST -> PassOrder.BACKFILL_FIRST;
        };
    }

    /** Every label, the default first. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(SameSecond::label).toList();
    }

    /**
     * The choice of this label (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static SameSecond parse(String label) {
        String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.label.equals(l)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--same-second is \"" + label + "\"; use " + String.join(", ", labels())));
    }
}
