package org.preemptlab.app.gui.scenario;

import java.util.Locale;
import org.preemptlab.scenario.SchedulerSpec;

/** The schedulers a user can pick in the editor and the compare view (the scenario format's names). */
public enum PolicyChoice {
    FCFS(SchedulerSpec.FCFS, "FCFS"),
    EASY(SchedulerSpec.EASY, "EASY backfill"),
    CONSERVATIVE(SchedulerSpec.CONSERVATIVE, "Conservative backfill"),
    AGGRESSIVE_CHECKPOINT(SchedulerSpec.AGGRESSIVE_CHECKPOINT, "Aggressive checkpoint backfill (Niu)"),
    PREEMPTION_BACKFILL(SchedulerSpec.PREEMPTION_BACKFILL, "Preemption-based backfill (Snell)");

    private final String id;
    private final String label;

    PolicyChoice(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in scenario files and on the command line. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The scheduler with this name: the given spec's parameters when it names the same scheduler, else defaults. */
    public SchedulerSpec spec(SchedulerSpec current) {
        return current != null && current.name().equals(id) ? current : SchedulerSpec.of(id);
    }

    public static PolicyChoice of(SchedulerSpec spec) {
        return parse(spec.name());
    }

    public static PolicyChoice parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (PolicyChoice p : values()) if (p.id.equals(t)) return p;
        throw new IllegalArgumentException("\"" + text + "\" is not a scheduler; use " + String.join(", ", SchedulerSpec.NAMES));
    }

    @Override
    public String toString() {
        return label;
    }
}
