package org.preemptlab.preempt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.Placement;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reason;
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
 */
public final class PreemptingScheduler implements SchedulingPolicy {

    private final SchedulingPolicy base;
    private final PreemptionRules rules;
    private final VictimPlanner planner;

    public PreemptingScheduler(SchedulingPolicy base, PreemptionRules rules) {
        this.base = base;
        this.rules = rules;
        this.planner = new VictimPlanner(rules);
    }

    @Override
    public String name() {
        return base.name() + "+preempt";
    }

    @Override
    public int tierOf(JobSpec job) {
        return rules.tierOf(job.qos());
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        List<Decision> decisions = new ArrayList<>(base.schedule(s));
        if (!rules.enabled()) return decisions;
        Capacity free = s.freeCapacity();
        Set<Integer> started = new HashSet<>();
        for (Decision d : decisions) {
            if (d instanceof Decision.Start st) {
                free.take(st.placement());
                started.add(st.job().index());
            }
        }
        Capacity inFlight = null;
        Set<Integer> victims = new HashSet<>();
        long wakeAt = Long.MAX_VALUE;
        for (JobView waiting : s.queue()) {
            if (started.contains(waiting.index()) || free.place(waiting.spec()) != null) continue;
            wakeAt = Math.min(wakeAt, exemptUntil(s, waiting, victims));
            List<JobView> candidates = candidates(s, waiting, victims);
            if (candidates.isEmpty()) continue;
            if (inFlight == null) inFlight = withInFlightReleases(s, free);
            if (inFlight.place(waiting.spec()) != null) continue; // room is already being made
            VictimPlanner.Plan plan = planner.plan(waiting, planner.order(candidates, s.now()), free);
            if (plan == null) continue;
            for (VictimPlanner.Victim v : plan.victims()) {
                victims.add(v.job().index());
                decisions.add(new Decision.Preempt(v.job(), v.mechanism(), waiting, reason(s, v, waiting)));
                if (v.mechanism() == PreemptMechanism.SUSPEND) free.releaseCores(v.job().placement());
                else if (plan.immediate(s.preemptionSettings().graceSeconds())) free.release(v.job().placement());
                else inFlight.release(v.job().placement());
            }
            if (plan.immediate(s.preemptionSettings().graceSeconds())) {
                Placement p = free.place(waiting.spec());
                if (p != null) {
                    free.take(p);
                    started.add(waiting.index());
                    decisions.add(new Decision.Start(waiting, p, Reason.of("job " + waiting.name()
                            + " started on the resources its preemption freed")));
                }
            }
        }
        if (wakeAt != Long.MAX_VALUE) {
            decisions.add(new Decision.CallAt(wakeAt, Reason.of("a job becomes preemptable (PreemptExemptTime over)")));
        }
        return decisions;
    }

    /** When the first job this one could preempt, but for PreemptExemptTime, becomes preemptable. */
    private long exemptUntil(Snapshot s, JobView waiting, Set<Integer> taken) {
        long earliest = Long.MAX_VALUE;
        if (rules.exemptSeconds() == 0) return earliest;
        int tier = rules.tierOf(waiting.spec().qos());
        for (JobView r : s.running()) {
            if (r.state() != JobState.RUNNING || taken.contains(r.index())) continue;
            long eligible = r.segmentStart() + rules.exemptSeconds();
            if (eligible <= s.now()) continue;
            boolean byOwner = rules.ownerPreemption() && borrowsPoolOwnedBy(s, r, waiting.spec());
            boolean byTier = rules.qosPreemption() && rules.tierOf(r.spec().qos()) < tier;
            if (byOwner || byTier) earliest = Math.min(earliest, eligible);
        }
        return earliest;
    }

    /** Running jobs {@code waiting} may preempt now. */
    private List<JobView> candidates(Snapshot s, JobView waiting, Set<Integer> taken) {
        List<JobView> out = new ArrayList<>();
        int tier = rules.tierOf(waiting.spec().qos());
        for (JobView r : s.running()) {
            if (r.state() != JobState.RUNNING || taken.contains(r.index())) continue;
            if (s.now() - r.segmentStart() < rules.exemptSeconds()) continue;
            boolean byOwner = rules.ownerPreemption() && borrowsPoolOwnedBy(s, r, waiting.spec());
            boolean byTier = rules.qosPreemption() && rules.tierOf(r.spec().qos()) < tier;
            if (byOwner || byTier) out.add(r);
        }
        return out;
    }

    private static boolean borrowsPoolOwnedBy(Snapshot s, JobView victim, JobSpec owner) {
        if (!(s.cluster() instanceof NodeCluster nc) || victim.placement().pool() < 0) return false;
        var pool = nc.pools().get(victim.placement().pool());
        return pool.isOwnedBy(owner) && !pool.isOwnedBy(victim.spec()) && pool.admits(owner);
    }

    private static Capacity withInFlightReleases(Snapshot s, Capacity free) {
        Capacity c = free.copy();
        for (JobView r : s.running()) {
            if (r.state() == JobState.CHECKPOINTING || r.state() == JobState.STOPPING) c.release(r.placement());
        }
        return c;
    }

    private Reason reason(Snapshot s, VictimPlanner.Victim v, JobView forJob) {
        if (v.mechanism() != v.firstChoice() && v.firstChoice() == PreemptMechanism.SUSPEND) {
            return new PreemptReason.Escalated(v.job().name(), v.mechanism(), forJob.name(), v.firstChoice());
        }
        if (rules.ownerPreemption() && borrowsPoolOwnedBy(s, v.job(), forJob.spec())) {
            String pool = ((NodeCluster) s.cluster()).pools().get(v.job().placement().pool()).name();
            return new PreemptReason.OwnerReclaims(v.job().name(), v.mechanism(), forJob.name(), pool);
        }
        return new PreemptReason.HigherTier(v.job().name(), v.mechanism(), forJob.name(), forJob.spec().qos(),
                v.job().spec().qos());
    }
}
