package org.preemptlab.scenario;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.site.PreemptType;
import org.preemptlab.site.Site;

/**
 * Where a run of a Slurm (version-2) scenario simplifies Slurm, said before it runs (the CLI
 * prints these on stderr). Only what applies to this scenario is listed; none for version 1.
 */
public final class SlurmWarnings {

    private SlurmWarnings() {}

    public static List<String> of(Scenario s) {
        List<String> out = new ArrayList<>();
        if (!(s.cluster() instanceof NodeCluster nc) || nc.site() == null) return out;
        Site site = nc.site();
        out.add("Slurm model: the scenario's scheduler (" + s.scheduler().name() + ") orders and backfills the queue, not"
                + " Slurm's main and backfill loops; a job's nodes lie in one node group and it gets its minimum node count"
                + " (docs/slurm-model.md)");
        if (s.scheduler().kind() == org.preemptlab.sched.SchedulerKind.SLURM) {
            if (s.scheduler().backfillPlans() == org.preemptlab.slurmsched.BackfillPlans.OWN_RESOURCES) {
                out.add("Slurm model: backfill plans: each holds only its job's CPUs, memory and GRES (policy.backfillPlans:"
                        + " own-resources; Slurm's backfill plans whole nodes, the default)");
            } else if (!s.reservations().isEmpty() || !s.maintenance().isEmpty()) {
                // the engine hands the policy every window for the whole run (Snapshot.reservations)
                out.add("Slurm model: backfill plans: with maintenance windows or advance reservations each plan holds only"
                        + " its job's CPUs, memory and GRES; Slurm's whole-node plans (the default) apply without them");
            }
        }
        boolean range = false, untyped = false, gpusPerJob = false;
        for (JobSpec j : s.jobs()) {
            SlurmRequest r = j.slurm();
            if (r == null) continue;
            range |= r.maxNodes() > j.nodes();
            for (Gres g : r.gresPerNode()) untyped |= !g.typed();
            gpusPerJob |= r.gpusPerJob() > 0;
        }
        if (range) out.add("Slurm model: jobs asking for a node range (-N min-max) get their minimum");
        if (untyped) out.add("Slurm model: an untyped GRES request is served by one GRES type per job");
        if (gpusPerJob) out.add("Slurm model: --gpus is spread evenly over the job's nodes (rounded up per node)");
        for (String w : org.preemptlab.gang.PartitionGang.notModelled(site)) out.add("Slurm model: " + w);
        if (site.preemptType() != PreemptType.NONE) {
            out.add("Slurm model: PreemptType=preempt/" + site.preemptType().label() + " runs on the simulator's preemption"
                    + " (suspend keeps memory held, requeue restarts, cancel ends the job; GraceTime is the victim's "
                    + (site.preemptType() == PreemptType.PARTITION_PRIO ? "partition's" : "QOS's")
                    + ", PreemptExemptTime its QOS's, else the cluster's, and applies to every PreemptMode, not only"
                    + " REQUEUE and CANCEL); preemption happens in the scheduling pass, not when Slurm's main or backfill"
                    + " loop would select nodes" + (site.preemptType() == PreemptType.PARTITION_PRIO
                    ? "; a job listing several partitions preempts and is preempted at its highest tier on a node group" : "")
                    + " (docs/slurm-model.md, \"Preemption\")");
            if (s.rules().enabled()) {
                out.add("Slurm model: the scenario's preemption rules (owner / QOS tiers) are ignored: PreemptType decides"
                        + " who preempts whom; only their PreemptExemptTime is kept for QOS without their own"
                        + (site.preemptExemptSeconds() > 0 ? " (here the cluster's PreemptExemptTime wins)" : ""));
            }
        }
        out.add("Slurm model: a suspended job keeps its TRES counted against limits; a job that can never start is ended"
                + " (FAILED) when nothing else can happen, where Slurm would keep it pending");
        return out;
    }
}
