package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.site.Site;

/**
 * The site of a running cluster from what its commands printed: real output of Slurm 22.05
 * (the slurm-local sandbox of sample-clusters/slurm-local, captured while jobs ran and waited),
 * in model/src/test/resources/org/preemptlab/backend/slurm/live-site.
 */
class LiveSiteTest {

    static String fixture(String name) {
        try (var in = LiveSiteTest.class.getResourceAsStream("/org/preemptlab/backend/slurm/live-site/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LiveSite.Texts texts(boolean accounting) {
        return new LiveSite.Texts(fixture("scontrol-show-config.txt"), fixture("scontrol-show-partition.txt"),
                fixture("scontrol-show-node.txt"), accounting ? fixture("sacctmgr-dump.txt") : null,
                accounting ? fixture("sacctmgr-qos.txt") : null);
    }

    @Test
    void theSandboxsNodesPartitionsAccountsAndQosAreReadFromScontrolAndSacctmgr() {
        SlurmSite files = LiveSite.read(texts(true));
        NodeCluster cluster = SiteMapping.cluster(files);
        Site site = cluster.site();
        // c[1-5]: 4 CPUs, 8000 MB; g[1-3]: 8 CPUs, 16000 MB, gpu:t4:2
        assertThat(cluster.pools()).extracting(NodePool::name).containsExactly("c", "g");
        NodePool c = cluster.pools().get(0), g = cluster.pools().get(1);
        assertThat(c.nodes()).isEqualTo(5);
        assertThat(c.coresPerNode()).isEqualTo(4);
        assertThat(c.memoryPerNodeMb()).isEqualTo(8000);
        assertThat(g.nodes()).isEqualTo(3);
        assertThat(g.coresPerNode()).isEqualTo(8);
        assertThat(org.preemptlab.gres.Gres.format(g.gres())).isEqualTo("gpu:t4:2");
        assertThat(g.hostNames()).containsExactly("g1", "g2", "g3");
        // partitions cpu (default), gpu, all (PriorityJobFactor 2); 10 min MaxTime, 5 min DefaultTime
        assertThat(site.partitions()).extracting(p -> p.name()).containsExactly("cpu", "gpu", "all");
        assertThat(site.defaultPartition().name()).isEqualTo("cpu");
        assertThat(site.partition("all").groups()).containsExactly("c", "g");
        assertThat(site.partition("all").priorityJobFactor()).isEqualTo(2);
        assertThat(site.partition("gpu").maxTimeSeconds()).isEqualTo(600);
        assertThat(site.partition("gpu").defaultTimeSeconds()).isEqualTo(300);
        // priority/multifactor with the sandbox's weights
        assertThat(site.multifactor()).isTrue();
        assertThat(site.priority().weightFairshare()).isEqualTo(10000);
        assertThat(site.priority().weightQos()).isEqualTo(5000);
        // accounts chem/phys/bio with their shares; QOS high: priority 100, 2 jobs per user
        assertThat(site.accounts().userAssociations()).extracting(Object::toString)
                .contains("plalice@chem", "plbob@chem", "plcarol@phys", "pldave@phys", "plerin@bio", "plfrank@bio");
        assertThat(site.qos().get("high").priority()).isEqualTo(100);
        assertThat(site.qos().get("high").limits().maxJobsPerUser()).isEqualTo(2);
        // the settings Slurm runs with but the model has not are in the report, each with its value
        List<String> ignored = files.report().ignored().stream().map(Object::toString).toList();
        assertThat(ignored).anyMatch(i -> i.contains("SlurmctldPort=26917"));
        // SchedulerTimeSlice is read now (gang scheduling's time slice), not listed as ignored
        assertThat(ignored).noneMatch(i -> i.contains("SchedulerTimeSlice"));
        assertThat(files.conf().schedulerTimeSliceSeconds()).isEqualTo(30);
        assertThat(ignored).noneMatch(i -> i.contains("(null)"));
    }
}
