package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptMechanism;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;

/**
 * Chooses victims and their mechanisms so that a job fits. Mechanisms are tried level by level
 * along each victim's escalation chain (Moab style): first every victim at its least disruptive
 * applicable mechanism; if that cannot make room — a suspended job keeps its memory — the next
 * level, and so on. Victims are taken in the rules' order until the job fits; victims whose nodes
 * the job does not end up using are left alone.
 */
final class VictimPlanner {

    /** A victim and how it is preempted. */
    record Victim(JobView job, PreemptMechanism mechanism, PreemptMechanism firstChoice) {}

    /** The victims and where the job will run once they are gone. */
    record Plan(List<Victim> victims, Placement placement) {

        /** True if every victim frees its resources at once (no checkpoint write, no grace time). */
        boolean immediate(java.util.function.ToLongFunction<JobView> graceSeconds) {
            for (Victim v : victims) {
                if (v.job.state() == JobState.SUSPENDED) continue; // already stopped, or evicted from memory at once
                if (v.mechanism == PreemptMechanism.CHECKPOINT) return false;
                if (v.mechanism != PreemptMechanism.SUSPEND && graceSeconds.applyAsLong(v.job) > 0) return false;
            }
            return true;
        }
    }

    private final PreemptionRules rules;

    VictimPlanner(PreemptionRules rules) {
        this.rules = rules;
    }

    /** Orders candidates by the rules' victim order (ties: lower node, then lower job index). */
    List<JobView> order(List<JobView> candidates, long now) {
        List<JobView> sorted = new ArrayList<>(candidates);
        Comparator<JobView> tie = Comparator.comparingInt((JobView j) -> firstNode(j)).thenComparingInt(JobView::index);
        Comparator<JobView> by = switch (rules.victimOrder()) {
            case YOUNGEST_FIRST -> Comparator.comparingLong((JobView j) -> -Math.max(0, j.segmentStart()));
            case LEAST_WORK_LOST -> Comparator.comparingLong((JobView j) -> workAtRisk(j, now));
            case LARGEST_FIRST, FEWEST_VICTIMS -> Comparator.comparingInt((JobView j) -> -j.spec().procs());
        };
        sorted.sort(by.thenComparing(tie));
        return sorted;
    }

    private static int firstNode(JobView j) {
        int[] nodes = j.placement() == null ? null : j.placement().nodes();
        return nodes == null || nodes.length == 0 ? Integer.MAX_VALUE : nodes[0];
    }

    private static long workAtRisk(JobView j, long now) {
        long sinceSave = j.workDone() + Math.max(0, now - j.segmentStart()) - j.savedWork();
        return sinceSave * j.spec().procs();
    }

    /** A plan to fit {@code job} on {@code free} by preempting some of the ordered candidates, or null. */
    Plan plan(JobView job, List<JobView> ordered, Capacity free, java.util.function.Function<JobView, Placement> held) {
        return plan(job, ordered, free, held, c -> c);
    }

    /**
     * As {@link #plan(JobView, List, Capacity, java.util.function.Function)}, where {@code usable} takes
     * from a capacity what the job may use (the nodes reservations keep from it).
     */
    Plan plan(JobView job, List<JobView> ordered, Capacity free, java.util.function.Function<JobView, Placement> held,
            java.util.function.UnaryOperator<Capacity> usable) {
        if (ordered.isEmpty()) return null;
        int levels = 0;
        Capacity most = free.copy(); // every candidate gone as far as its chain lets it go: no level frees more
        for (JobView v : ordered) {
            List<PreemptMechanism> chain = rules.chainFor(v);
            levels = Math.max(levels, chain.size());
            PreemptMechanism furthest = furthest(chain, v);
            if (furthest != null) release(most, v, furthest, held);
        }
        // a job that does not fit there fits at no level (more free room never makes a placement fail): no
        // level-by-level, victim-by-victim search (issue 16: most plans of a busy owner pool find nothing)
        if (usable.apply(most).place(job.spec()) == null) return null;
        if (rules.victimOrder() == VictimOrder.FEWEST_VICTIMS) {
            Plan single = singleVictim(job, ordered, free, levels, held, usable);
            if (single != null) return single;
        }
        for (int level = 0; level < levels; level++) {
            Capacity scratch = free.copy();
            List<Victim> chosen = new ArrayList<>();
            for (JobView v : ordered) {
                Victim victim = mechanismAt(v, level);
                if (victim == null) continue;
                release(scratch, victim, held);
                chosen.add(victim);
                Placement p = usable.apply(scratch).place(job.spec());
                if (p != null) return new Plan(needed(chosen, p), p);
            }
        }
        return null;
    }

    private Plan singleVictim(JobView job, List<JobView> ordered, Capacity free, int levels,
            java.util.function.Function<JobView, Placement> held, java.util.function.UnaryOperator<Capacity> usable) {
        for (int level = 0; level < levels; level++) {
            for (int i = ordered.size() - 1; i >= 0; i--) { // smallest first
                Victim victim = mechanismAt(ordered.get(i), level);
                if (victim == null) continue;
                Capacity scratch = free.copy();
                release(scratch, victim, held);
                Placement p = usable.apply(scratch).place(job.spec());
                if (p != null) return new Plan(List.of(victim), p);
            }
        }
        return null;
    }

    /**
     * Of the victim's applicable mechanisms, one that frees the most: any but suspend (they all free its cores
     * and memory), else suspend (its cores); null if none applies.
     */
    private static PreemptMechanism furthest(List<PreemptMechanism> chain, JobView v) {
        PreemptMechanism found = null;
        for (PreemptMechanism m : chain) {
            if (!applicable(m, v)) continue;
            if (m != PreemptMechanism.SUSPEND) return m;
            found = m;
        }
        return found;
    }

    /** The victim's mechanism at escalation level {@code level}: the first applicable at or after it. */
    private Victim mechanismAt(JobView v, int level) {
        List<PreemptMechanism> chain = rules.chainFor(v);
        PreemptMechanism first = null;
        for (int i = 0; i < chain.size(); i++) {
            PreemptMechanism m = chain.get(i);
            if (!applicable(m, v)) continue;
            if (first == null) first = m;
            if (i >= level) return new Victim(v, m, first);
        }
        return null;
    }

    static boolean applicable(PreemptMechanism m, JobView v) {
        return switch (m) {
            case SUSPEND, KILL -> true;
            case CHECKPOINT -> v.spec().checkpointable();
            case REQUEUE -> v.spec().rerunnable();
        };
    }

    /**
     * Frees on the scratch what preempting the victim frees. A job already suspended gives up the
     * cores held for its resume (suspend: it stays suspended) and, evicted, its memory too.
     */
    private static void release(Capacity scratch, Victim v, java.util.function.Function<JobView, Placement> held) {
        release(scratch, v.job, v.mechanism, held);
    }

    private static void release(Capacity scratch, JobView job, PreemptMechanism mechanism,
            java.util.function.Function<JobView, Placement> held) {
        if (job.state() == JobState.SUSPENDED) {
            Placement cores = held.apply(job);
            if (cores != null) scratch.releaseCores(cores);
            if (mechanism != PreemptMechanism.SUSPEND) scratch.releaseMemory(job.placement());
        } else if (mechanism == PreemptMechanism.SUSPEND) scratch.releaseCores(job.placement());
        else scratch.release(job.placement());
    }

    /** Drops victims whose nodes the placement does not use (node mode; processor mode keeps all). */
    private static List<Victim> needed(List<Victim> chosen, Placement p) {
        if (!p.isConcrete()) return chosen;
        List<Victim> kept = new ArrayList<>();
        for (Victim v : chosen) {
            for (int node : p.nodes()) {
                if (v.job.placement().uses(node)) {
                    kept.add(v);
                    break;
                }
            }
        }
        return kept;
    }
}
