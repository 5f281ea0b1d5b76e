package org.preemptlab.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;

/**
 * Host lists, slurm.conf, and the {@code sinfo --json} / {@code squeue --json} import, on outputs
 * captured from the local Slurm 22.05 sandbox (test resources), and the commands {@link SlurmCli}
 * builds.
 */
class SlurmParsingTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = SlurmParsingTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---------------------------------------------------------------- host lists

    @Test
    void hostListsExpandRangesPaddingListsAndSeveralBrackets() {
        assertThat(HostList.expand("n[1-4]")).containsExactly("n1", "n2", "n3", "n4");
        assertThat(HostList.expand("n[08-11]")).containsExactly("n08", "n09", "n10", "n11");
        assertThat(HostList.expand("n[1-2,5],gpu7")).containsExactly("n1", "n2", "n5", "gpu7");
        assertThat(HostList.expand("r[1-2]n[1-2]")).containsExactly("r1n1", "r1n2", "r2n1", "r2n2");
        assertThat(HostList.expand("")).isEmpty();
        assertThatThrownBy(() -> HostList.expand("n[1-4")).hasMessageContaining("(n[1-4)");
        assertThatThrownBy(() -> HostList.expand("n[4-1]")).hasMessageContaining("backwards");
    }

    // ---------------------------------------------------------------- slurm.conf

    @Test
    void slurmConfNodesAndPartitionsBecomePools() {
        String conf = """
                # a cluster
                ClusterName=demo
                NodeName=DEFAULT RealMemory=64000
                NodeName=cpu[01-04] Sockets=2 CoresPerSocket=8 ThreadsPerCore=1 State=UNKNOWN
                NodeName=big1 CPUs=64 RealMemory=512000 \\
                    Weight=10
                NodeName=gpu[1-2] CPUs=32 RealMemory=256000 Gres=gpu:4
                PartitionName=DEFAULT MaxTime=INFINITE State=UP
                PartitionName=batch Nodes=cpu[01-04],big1 Default=YES PriorityTier=1
                PartitionName=gpu Nodes=gpu[1-2] PriorityTier=5
                PartitionName=owner_lab Nodes=cpu[03-04] PriorityTier=10 # shares two batch nodes
                """;
        SlurmCluster c = SlurmConf.parse(conf);

        assertThat(c.pools()).extracting(NodePool::name).containsExactly("batch", "batch_2", "gpu");
        assertThat(c.pools().get(0)).satisfies(p -> {
            assertThat(p.nodes()).isEqualTo(4);
            assertThat(p.coresPerNode()).isEqualTo(16);
            assertThat(p.memoryPerNodeMb()).isEqualTo(64000);
        });
        assertThat(c.pools().get(1)).satisfies(p -> {
            assertThat(p.nodes()).isEqualTo(1);
            assertThat(p.coresPerNode()).isEqualTo(64);
        });
        assertThat(c.slurmNodeNames()).containsExactly("cpu01", "cpu02", "cpu03", "cpu04", "big1", "gpu1", "gpu2");
        assertThat(c.partition("owner_lab").pools()).containsExactly("batch");
        assertThat(c.partition("owner_lab").priorityTier()).isEqualTo(10);
        assertThat(c.defaultPartition().name()).isEqualTo("batch");
        assertThat(c.warnings()).anyMatch(w -> w.contains("owner_lab shares nodes"));
        assertThat(c.toNodeCluster().nodeCount()).isEqualTo(7);
    }

    @Test
    void theSandboxSlurmConfIsReadLikeSinfoShowsIt() {
        String conf = """
                NodeName=n[1-4] NodeHostname=localhost NodeAddr=127.0.0.1 Port=[17001-17004] CPUs=2 RealMemory=1000 State=UNKNOWN
                PartitionName=low Nodes=n[1-4] Default=YES MaxTime=INFINITE State=UP PriorityTier=1 OverSubscribe=FORCE:1
                PartitionName=high Nodes=n[1-4] MaxTime=INFINITE State=UP PriorityTier=10 OverSubscribe=FORCE:1
                """;
        SlurmCluster c = SlurmConf.parse(conf);
        assertThat(c.pools()).containsExactly(NodePool.simple("low", 4, 2, 1000));
        assertThat(c.partition("high").pools()).containsExactly("low");
    }

    @Test
    void aSlurmConfWithoutNodesIsAClearError() {
        assertThatThrownBy(() -> SlurmConf.parse("ClusterName=x\n")).hasMessageContaining("no NodeName line");
        assertThatThrownBy(() -> SlurmConf.parse("NodeName=a CPUs=two\n")).hasMessageContaining("CPUs (two)");
    }

    // ---------------------------------------------------------------- sinfo / squeue --json

    @Test
    void squeueJsonOf2205IsRead() throws IOException {
        List<SlurmJob> jobs = SlurmJson.parseQueue(resource("squeue-22.05.json"));
        assertThat(jobs).extracting(SlurmJob::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        SlurmJob suspended = jobs.get(4);
        assertThat(suspended.state()).isEqualTo("SUSPENDED");
        assertThat(suspended.nodes()).containsExactly("n3", "n4");
        assertThat(suspended.preSuspendSeconds()).isEqualTo(3);
        assertThat(jobs.get(1).exitCode()).as("exit 3").isEqualTo(3);
        assertThat(jobs.get(0).exitCode()).as("killed by SIGTERM (143 << 8 status)").isEqualTo(143);
        assertThat(jobs.get(7).isHeld()).isTrue();
        assertThat(jobs.get(7).timeLimitMinutes()).isEqualTo(-1);
    }

    @Test
    void aClusterSnapshotBecomesPoolsAndJobsStartingNow() throws IOException {
        Instant now = Instant.ofEpochSecond(1795307825L);
        SlurmImport.Snapshot s = SlurmImport.fromJson(resource("sinfo-22.05.json"), resource("squeue-22.05.json"), now,
                SlurmImport.Options.defaults());

        assertThat(s.cluster().pools()).containsExactly(NodePool.simple("low", 4, 2, 1000));
        assertThat(s.cluster().slurmNodeNames()).containsExactly("n1", "n2", "n3", "n4");
        // running by start time, then suspended, then pending by priority; finished jobs left out
        assertThat(s.jobs()).extracting(SlurmImport.ImportedJob::slurmJobId).containsExactly(4L, 6L, 7L, 5L, 8L);
        assertThat(s.jobSpecs()).as("ids = queue order, as a scenario file numbers its jobs").extracting(JobSpec::id)
                .containsExactly(1, 2, 3, 4, 5);
        SlurmImport.ImportedJob simA = s.jobs().get(0);
        assertThat(simA.status()).isEqualTo(SlurmImport.Status.RUNNING);
        assertThat(simA.elapsedSeconds()).isEqualTo(4);
        assertThat(simA.spec().estimate()).isEqualTo(30 * 60 - 4);
        assertThat(simA.spec().coresPerNode()).isEqualTo(2);
        assertThat(simA.spec().name()).isEqualTo("sim_a#4");
        SlurmImport.ImportedJob big = s.jobs().get(2);
        assertThat(big.spec().nodes()).isEqualTo(2);
        assertThat(big.spec().coresPerNode()).isEqualTo(2);
        assertThat(big.nodes()).containsExactly("n3", "n4");
        SlurmImport.ImportedJob simB = s.jobs().get(3);
        assertThat(simB.status()).isEqualTo(SlurmImport.Status.SUSPENDED);
        assertThat(simB.elapsedSeconds()).isEqualTo(3);
        SlurmImport.ImportedJob held = s.jobs().get(4);
        assertThat(held.status()).isEqualTo(SlurmImport.Status.PENDING);
        assertThat(held.spec().estimate()).as("no time limit: the default").isEqualTo(86_400);
        assertThat(s.jobSpecs()).allSatisfy(j -> assertThat(j.submit()).isZero());
        assertThat(s.jobs().get(1).spec().pools()).as("partition high shares low's nodes").containsExactly("low");
    }

    @Test
    void importOptionsAreChecked() {
        assertThatThrownBy(() -> new SlurmImport.Options(0, 10, false)).hasMessageContaining("runtimeShare (0.0)");
    }

    // ---------------------------------------------------------------- commands

    @Test
    void theCliBuildsTheDocumentedCommandsWithSlurmConf() {
        List<List<String>> ran = new ArrayList<>();
        List<String> confs = new ArrayList<>();
        SlurmCli cli = new SlurmCli(Path.of("/tmp/x/slurm.conf"), Duration.ofSeconds(5), (cmd, env, timeout) -> {
            ran.add(cmd);
            confs.add(env.get("SLURM_CONF"));
            return new SlurmCli.Result(cmd, 0, cmd.get(0).equals("sbatch") ? "42;cluster\n" : "", "");
        });
        long id = cli.submitHeld(new SlurmCommands.Submission("A", "low", 2, 4, 10, Path.of("/j/a.log"), Path.of("/j"), "exec job.sh"));
        cli.setNodes(id, List.of("n1", "n2"), true);
        cli.release(id);
        cli.suspend(id);
        cli.resume(id);
        cli.requeue(id);
        cli.requeueHold(id);
        cli.signal(id, "USR1", true);
        cli.cancel(id);

        assertThat(id).isEqualTo(42);
        assertThat(ran.get(0)).contains("sbatch", "--hold", "--parsable", "--partition=low", "--nodes=2", "--cpus-per-task=4",
                "--time=10", "--open-mode=append", "--output=/j/a.log", "--wrap=exec job.sh");
        assertThat(ran.subList(1, ran.size())).containsExactly(
                List.of("scontrol", "update", "jobid=42", "NodeList=n1,n2", "StartTime=now"),
                List.of("scontrol", "release", "42"),
                List.of("scontrol", "suspend", "42"),
                List.of("scontrol", "resume", "42"),
                List.of("scontrol", "requeue", "42"),
                List.of("scontrol", "update", "jobid=42", "StartTime=now"),
                List.of("scontrol", "requeuehold", "42"),
                List.of("scancel", "--signal=USR1", "--batch", "42"),
                List.of("scancel", "42"));
        assertThat(confs).containsOnly("/tmp/x/slurm.conf");
    }

    @Test
    void aFailedCommandQuotesItsCommandAndError() {
        SlurmCli cli = new SlurmCli(null, Duration.ofSeconds(5),
                (cmd, env, timeout) -> new SlurmCli.Result(cmd, 1, "", "scontrol: error: Invalid job id specified\n"));
        assertThatThrownBy(() -> cli.suspend(7)).isInstanceOf(SlurmCommandException.class)
                .hasMessageContaining("`scontrol suspend 7`").hasMessageContaining("Invalid job id");
    }
}
