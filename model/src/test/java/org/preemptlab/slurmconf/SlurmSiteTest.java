package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmSiteTest {

    @Test
    void theWholeSiteReadsCleanAndItsReportListsEveryFilesIgnoredSettings() {
        SlurmSite site = SiteFixture.read();
        assertThat(site.conf().partitions()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(site.conf().nodes().stream().filter(n -> n.gresCount("gpu") == 4)).hasSize(4);
        assertThat(site.dump().orElseThrow().accounts()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(site.qos()).extracting(QosDefinition::name).containsExactly("normal", "high", "debug", "scavenger", "gpu_part");
        assertThat(site.qos().get(1).where()).isEqualTo("qos.txt:3"); // the show-qos table wins over the dump
        assertThat(site.report().warnings()).isEmpty();
        List<String> files = site.report().ignored().stream().map(i -> i.where().substring(0, i.where().indexOf(':'))).distinct().toList();
        assertThat(files).containsExactly("slurm.conf", "nodes.conf", "gres.conf", "tundra.cfg", "qos.txt");
        assertThat(site.report().ignored()).hasSize(33);
    }

    @Test
    void crossFileChecksWarn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("slurm.conf"), """
                ClusterName=other
                GresTypes=gpu
                NodeName=g1 Gres=gpu:2
                PartitionName=p Nodes=g1 QOS=missing AllowAccounts=nobody AllowQos=normal,ghost
                """);
        Files.writeString(dir.resolve("gres.conf"), "NodeName=g1 Name=gpu File=/dev/nvidia[0-3]\n");
        Files.writeString(dir.resolve("dump.cfg"), "QOS - 'normal':Preempt='phantom'\nCluster - 'c'\nAccount - 'a':QOS='normal,extra'\n");
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(dir.resolve("slurm.conf"), dir.resolve("gres.conf"), dir.resolve("dump.cfg"), null));
        assertThat(site.report().warnings()).containsExactly(
                "slurm.conf:3: NodeName g1 Gres gpu:2 but gres.conf (gres.conf:1) gives 4; slurm.conf's count is used (Slurm would drain the node)",
                "slurm.conf:4: PartitionName=p QOS=missing: no such QOS in the QOS read",
                "slurm.conf:4: PartitionName=p AllowQos: ghost is not a QOS read",
                "dump.cfg:1: QOS normal Preempt: phantom is not a QOS read",
                "dump.cfg:3: Account a QOS: extra is not a QOS read",
                "slurm.conf:4: PartitionName=p AllowAccounts: nobody is not an account of the dump",
                "the sacctmgr dump is of cluster c, the slurm.conf of other");
    }

    /** An empty slurm.conf: the replay said "a cluster needs at least one pool", naming no file. */
    @Test
    void aSiteWithoutNodesIsRefusedNamingTheFileKind(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("slurm.conf"), "");
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(dir.resolve("slurm.conf"), null, null, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SiteMapping.cluster(site))
                .isInstanceOf(SlurmConfException.class)
                .hasMessage("slurm.conf: no NodeName line: the site needs its nodes (if they are in another file, Include it)");
    }

    @Test
    void nodesInNoPartitionAreCountedInTheRightPlural(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("slurm.conf"), """
                NodeName=c[1-2] CPUs=4 RealMemory=8000
                NodeName=spare[1-5] CPUs=8 RealMemory=8000
                NodeName=lonely CPUs=16 RealMemory=8000
                PartitionName=p Nodes=c[1-2] Default=YES
                """);
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(dir.resolve("slurm.conf"), null, null, null));
        SiteMapping.cluster(site);
        assertThat(site.report().warnings()).contains("5 nodes (spare1,spare2,spare3,…) are in no partition: no job can use them",
                "node lonely is in no partition: no job can use it");
        assertThat(String.join("\n", site.report().warnings())).doesNotContain("(s)");
    }

    @Test
    void theTeachingSampleIsTheTestedSite() throws IOException {
        Path sample = Path.of("..", "sample-clusters", "slurm-site");
        for (String f : List.of("slurm.conf", "nodes.conf", "gres.conf", "tundra.cfg", "qos.txt")) {
            assertThat(Files.readString(sample.resolve(f))).as(f).isEqualTo(Files.readString(SiteFixture.dir().resolve(f)));
        }
        assertThat(Files.readString(sample.resolve("README.md"))).contains("import-slurm");
    }

    @Test
    void aSlurmConfAloneImportsItsAllowQosNamesWithSlurmsDefaults(@TempDir Path dir) throws IOException {
        // the documented form `import-slurm --from-conf slurm.conf`: no sacctmgr dump, so no QOS is defined anywhere
        Files.writeString(dir.resolve("slurm.conf"), """
                NodeName=c[1-2] CPUs=4 RealMemory=8000
                PartitionName=short Nodes=c[1-2] AllowQos=high,debug Default=YES
                PartitionName=all Nodes=c[1-2]
                """);
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(dir.resolve("slurm.conf"), null, null, null));
        var qos = SiteMapping.cluster(site).site().qos();
        assertThat(qos.get("normal")).isNotNull();
        assertThat(qos.get("high")).isNotNull();
        assertThat(qos.get("high").priority()).isZero();
        assertThat(qos.get("debug")).isNotNull();
        assertThat(site.report().warnings()).anySatisfy(w -> assertThat(w)
                .startsWith("slurm.conf:2: PartitionName=short AllowQos names QOS high, which no QOS read defines: added with Slurm's defaults"));
        assertThat(site.report().warnings().stream().filter(w -> w.contains("AllowQos names QOS"))).hasSize(2);
    }

    @Test
    void aQosMissingFromTheQosReadIsAddedAndReportedOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("slurm.conf"), "NodeName=c1 CPUs=4\nPartitionName=p Nodes=c1 AllowQos=normal,ghost\n");
        Files.writeString(dir.resolve("dump.cfg"), "QOS - 'normal'\nCluster - 'c'\n");
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(dir.resolve("slurm.conf"), null, dir.resolve("dump.cfg"), null));
        assertThat(SiteMapping.cluster(site).site().qos().get("ghost")).isNotNull();
        assertThat(site.report().warnings().stream().filter(w -> w.contains("ghost"))).hasSize(1);
    }
}
