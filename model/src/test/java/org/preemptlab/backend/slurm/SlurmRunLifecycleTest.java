package org.preemptlab.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.backend.local.RunDirectory;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.live.RunWatchdog;

/**
 * What a Slurm run leaves, without a Slurm: the sizes are checked before anything is submitted,
 * a run without a job directory makes a temporary one and removes it, a new run cancels what dead
 * runs in its job directory left (and only theirs), and the watchdog cancels a dead run's jobs
 * (run against {@code scancel}/{@code squeue} stand-ins that record their calls).
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlurmRunLifecycleTest {

    @TempDir
    Path dir;

    private static final SlurmCluster FOUR_NODES = new SlurmCluster(List.of(NodePool.simple("low", 4, 2, 0)),
            List.of("n1", "n2", "n3", "n4"), List.of(), List.of());

    @Test
    void aScenarioLargerThanTheSlurmClusterIsRefusedBeforeAnythingIsSubmitted() {
        assertThatThrownBy(() -> SlurmBackend.requireFits(new NodeCluster(List.of(NodePool.simple("p", 6, 1, 0))), FOUR_NODES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6 nodes but the Slurm cluster has only 4 (n1,n2,n3,n4)")
                .hasMessageContaining("engine nodes 4..5 have no Slurm node");
        assertThatThrownBy(() -> SlurmBackend.requireFits(new NodeCluster(List.of(NodePool.simple("p", 2, 1, 0),
                NodePool.simple("big", 1, 4, 0))), FOUR_NODES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Engine node 2")
                .hasMessageContaining("has 4 cores, its Slurm node n3 2")
                .hasMessageContaining("pool big");
        SlurmBackend.requireFits(new NodeCluster(List.of(NodePool.simple("p", 4, 2, 0))), FOUR_NODES); // fits exactly
    }

    @Test
    void withoutAJobDirectoryTheRunMakesATemporaryOneAndRemovesItAtTheEnd() {
        FakeSlurm slurm = new FakeSlurm();
        SlurmBackend backend = new SlurmBackend(slurm, SlurmBackendConfig.of(List.of("n1"), null, null));
        Path runDir = backend.runDirectory();
        assertThat(runDir.getFileName().toString()).startsWith("preemptlab-slurm-jobs");
        assertThat(runDir.resolve(RunDirectory.OWNER)).as("the owner record").exists();
        assertThat(RunDirectory.isLookedAfter(runDir)).isTrue();
        backend.close();
        assertThat(runDir).doesNotExist();
    }

    @Test
    void aGivenJobDirectoryKeepsTheRunsFilesButNotItsOwnerRecord() {
        SlurmBackend backend = new SlurmBackend(new FakeSlurm(), SlurmBackendConfig.of(List.of("n1"), null, dir));
        Path runDir = backend.runDirectory();
        assertThat(runDir.getParent()).isEqualTo(dir.toAbsolutePath());
        backend.close();
        assertThat(runDir).exists();
        assertThat(runDir.resolve(RunDirectory.OWNER)).doesNotExist();
    }

    @Test
    void aNewRunCancelsTheJobsOfDeadRunsInItsJobDirectoryButNotThoseOfLiveOnes() throws IOException {
        Path dead = Files.createDirectories(dir.resolve("dead-run"));
        Files.writeString(dead.resolve(RunDirectory.OWNER), "pid=999999999\nstart=1\n");
        Files.writeString(dead.resolve("slurm-jobs"), "7 a\n9 gone\n");
        Path live = Files.createDirectories(dir.resolve("live-run"));
        RunDirectory.recordProcess(live, RunDirectory.OWNER, ProcessHandle.current().pid());
        Files.writeString(live.resolve("slurm-jobs"), "8 b\n");
        FakeSlurm slurm = new FakeSlurm();
        slurm.queue.add(job(7, "a", "RUNNING"));
        slurm.queue.add(job(8, "b", "RUNNING"));
        slurm.queue.add(job(9, "renamed", "PENDING")); // the id now names another job: not ours

        SlurmBackend backend = new SlurmBackend(slurm, SlurmBackendConfig.of(List.of("n1"), null, dir));
        try {
            assertThat(backend.leftoversCancelled()).containsExactly(7L);
            assertThat(slurm.cancelled).containsExactly(7L);
            assertThat(dead.resolve("slurm-jobs")).doesNotExist();
            assertThat(live.resolve("slurm-jobs")).exists();
        } finally {
            backend.close();
        }
    }

    @Test
    void theWatchdogOfADeadRunCancelsItsJobsAndRemovesItsTemporaryDirectory() throws Exception {
        Path calls = dir.resolve("calls");
        Path bin = fakeSlurmTools(calls);
        Path run = Files.createDirectories(dir.resolve("preemptlab-slurm-jobs123"));
        Files.writeString(run.resolve(RunDirectory.OWNER), "pid=999999999\nstart=1\n"); // the owner died
        Files.writeString(run.resolve("slurm-jobs"), "11 a\n12 b\n");

        RunWatchdog w = RunWatchdog.start("test-slurm-watchdog", SlurmWatchdog.SCRIPT, List.of(run.toString(), "true"),
                Map.of("PATH", bin + ":" + System.getenv("PATH")), dir);
        assertThat(w.close(30_000)).isTrue();

        assertThat(Files.readAllLines(calls)).first().isEqualTo("scancel 11 12");
        assertThat(run).doesNotExist();
    }

    @Test
    void theWatchdogOfARunItsOwnerEndedCancelsNothing() throws Exception {
        Path calls = dir.resolve("calls");
        Path bin = fakeSlurmTools(calls);
        Path run = Files.createDirectories(dir.resolve("job-dir").resolve("run-1"));
        Files.writeString(run.resolve("slurm-jobs"), "11 a\n"); // no owner record: the run was closed

        RunWatchdog w = RunWatchdog.start("test-slurm-watchdog", SlurmWatchdog.SCRIPT, List.of(run.toString(), "false"),
                Map.of("PATH", bin + ":" + System.getenv("PATH")), dir);
        assertThat(w.close(30_000)).isTrue();

        assertThat(calls).doesNotExist();
        assertThat(run.resolve("slurm-jobs")).exists();
    }

    /** {@code scancel} and {@code squeue} that append their command line to {@code calls}; squeue shows no job. */
    private Path fakeSlurmTools(Path calls) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("scancel", "squeue")) {
            Path f = bin.resolve(tool);
            Files.writeString(f, "#!/bin/bash\necho \"" + tool + " $*\" >> '" + calls + "'\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    private static SlurmJob job(long id, String name, String state) {
        return new SlurmJob(id, name, state, "low", List.of(), 1, 1, 10, 0, "None", "normal", "", "root", 1, 0, 0, 0, 0, 0, true);
    }

    /** A Slurm that only has a queue and records cancellations. */
    private static final class FakeSlurm implements SlurmCommands {
        final List<SlurmJob> queue = Collections.synchronizedList(new ArrayList<>());
        final List<Long> cancelled = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long submitHeld(Submission submission) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setNodes(long jobId, List<String> nodes, boolean startNow) {}

        @Override
        public void hold(long jobId) {}

        @Override
        public void release(long jobId) {}

        @Override
        public void suspend(long jobId) {}

        @Override
        public void resume(long jobId) {}

        @Override
        public void requeue(long jobId) {}

        @Override
        public void requeueHold(long jobId) {}

        @Override
        public void signal(long jobId, String signal, boolean batchShellOnly) {}

        @Override
        public void cancel(long jobId) {
            cancelled.add(jobId);
        }

        @Override
        public List<SlurmJob> queue() {
            synchronized (queue) {
                return List.copyOf(queue);
            }
        }

        @Override
        public List<SlurmNode> nodes() {
            return List.of();
        }

        @Override
        public String squeueJson() {
            return "{}";
        }

        @Override
        public String sinfoJson() {
            return "{}";
        }
    }
}
