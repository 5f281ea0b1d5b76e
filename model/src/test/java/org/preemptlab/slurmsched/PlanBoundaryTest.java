package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.sched.AvailabilityProfile;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * A backfilled job whose end is the instant a plan begins may not use the plan's nodes: Slurm 22.05's
 * {@code _attempt_backfill} takes out of the job's usable nodes every {@code node_space} record with
 * {@code begin_time <= end_time} (end_time = start + limit), the end's instant included. Hand-worked from the real run of
 * 2026-12-07 08:47 UTC (fixture {@code full-log-run4}; t = seconds after the first submit, 08:48:06): the backfill cycle of
 * 08:49:40.151 (t = 94) planned 33 (cpu, 3 CPUs) on c5 at 08:51:40 (214), 20 (cpu, 2 × 4 CPUs) on c[1-2] at 214 and 30
 * (gpu, 4 CPUs, 2 GPUs) on g2 at 08:52:15 (249), then started 36 (all, 1 × 2 CPUs, 2 min: end_time 214) <b>on g3</b>, not on
 * c5 (both had 2 CPUs free; c5 comes first in the partition's node order, and the select picks it when nothing holds it).
 */
class PlanBoundaryTest {

    private NodeCluster cluster;
    private TresCapacity free;
    private final List<Long> ends = new ArrayList<>();
    private final List<Placement> held = new ArrayList<>();

    private static JobSpec job(int id, String part, int nodes, int cpus, long memPerNode, long limit, int gpus) {
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(List.of(part))
                .gresPerNode(gpus == 0 ? List.of() : List.of(new Gres("gpu", "", gpus))).build();
        return new JobSpec(id, "j" + id, 0, nodes, cpus, memPerNode, limit, limit, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }

    private int node(String name) {
        for (int n = 0; n < cluster.nodeCount(); n++) if (cluster.nodeName(n).equals(name)) return n;
        throw new IllegalArgumentException(name);
    }

    private Placement on(String part, String nodes, int cpusPerNode, long memPerNode, int gpus) {
        int[] at = Arrays.stream(nodes.split(",")).mapToInt(this::node).toArray();
        return Placement.ofTres(cluster.poolOf(at[0]), at, cpusPerNode, memPerNode, new long[] {gpus},
                cluster.site().partitionIndex(part), false);
    }

    private void running(String part, String nodes, int cpusPerNode, long memPerNode, int gpus, long start, long limit) {
        Placement p = on(part, nodes, cpusPerNode, memPerNode, gpus);
        free.take(p);
        held.add(p);
        ends.add(start + limit);
    }

    /** The running jobs of run 4 at t = 94, before 36 (sacct: nodes, CPUs, memory per node, start; end = start + Timelimit). */
    private TresStepProfile run4At94(Path dir) throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, String.join("\n",
                "ClusterName=t", "SlurmctldHost=localhost", "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core_Memory",
                "GresTypes=gpu",
                "NodeName=c[1-5] CPUs=4 RealMemory=8000 State=UNKNOWN",
                "NodeName=g[1-3] CPUs=8 RealMemory=16000 Gres=gpu:t4:2 State=UNKNOWN",
                "PartitionName=cpu Nodes=c[1-5] Default=YES MaxTime=10 State=UP",
                "PartitionName=gpu Nodes=g[1-3] MaxTime=10 State=UP",
                "PartitionName=all Nodes=c[1-5],g[1-3] MaxTime=10 State=UP", ""));
        cluster = SiteMapping.cluster(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)));
        free = ((TresCapacity) Capacity.of(cluster)).withSlurmSelection();
        running("cpu", "c4", 1, 2500, 0, 32, 180); // 12
        running("all", "c3,c5,g3", 1, 500, 0, 34, 180); // 13_0
        running("all", "c3,c5,g3", 1, 500, 0, 34, 180); // 13_1
        running("all", "g3", 4, 2000, 0, 52, 240); // 22
        running("gpu", "g1", 2, 2000, 1, 66, 180); // 27
        running("gpu", "g2", 6, 6000, 0, 69, 180); // 16
        running("cpu", "c1,c2", 4, 1000, 0, 78, 120); // 18
        running("cpu", "c3", 1, 1500, 0, 79, 120); // 31
        running("gpu", "g1", 4, 4000, 0, 84, 240); // 24
        running("all", "g1,g2", 1, 500, 0, 88, 180); // 35
        running("cpu", "c4", 3, 1500, 0, 92, 180); // 34
        TresStepProfile p = TresStepProfile.ofReleases(94, free.copy(), ends.stream().mapToLong(Long::longValue).toArray(),
                held.toArray(new Placement[0]));
        // the cycle's own-resource plans, as the policy books them (from the planned start to its end rounded down to 10 s)
        p.book(on("cpu", "c5", 3, 2500, 0), 214, 390); // 33
        p.book(on("cpu", "c1,c2", 4, 2000, 0), 214, 330); // 20
        p.book(on("gpu", "g2", 4, 4000, 2), 249, 360); // 30
        return p;
    }

    private String fit(TresStepProfile p, JobSpec job, long duration) {
        AvailabilityProfile.Slot s = p.earliestFit(job, 94, duration);
        return s.start() + " " + Arrays.stream(s.placement().nodes()).mapToObj(cluster::nodeName).toList();
    }

    @Test
    void job36GoesToG3BecauseC5sPlanBeginsAtItsEnd(@TempDir Path dir) throws Exception {
        TresStepProfile p = run4At94(dir);
        JobSpec j36 = job(36, "all", 1, 2, 1000, 120, 0);
        // over [94, 214) c5 and g3 both keep 2 CPUs free: the select takes the first, c5 (the model before)
        assertThat(fit(p, j36, 120)).isEqualTo("94 [c5]");
        // with the end's instant (214): 33's plan leaves c5 1 CPU there, g3 has 4 (13_0, 13_1 end at 214): g3, as Slurm
        assertThat(fit(p, j36, SlurmSchedulerPolicy.inclusiveEnd(120))).isEqualTo("94 [g3]");
    }
}
