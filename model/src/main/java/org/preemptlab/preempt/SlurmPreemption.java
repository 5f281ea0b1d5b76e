package org.preemptlab.preempt;

import java.util.List;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.Qos;
import org.preemptlab.site.PreemptType;
import org.preemptlab.site.Site;

/**
 * Slurm's {@code PreemptType} of a version-2 site as who-may-preempt-whom for
 * {@link PreemptingScheduler}, and each victim's {@code PreemptMode}, {@code GraceTime} and
 * {@code PreemptExemptTime} (docs/slurm-model.md, "Preemption").
 *
 * <ul>
 *   <li>{@code preempt/qos}: a job may preempt a running or suspended job whose QOS its QOS's
 *       {@code Preempt} list names (not transitively). The victim's QOS {@code PreemptMode} applies,
 *       else the cluster's. The QOS table refuses Preempt loops, so this is a strict order.</li>
 *   <li>{@code preempt/partition_prio}: a job may preempt a job on a node group they share when its
 *       tier there is higher. A job's tier on a node group is the highest {@code PriorityTier}
 *       among its partitions that hold the group (a simplification when a job lists several
 *       partitions and runs in a lower one: it then counts at its best tier). The victim's
 *       partition {@code PreemptMode} applies, else the cluster's.</li>
 * </ul>
 * A mode of {@code OFF} makes a job unpreemptable. The mode maps onto the simulated mechanisms:
 * CANCEL → kill (the engine ends the job for good), REQUEUE → requeue (a job that may not be
 * requeued is cancelled, as Slurm does), SUSPEND → suspend (memory stays held), CHECKPOINT →
 * checkpoint then requeue (cancel if the job cannot checkpoint). {@code GraceTime} is the victim's
 * QOS's under preempt/qos and its partition's under preempt/partition_prio (as Slurm's preempt
 * plugin); {@code PreemptExemptTime} the victim's QOS's, else the cluster's (slurm.conf), else the
 * scenario's preemption section.
 *
 * @param site the site whose settings apply
 */
public record SlurmPreemption(Site site) {

    public SlurmPreemption {
        if (site == null || site.preemptType() == PreemptType.NONE) {
            throw new IllegalArgumentException("slurmPreempt.type: none; a Slurm preemption needs preempt/qos or preempt/partition_prio");
        }
    }

    /** The site's preemption, or null for {@code preempt/none} (or no site). */
    public static SlurmPreemption of(Site site) {
        return site == null || site.preemptType() == PreemptType.NONE ? null : new SlurmPreemption(site);
    }

    /** True if waiting {@code preemptor} may preempt {@code victim}, which runs on {@code pool} (null: unknown). */
    public boolean mayPreempt(JobSpec preemptor, JobView victim, NodePool pool) {
        JobSpec v = victim.spec();
        if (preemptor == v || mode(victim) == PreemptMode.OFF) return false;
        return switch (site.preemptType()) {
            case QOS -> site.qos().canPreempt(preemptor.qos(), v.qos());
            case PARTITION_PRIO -> pool != null && tierOn(preemptor, pool.name()) > tierOn(v, pool.name());
            case NONE -> false;
        };
    }

    /** Why {@code preemptor} may preempt {@code victim} (for the reason shown). */
    String rule(JobSpec preemptor, JobSpec victim, NodePool pool) {
        return switch (site.preemptType()) {
            case QOS -> "QOS " + preemptor.qos() + " lists " + victim.qos() + " in its Preempt list";
            case PARTITION_PRIO -> "PriorityTier " + tierOn(preemptor, pool == null ? "" : pool.name()) + " over "
                    + tierOn(victim, pool == null ? "" : pool.name()) + " on node group " + (pool == null ? "?" : pool.name());
            case NONE -> "";
        };
    }

    /** The victim's PreemptMode: its QOS's (preempt/qos) or its partition's (partition_prio), else the cluster's. */
    public PreemptMode mode(JobView victim) {
        PreemptMode m = PreemptMode.CLUSTER;
        if (site.preemptType() == PreemptType.QOS) {
            Qos q = site.qos().get(victim.spec().qos());
            if (q != null) m = q.preemptMode();
        } else {
            String running = runningPartition(victim);
            Partition p = site.partition(running != null ? running : partitionsOf(victim.spec()).get(0));
            if (p != null && p.preemptMode() != null) m = p.preemptMode();
        }
        return m == PreemptMode.CLUSTER ? site.preemptMode() : m;
    }

    /** The mechanisms tried on {@code victim}, in order (the engine takes the first that applies to the job). */
    public List<PreemptMechanism> chainFor(JobView victim) {
        return switch (mode(victim)) {
            case CANCEL -> List.of(PreemptMechanism.KILL);
            case REQUEUE -> List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL);
            case SUSPEND -> List.of(PreemptMechanism.SUSPEND);
            case CHECKPOINT -> List.of(PreemptMechanism.CHECKPOINT, PreemptMechanism.KILL);
            case OFF, CLUSTER -> List.of();
        };
    }

    /**
     * The victim's GraceTime, s, as Slurm's preempt plugin takes it: under {@code preempt/qos} its
     * QOS's {@code GraceTime}, under {@code preempt/partition_prio} the {@code GraceTime} of the
     * partition it runs in (slurm.conf). Slurm gives it only to a cancel or requeue (the engine asks
     * only then).
     */
    public long graceSeconds(JobView victim) {
        return graceSeconds(victim.spec(), victim.placement() == null ? -1 : victim.placement().partition());
    }

    /** As {@link #graceSeconds(JobView)} for a job running in partition {@code partitionIndex} (-1: its first). */
    public long graceSeconds(JobSpec victim, int partitionIndex) {
        if (site.preemptType() == PreemptType.PARTITION_PRIO) {
            Partition p = partitionIndex >= 0 && partitionIndex < site.partitions().size() ? site.partitions().get(partitionIndex)
                    : site.partition(partitionsOf(victim).get(0));
            return p == null ? 0 : p.graceSeconds();
        }
        Qos q = site.qos().get(victim.qos());
        return q == null ? 0 : Math.max(0, q.graceSeconds());
    }

    /**
     * The victim's PreemptExemptTime, s: its QOS's when the QOS sets one (it takes precedence), else
     * the cluster's {@code PreemptExemptTime} from slurm.conf when set, else {@code fallback} (the
     * scenario's preemption section).
     */
    public long exemptSeconds(JobSpec victim, long fallback) {
        Qos q = site.qos().get(victim.qos());
        if (q != null && q.exemptSeconds() >= 0) return q.exemptSeconds();
        return site.preemptExemptSeconds() > 0 ? site.preemptExemptSeconds() : fallback;
    }

    /** True if some QOS, or the cluster, sets a PreemptExemptTime. */
    public boolean anyExempt() {
        if (site.preemptExemptSeconds() > 0) return true;
        for (Qos q : site.qos().all()) if (q.exemptSeconds() > 0) return true;
        return false;
    }

    /** The highest PriorityTier among the job's partitions that hold node group {@code group}; -1 if none does. */
    int tierOn(JobSpec job, String group) {
        int best = -1;
        for (String n : partitionsOf(job)) {
            Partition p = site.partition(n);
            if (p != null && p.groups().contains(group)) best = Math.max(best, p.priorityTier());
        }
        return best;
    }

    private List<String> partitionsOf(JobSpec job) {
        SlurmRequest r = job.slurm();
        return r == null || r.partitions().isEmpty() ? List.of(site.defaultPartition().name()) : r.partitions();
    }

    /** The partition the job runs in, as its placement says; null if it names none. */
    private String runningPartition(JobView view) {
        int pi = view.placement() == null ? -1 : view.placement().partition();
        return pi >= 0 && pi < site.partitions().size() ? site.partitions().get(pi).name() : null;
    }
}
