package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How {@link SlurmSchedulerPolicy}'s backfill plans the jobs it cannot start now, as a scenario's {@code slurm} scheduler
 * chooses it ({@code "policy": {"scheduler": "slurm", "backfillPlans": "own-resources"}}): {@link #WHOLE_NODES} (the
 * default, {@link #DEFAULT}) Slurm 22.05's plans on whole nodes with cons_tres's will-run test
 * ({@link SlurmSchedulerPolicy#withWholeNodePlans()}, {@link WillRunPlanner}), where they apply: on a Slurm (cons_tres) site
 * in a cycle without reservations to respect (a scenario's maintenance windows and advance reservations); elsewhere, and with {@link #OWN_RESOURCES}, each plan holds only its job's CPUs,
 * memory and GRES. The history replay's own choice ({@code replay --backfill-plans}) has the same two values and the same
 * default (docs/slurm-fidelity.md, "Whole-node plans the default").
 */
public enum BackfillPlans {
    WHOLE_NODES("whole-nodes"), OWN_RESOURCES("own-resources");

    /** The plans when none is chosen: Slurm's (whole nodes), as in the history replay since 2026-12-07. */
    public static final BackfillPlans DEFAULT = WHOLE_NODES;

    private final String label;

    BackfillPlans(String label) {
        this.label = label;
    }

    /** As a scenario file spells it: {@code whole-nodes}, {@code own-resources}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Every label, the default first. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(BackfillPlans::label).toList();
    }

    /** The plans of this label (case-insensitive, surrounding blanks ignored), if any. */
    public static Optional<BackfillPlans> find(String label) {
        if (label == null) return Optional.empty();
        String l = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.label.equals(l)).findFirst();
    }

    /**
     * @throws IllegalArgumentException naming the value and the allowed ones
     */
    public static BackfillPlans parse(String label) {
        return find(label).orElseThrow(() -> new IllegalArgumentException("\"" + label + "\"; must be "
                + String.join(" or ", labels())));
    }
}
