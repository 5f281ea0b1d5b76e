package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptMechanism;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.alloc.NodeCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.Reservations;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;

/**
 * Owner-pool and QOS-tier preemption on top of any scheduler (Slurm's preempt/partition_prio and
 * preempt/qos): after the base scheduler's pass, each waiting job that still does not fit looks
 * for victims it may preempt — borrowers on pools its group owns, or jobs of a lower QOS tier —
 * that have run at least PreemptExemptTime, and preempts them by their escalation chain. If the
 * victims free their resources at once (suspend, or a kill without grace time) the job starts in
 * the same pass; otherwise it waits at its tier's place in the queue until the checkpoint or the
 * grace time is over, and nobody else is preempted for it meanwhile.
 *
 * <p>The policy keeps nothing of the engine's state between passes (only each job's tier and owned
 * pools, read once from its specification: {@link JobRanks}): what room is being made for whom is engine state,
 * asked for with {@link Decision.Promise} and {@link Decision.Hold} (and {@link Decision.Preempt}'s
 * {@code forJob}) and read back from {@link Snapshot#promised()} and {@link Snapshot#heldFor}.
 */
public final class PreemptingScheduler implements SchedulingPolicy {

    private final SchedulingPolicy base;
    private final PreemptionRules rules;
    private final VictimPlanner planner;
    /** Each job's tier and owned pools, resolved once from its specification (not engine state). */
    private final JobRanks ranks;

    public PreemptingScheduler(SchedulingPolicy base, PreemptionRules rules) {
        this.base = base;
        this.rules = rules;
        this.planner = new VictimPlanner(rules);
        this.ranks = new JobRanks(rules);
    }

    @Override
    public String name() {
        return base.name() + "+preempt";
    }

    @Override
    public int tierOf(JobSpec job) {
        return ranks.tierOf(job);
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        if (!rules.enabled()) return base.schedule(s);
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        Set<Integer> started = new HashSet<>();
        Set<Integer> consumed = new HashSet<>(); // suspended jobs whose held cores a promised job took this pass
        // jobs room is being made for → where they will go: the engine's promises, as this pass changes them
        Map<Integer, Placement> promised = new LinkedHashMap<>(s.promised());
        startPromised(s, promised, free, started, decisions, consumed);
        PreemptorClasses classes = new PreemptorClasses(s, rules, planner, ranks);
        startOwnersOnTheirPools(s, classes, promised, free, started, decisions);
        List<Decision> baseDecisions = promised.isEmpty() && started.isEmpty() ? base.schedule(s)
                : base.schedule(new PromisedSnapshot(s, free, hiddenFromBase(started, promised), promised.values(), consumed));
        Set<Integer> victims = new HashSet<>(consumed);
        for (Decision d : baseDecisions) {
            if (d instanceof Decision.Start st) {
                free.take(st.placement());
                started.add(st.job().index());
            } else if (d instanceof Decision.Preempt p) {
                victims.add(p.victim().index()); // the base scheduler's own victims are not ours to take again
                freedAtOnce(p, free, s.preemptionSettings().graceSeconds());
            }
            decisions.add(d);
        }
        Capacity pending = free.copy();
        for (Placement p : promised.values()) PromisedSnapshot.hold(pending, p);
        long wakeAt = Long.MAX_VALUE;
        for (JobView waiting : classes.contenders()) {
            // cheapest first: whom it may preempt is found (a walk of the running jobs per class) only for a job that does not fit
            if (!classes.mayPreemptAnyone(waiting)) continue; // nothing to do for it, whether it fits or not
            if (startedOrPromised(waiting, started, promised)) continue;
            if (usable(s, free, waiting).place(waiting.spec()) != null) continue; // the base scheduler chose to let it wait
            if (classes.preemptsNobody(waiting)) continue;
            wakeAt = Math.min(wakeAt, exemptUntil(classes, waiting, victims));
            List<JobView> ordered = classes.orderedCandidates(waiting, victims);
            if (ordered.isEmpty()) continue;
            VictimPlanner.Plan plan = planner.plan(waiting, ordered, pending, s::heldCores, c -> usable(s, c, waiting));
            if (plan == null) continue;
            long settingsGrace = s.preemptionSettings().graceSeconds();
            boolean immediate = plan.immediate(v -> rules.graceSeconds(v, settingsGrace));
            List<Decision> holds = new ArrayList<>(); // suspended victims kept for it, if it has to wait
            for (VictimPlanner.Victim v : plan.victims()) {
                victims.add(v.job().index());
                preemptVictim(s, v, waiting, immediate, free, pending, decisions, holds);
            }
            pending.take(plan.placement());
            if (immediate && isFree(free, plan.placement())) {
                free.take(plan.placement());
                started.add(waiting.index());
                decisions.add(new Decision.Start(waiting, plan.placement(), Reason.of(Reason.job(waiting.name())
                        + " started on the resources its preemption freed")));
            } else {
                promised.put(waiting.index(), plan.placement());
                decisions.addAll(holds);
                decisions.add(new Decision.Promise(waiting, plan.placement(), Reason.of(Reason.job(waiting.name())
                        + " starts here once the jobs preempted for it have left")));
            }
        }
        if (wakeAt != Long.MAX_VALUE) {
            decisions.add(new Decision.CallAt(wakeAt, Reason.of("a job becomes preemptable (PreemptExemptTime over)")));
        }
        return decisions;
    }

    /**
     * Emits the preemption of one victim and frees, on the scratch capacities, what it gives up:
     * {@code free} = what is free this pass, {@code pending} = what will be free once room is made.
     * A job already suspended stays suspended (its held cores go to the preemptor: if that one has to
     * wait, {@code holds} gets the decision that keeps them for it) or is evicted from its memory too.
     */
    private void preemptVictim(Snapshot s, VictimPlanner.Victim v, JobView forJob, boolean immediate, Capacity free,
            Capacity pending, List<Decision> decisions, List<Decision> holds) {
        Placement p = v.job().placement();
        if (v.job().state() == JobState.SUSPENDED) {
            Placement cores = s.heldCores(v.job());
            if (cores != null) {
                free.releaseCores(cores);
                pending.releaseCores(cores);
            }
            if (v.mechanism() == PreemptMechanism.SUSPEND) {
                holds.add(new Decision.Hold(v.job(), forJob, reason(s, v, forJob)));
                return;
            }
            decisions.add(new Decision.Preempt(v.job(), v.mechanism(), forJob, reason(s, v, forJob)));
            free.releaseMemory(p);
            pending.releaseMemory(p);
            return;
        }
        decisions.add(new Decision.Preempt(v.job(), v.mechanism(), forJob, reason(s, v, forJob)));
        if (v.mechanism() == PreemptMechanism.SUSPEND) { // the engine holds it for forJob
            free.releaseCores(p);
            pending.releaseCores(p);
        } else {
            if (immediate) free.release(p);
            pending.release(p);
        }
    }

    /** What a base scheduler's own preemption frees at once (its starts in the same pass rely on it). */
    private static void freedAtOnce(Decision.Preempt p, Capacity free, long graceSeconds) {
        if (p.victim().state() != JobState.RUNNING) return;
        if (p.mechanism() == PreemptMechanism.SUSPEND) {
            free.releaseCores(p.victim().placement());
        } else if (p.mechanism() != PreemptMechanism.CHECKPOINT && graceSeconds == 0) {
            free.release(p.victim().placement());
        }
    }

    /** What the job may use if it starts now: the reservations' rule, the same for every scheduler. */
    private static Capacity usable(Snapshot s, Capacity c, JobView job) {
        return Reservations.usable(c, s.reservations(), job.spec(), s.now(), s.now() + job.requestedWalltime());
    }

    private static boolean isFree(Capacity free, Placement p) {
        try {
            free.copy().take(p);
            return true;
        } catch (IllegalStateException taken) {
            return false;
        }
    }

    /** Owners' jobs go to their group's pools ahead of everybody else waiting (the pools are theirs). */
    private void startOwnersOnTheirPools(Snapshot s, PreemptorClasses classes, Map<Integer, Placement> promised,
            Capacity free, Set<Integer> started, List<Decision> decisions) {
        if (!rules.ownerPreemption() || !(s.cluster() instanceof NodeCluster)) return;
        // what is free and not promised: made once, and kept in step with free below (a start here never
        // lands on a promised node, which avail shows as full)
        Capacity avail = free;
        if (!promised.isEmpty()) {
            avail = free.copy();
            for (Placement p : promised.values()) PromisedSnapshot.hold(avail, p);
        }
        boolean masks = ranks.classified();
        for (JobView waiting : classes.contenders()) { // every owner's job among them, in queue order
            if (masks && ranks.ownsUsable(waiting) == 0) continue; // owns no pool it may use: not an owner's job here
            if (startedOrPromised(waiting, started, promised)) continue;
            Placement own = onOwnPool(s, usable(s, avail, waiting), waiting);
            if (own == null) continue;
            free.take(own);
            if (avail != free) avail.take(own);
            started.add(waiting.index());
            decisions.add(new Decision.Start(waiting, own, Reason.of("owner job " + waiting.name()
                    + " started on its group's own pool, ahead of borrowers waiting in the queue")));
        }
    }

    /** With owner preemption, an owner's job that fits on a pool its group owns may go there at once. */
    private Placement onOwnPool(Snapshot s, Capacity free, JobView waiting) {
        if (!rules.ownerPreemption() || !(s.cluster() instanceof NodeCluster nc) || !(free instanceof NodeCapacity nodes)) {
            return null;
        }
        JobSpec job = waiting.spec();
        if (ranks.classified()) { // the pools it owns and may use, in pool order, from its mask
            for (long mine = ranks.ownsUsable(waiting); mine != 0; mine &= mine - 1) {
                Placement placement = nodes.placeIn(Long.numberOfTrailingZeros(mine), job);
                if (placement != null) return placement;
            }
            return null;
        }
        for (int p = 0; p < nc.pools().size(); p++) {
            NodePool pool = nc.pools().get(p);
            if (!pool.isOwnedBy(job) || !pool.admits(job)) continue;
            Placement placement = nodes.placeIn(p, job);
            if (placement != null) return placement;
        }
        return null;
    }

    /** True if the job was started this pass or is promised a placement (no boxed look-up while both are empty, as mostly). */
    private static boolean startedOrPromised(JobView job, Set<Integer> started, Map<Integer, Placement> promised) {
        return !started.isEmpty() && started.contains(job.index()) || !promised.isEmpty() && promised.containsKey(job.index());
    }

    private static Set<Integer> hiddenFromBase(Set<Integer> started, Map<Integer, Placement> promised) {
        Set<Integer> hidden = new HashSet<>(started);
        hidden.addAll(promised.keySet());
        return hidden;
    }

    /**
     * Starts the jobs room was made for, first, as soon as they fit — on their promised placement, or
     * elsewhere if that is free, never on what is promised to another job.
     */
    private static void startPromised(Snapshot s, Map<Integer, Placement> promised, Capacity free, Set<Integer> started,
            List<Decision> decisions, Set<Integer> consumed) {
        if (promised.isEmpty()) return;
        for (JobView j : s.queue()) {
            Placement mine = promised.get(j.index());
            if (mine == null) continue;
            List<JobView> heldForMe = suspendedFor(s, j);
            Capacity withHeld = free.copy();
            for (JobView v : heldForMe) withHeld.releaseCores(s.heldCores(v));
            Placement p;
            if (isFree(withHeld, mine)) {
                // the cores of the jobs suspended for it are its own: they stay suspended beside it
                for (JobView v : heldForMe) {
                    free.releaseCores(s.heldCores(v));
                    consumed.add(v.index());
                }
                p = mine;
            } else {
                Capacity others = free.copy();
                for (var e : promised.entrySet()) if (e.getKey() != j.index()) PromisedSnapshot.hold(others, e.getValue());
                p = usable(s, others, j).place(j.spec());
                if (p == null) continue;
                heldForMe = List.of();
            }
            free.take(p);
            started.add(j.index());
            promised.remove(j.index());
            decisions.add(new Decision.Start(j, p, Reason.of(Reason.job(j.name())
                    + " started on the resources its preemption freed"
                    + (heldForMe.isEmpty() ? " (the victims have left)" : " (beside the jobs suspended for it)"))));
        }
    }

    /** The suspended jobs that made room for {@code job} and hold cores for it (they stay suspended until it starts). */
    private static List<JobView> suspendedFor(Snapshot s, JobView job) {
        List<JobView> held = new ArrayList<>();
        for (JobView r : s.suspended()) {
            JobView f = s.heldFor(r);
            if (f != null && f.index() == job.index() && s.heldCores(r) != null) held.add(r);
        }
        return held;
    }

    /** When the first job this one could preempt, but for PreemptExemptTime, becomes preemptable. */
    private long exemptUntil(PreemptorClasses classes, JobView waiting, Set<Integer> taken) {
        long earliest = Long.MAX_VALUE;
        if (!rules.anyExempt()) return earliest;
        for (JobView r : classes.exemptCandidates(waiting, taken)) {
            earliest = Math.min(earliest, r.segmentStart() + rules.exemptSeconds(r.spec()));
        }
        return earliest;
    }

    private static NodePool poolOf(Snapshot s, JobView job) {
        if (!(s.cluster() instanceof NodeCluster nc) || job.placement() == null || job.placement().pool() < 0) return null;
        return nc.pools().get(job.placement().pool());
    }

    private Reason reason(Snapshot s, VictimPlanner.Victim v, JobView forJob) {
        if (rules.slurm() != null) {
            return new PreemptReason.SlurmRule(v.job().name(), v.mechanism(), forJob.name(),
                    rules.slurm().rule(forJob.spec(), v.job().spec(), poolOf(s, v.job())));
        }
        if (v.mechanism() != v.firstChoice() && v.firstChoice() == PreemptMechanism.SUSPEND) {
            return new PreemptReason.Escalated(v.job().name(), v.mechanism(), forJob.name(), v.firstChoice());
        }
        if (rules.reclaims(forJob.spec(), v.job().spec(), poolOf(s, v.job()))) {
            String pool = ((NodeCluster) s.cluster()).pools().get(v.job().placement().pool()).name();
            return new PreemptReason.OwnerReclaims(v.job().name(), v.mechanism(), forJob.name(), pool);
        }
        return new PreemptReason.HigherTier(v.job().name(), v.mechanism(), forJob.name(), forJob.spec().qos(),
                v.job().spec().qos());
    }
}
