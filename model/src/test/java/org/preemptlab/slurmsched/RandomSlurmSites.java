package org.preemptlab.slurmsched;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.history.SyntheticHistory;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;

/** Random sites and jobs for the whole-node planner's properties (the generated history's slurm.conf and partitions). */
final class RandomSlurmSites {

    private RandomSlurmSites() {
    }

    /** The cluster of {@link SyntheticHistory#slurmConf} with that many CPU and GPU nodes, read as a site. */
    static NodeCluster cluster(int cpuNodes, int gpuNodes) {
        try {
            Path dir = Files.createTempDirectory("slurm-site");
            Path conf = dir.resolve("slurm.conf");
            Files.writeString(conf, SyntheticHistory.slurmConf(cpuNodes, gpuNodes));
            NodeCluster c = SiteMapping.cluster(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)));
            Files.delete(conf);
            Files.delete(dir);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A random job of 1 to {@code maxNodes} nodes (a third of them more than one) in random partitions, some with GPUs,
     * some exclusive; with {@code gridResolution} > 0 half of the limits are multiples of it (the plans' grid).
     */
    static JobSpec job(Random rnd, int id, int maxNodes, long gridResolution) {
        String[] parts = {"cpu", "gpu", "all", "cpu,all", ""};
        String p = parts[rnd.nextInt(parts.length)];
        List<String> list = p.isEmpty() ? List.of() : List.of(p.split(","));
        int nodes = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(maxNodes) : 0);
        int cores = rnd.nextInt(5) == 0 ? 32 : 1 + rnd.nextInt(32);
        long mem = 1000L * (1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 300));
        List<Gres> gres = p.equals("gpu") || rnd.nextInt(8) == 0 ? List.of(new Gres("gpu", "", 1 + rnd.nextInt(4))) : List.of();
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(list).gresPerNode(gres).exclusive(rnd.nextInt(10) == 0).build();
        long est = gridResolution > 0 && rnd.nextBoolean() ? gridResolution * (1 + rnd.nextInt(60))
                : 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000);
        return new JobSpec(id, "j" + id, 0, nodes, cores, mem, est, est, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }
}
