package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.partition.Partition;
import org.preemptlab.preempt.PreemptReason;
import org.preemptlab.preempt.PreemptingScheduler;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.preempt.SlurmPreemption;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.site.PreemptType;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/**
 * Random Slurm (version-2) clusters of {@link SlurmRunProperties} with preempt/qos or
 * preempt/partition_prio, random QOS Preempt lists, PreemptModes, GraceTime and PreemptExemptTime.
 * Checked against an oracle recomputed from the segments and the site: no node over its CPUs,
 * memory or GRES (a suspended job keeps its memory and GRES; a job in grace time or writing a
 * checkpoint keeps everything), no QOS per-user limit exceeded, and every preemption made by a job
 * allowed to make it — its QOS lists the victim's (qos), or its tier on a node group of the victim
 * is higher (partition_prio) — with the victim's mode, after the victim's PreemptExemptTime.
 */
class SlurmPreemptionProperties {

    static final List<PreemptMode> MODES = List.of(PreemptMode.CLUSTER, PreemptMode.OFF, PreemptMode.CANCEL,
            PreemptMode.REQUEUE, PreemptMode.SUSPEND, PreemptMode.CHECKPOINT);

    /** The segments in which a job holds resources on its nodes (LOST marks work, not a placement). */
    static final Set<SegmentKind> HOLDING = java.util.EnumSet.of(SegmentKind.RUNNING, SegmentKind.RESTARTING,
            SegmentKind.SUSPENDED, SegmentKind.CHECKPOINTING, SegmentKind.STOPPING);

    record Case(NodeCluster cluster, List<JobSpec> jobs, long maxJobsPerUser) {}

    static Case generate(long seed) {
        SlurmRunProperties.Case base = SlurmRunProperties.generate(seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eed);
        Site site0 = base.cluster().site();
        LimitSet limits = LimitSet.NONE.withMaxJobsPerUser(base.maxJobsPerUser());
        List<String> names = List.of("low", "normal", "high");
        QosTable.Builder qb = QosTable.builder();
        for (int i = 0; i < names.size(); i++) {
            Set<String> preempt = new java.util.TreeSet<>();
            for (int k = 0; k < i; k++) if (rnd.nextInt(3) > 0) preempt.add(names.get(k));
            PreemptMode mode = MODES.get(rnd.nextInt(MODES.size()));
            long grace = rnd.nextInt(3) == 0 ? 60L * rnd.nextInt(10) : 0;
            long exempt = rnd.nextInt(3) == 0 ? 60L * rnd.nextInt(20) : -1;
            qb.add(new Qos(names.get(i), 10 * i, preempt, mode, grace, exempt, 1.0, limits));
        }
        List<Partition> parts = new ArrayList<>();
        for (Partition p : site0.partitions()) {
            parts.add(p.toBuilder().priorityTier(1 + rnd.nextInt(3))
                    .preemptMode(rnd.nextBoolean() ? null : MODES.get(1 + rnd.nextInt(MODES.size() - 1))).build());
        }
        PreemptMode cluster = List.of(PreemptMode.CANCEL, PreemptMode.REQUEUE, PreemptMode.SUSPEND, PreemptMode.CHECKPOINT)
                .get(rnd.nextInt(4));
        Site site = site0.toBuilder().qos(qb.build()).partitions(parts)
                .preemptType(rnd.nextBoolean() ? PreemptType.QOS : PreemptType.PARTITION_PRIO).preemptMode(cluster).build();
        List<JobSpec> jobs = new ArrayList<>();
        for (JobSpec j : base.jobs()) {
            jobs.add(j.toBuilder().qos(names.get(rnd.nextInt(3))).rerunnable(rnd.nextInt(4) > 0).checkpointable(rnd.nextBoolean()).build());
        }
        return new Case(base.cluster().withSite(site), jobs, base.maxJobsPerUser());
    }

    static PreemptMode modeOf(Site site, JobSpec victim, String runningPartition) {
        PreemptMode m = PreemptMode.CLUSTER;
        if (site.preemptType() == PreemptType.QOS) {
            m = site.qos().get(victim.qos()).preemptMode();
        } else {
            Partition p = site.partition(runningPartition);
            if (p != null && p.preemptMode() != null) m = p.preemptMode();
        }
        return m == PreemptMode.CLUSTER ? site.preemptMode() : m;
    }

    static int tierOn(Site site, JobSpec job, String group) {
        List<String> parts = job.slurm().partitions().isEmpty() ? List.of(site.defaultPartition().name()) : job.slurm().partitions();
        int best = -1;
        for (String n : parts) {
            Partition p = site.partition(n);
            if (p.groups().contains(group)) best = Math.max(best, p.priorityTier());
        }
        return best;
    }

    @Property(tries = 120, seed = "20261206")
    void noCapacityOrLimitExceededAndOnlyAllowedJobsPreempt(@ForAll long seed) {
        Case c = generate(seed);
        NodeCluster cluster = c.cluster();
        Site site = cluster.site();
        PreemptionRules rules = PreemptionRules.NONE.withSlurm(SlurmPreemption.of(site));
        SimulationResult r = new Simulation(SimulationConfig.of(cluster, c.jobs(), new PreemptingScheduler(new EasyBackfillPolicy(),
                rules), true)).run();
        for (JobRun j : r.jobs()) assertThat(j.state().isTerminal()).as(j.name() + " ended").isTrue();
        Map<String, JobRun> byName = SlurmSamplesTest.byName(r);

        List<Segment> segs = r.timeline().segments().stream().filter(s -> s.end() > s.start() && HOLDING.contains(s.kind())).toList();
        for (Segment at : segs) {
            long t = at.start();
            Map<Integer, long[]> use = new HashMap<>();
            Map<String, Integer> perUserQos = new HashMap<>();
            for (Segment s : segs) {
                if (s.start() > t || s.end() <= t) continue;
                JobSpec spec = r.job(s.job()).spec();
                boolean suspended = s.kind() == SegmentKind.SUSPENDED;
                if (s.kind() == SegmentKind.RUNNING) perUserQos.merge(spec.slurm().user() + "/" + spec.qos(), 1, Integer::sum);
                for (int node : s.nodes()) {
                    NodePool g = cluster.pools().get(cluster.poolOf(node));
                    long[] u = use.computeIfAbsent(node, k -> new long[3]);
                    boolean whole = spec.slurm().exclusive() || site.select() == SelectType.LINEAR;
                    long cpus = ((long) spec.coresPerNode() + g.threadsPerCore() - 1) / g.threadsPerCore() * g.threadsPerCore();
                    if (!suspended) u[0] += whole ? g.coresPerNode() : cpus;
                    u[1] += whole ? g.memoryPerNodeMb() : spec.memoryPerNodeMb();
                    long gpus = 0;
                    for (Gres want : spec.slurm().gresOnEachNode(spec.nodes())) gpus += want.count();
                    u[2] += whole ? g.gresCount(new Gres("gpu", "", 1)) : gpus;
                }
            }
            StringBuilder there = new StringBuilder();
            for (Segment s : segs) {
                if (s.start() <= t && s.end() > t) {
                    JobSpec sp = r.job(s.job()).spec();
                    there.append("\n  ").append(sp.name()).append(' ').append(s.kind()).append(' ').append(s.start()).append('-')
                            .append(s.end()).append(" nodes ").append(java.util.Arrays.toString(s.nodes())).append(" cpus ")
                            .append(sp.coresPerNode()).append(" mem ").append(sp.memoryPerNodeMb()).append(" excl ").append(sp.slurm().exclusive());
                }
            }
            use.forEach((node, u) -> {
                NodePool g = cluster.pools().get(cluster.poolOf(node));
                assertThat(u[0]).as("CPUs on " + cluster.nodeName(node) + " at " + t + " (" + site.select() + ", threads " + g.threadsPerCore() + ")" + there).isLessThanOrEqualTo(g.coresPerNode());
                assertThat(u[1]).as("memory on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.memoryPerNodeMb());
                assertThat(u[2]).as("GPUs on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.gresCount(new Gres("gpu", "", 1)));
            });
            if (c.maxJobsPerUser() != LimitSet.UNSET) {
                perUserQos.forEach((u, n) -> assertThat((long) n).as("running jobs of " + u + " at " + t).isLessThanOrEqualTo(c.maxJobsPerUser()));
            }
        }

        // every preemption by a job allowed to make it, with the victim's mode, after its exempt time
        for (LogEntry e : r.timeline().log()) {
            if (e.kind() != LogKind.PREEMPT) continue;
            assertThat(e.reason()).isInstanceOf(PreemptReason.SlurmRule.class);
            PreemptReason.SlurmRule why = (PreemptReason.SlurmRule) e.reason();
            JobSpec victim = byName.get(why.victim()).spec();
            JobSpec preemptor = byName.get(why.job()).spec();
            String group = cluster.pools().get(cluster.poolOf(e.nodes()[0])).name();
            String running = null;
            for (String n : victim.slurm().partitions().isEmpty() ? List.of(site.defaultPartition().name()) : victim.slurm().partitions()) {
                if (site.partition(n).groups().contains(group)) {
                    running = n;
                    break;
                }
            }
            if (site.preemptType() == PreemptType.QOS) {
                assertThat(site.qos().get(preemptor.qos()).preempt()).as(why.text()).contains(victim.qos());
            } else {
                assertThat(tierOn(site, preemptor, group)).as(why.text()).isGreaterThan(tierOn(site, victim, group));
            }
            PreemptMode mode = modeOf(site, victim, running);
            assertThat(mode).as(why.text()).isNotEqualTo(PreemptMode.OFF);
            PreemptMechanism m = why.mechanism();
            if (site.preemptType() == PreemptType.QOS) {
                // the victim's QOS mode (partition_prio: its running partition, which a job listing several may vary)
                switch (mode) {
                    case CANCEL -> assertThat(m).as(why.text()).isEqualTo(PreemptMechanism.KILL);
                    case REQUEUE -> assertThat(m).as(why.text()).isIn(PreemptMechanism.REQUEUE, PreemptMechanism.KILL);
                    case SUSPEND -> assertThat(m).as(why.text()).isEqualTo(PreemptMechanism.SUSPEND);
                    case CHECKPOINT -> assertThat(m).as(why.text()).isIn(PreemptMechanism.CHECKPOINT, PreemptMechanism.KILL);
                    default -> throw new AssertionError(mode);
                }
            }
            Qos vq = site.qos().get(victim.qos());
            if (vq.exemptSeconds() > 0 && m != PreemptMechanism.SUSPEND) {
                long since = -1;
                for (Segment s : segs) {
                    if (s.job() == e.job() && s.kind() == SegmentKind.RUNNING && s.end() == e.time()) since = s.start();
                }
                if (since >= 0) assertThat(e.time() - since).as(why.text() + " after PreemptExemptTime").isGreaterThanOrEqualTo(vq.exemptSeconds());
            }
        }
    }

    /** The generator reaches what the property is about: both PreemptTypes preempt, by every mechanism. */
    @net.jqwik.api.Example
    void theGeneratedCasesPreemptByEveryMechanismUnderBothTypes() {
        Map<PreemptType, Integer> byType = new HashMap<>();
        Set<PreemptMechanism> mechanisms = java.util.EnumSet.noneOf(PreemptMechanism.class);
        for (long seed = 0; seed < 120; seed++) {
            Case c = generate(seed);
            Site site = c.cluster().site();
            SimulationResult r = new Simulation(SimulationConfig.of(c.cluster(), c.jobs(), new PreemptingScheduler(
                    new EasyBackfillPolicy(), PreemptionRules.NONE.withSlurm(SlurmPreemption.of(site))), true)).run();
            for (LogEntry e : r.timeline().log()) {
                if (e.kind() != LogKind.PREEMPT) continue;
                byType.merge(site.preemptType(), 1, Integer::sum);
                mechanisms.add(((PreemptReason.SlurmRule) e.reason()).mechanism());
            }
        }
        assertThat(byType.getOrDefault(PreemptType.QOS, 0)).isGreaterThan(10);
        assertThat(byType.getOrDefault(PreemptType.PARTITION_PRIO, 0)).isGreaterThan(10);
        assertThat(mechanisms).containsExactlyInAnyOrder(PreemptMechanism.values());
    }
}
