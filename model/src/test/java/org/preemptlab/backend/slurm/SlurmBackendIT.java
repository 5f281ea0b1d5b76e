package org.preemptlab.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.live.LiveListener;
import org.preemptlab.live.ObservedEvent;
import org.preemptlab.live.ObservedKind;
import org.preemptlab.live.RealTimeDriver;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * The Slurm backend against a real local Slurm (installer/slurm/start-local-slurm.sh: 4 fake
 * nodes n1..n4 with 2 CPUs). Skipped, with the reason, when Slurm's tools are missing or no
 * cluster answers. The engine stays the scheduler: a 4-job scenario where the owner job O
 * preempts the borrower C by suspend, by requeue and by checkpoint, checked against what
 * {@code squeue --json} shows and against C's state (checkpoint) file.
 *
 * <p>Run: {@code PREEMPTLAB_SLURM_DIR=DIR mvn -pl model test -Dtest='*IT' -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slurm")
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlurmBackendIT {

    /** Scale 20: Slurm needs ~1 s to start a released job, i.e. 20 simulated seconds. */
    private static final double SCALE = 20;

    private static SlurmCli cli;
    private static SlurmCluster imported;

    @TempDir
    Path jobDir;

    /** Why the tests cannot run here, or null when a local Slurm answers. */
    private static String unavailable;

    @BeforeAll
    static void findSlurm() {
        boolean tools = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, "sinfo")) && Files.isExecutable(Path.of(d, "sbatch")));
        if (!tools) {
            unavailable = "Slurm's client tools (sinfo, sbatch) are not installed: Slurm tests skipped. "
                    + "Install them with installer/slurm/install-local-slurm.sh";
        } else {
            cli = SlurmCli.fromEnvironment();
            SlurmCli.Result idle = cli.run(List.of("sinfo", "-h", "-N", "-t", "idle", "-o", "%N"));
            long idleNodes = idle.out().lines().filter(l -> !l.isBlank()).distinct().count();
            if (idle.exitCode() != 0 || idleNodes < 4) {
                unavailable = "no local Slurm with 4 idle nodes answers (sinfo exit " + idle.exitCode() + ", " + idleNodes
                        + " idle nodes" + (idle.err().isBlank() ? "" : ": " + idle.err().lines().findFirst().orElse("")) + "): "
                        + "Slurm tests skipped. Start one with installer/slurm/start-local-slurm.sh DIR and export PREEMPTLAB_SLURM_DIR=DIR";
            } else {
                imported = SlurmImport.clusterFromSinfo(cli.sinfoJson());
            }
        }
        if (unavailable != null) System.err.println("[SlurmBackendIT] " + unavailable);
    }

    @BeforeEach
    void slurmMustBeThere() {
        assumeThat(unavailable).as(unavailable == null ? "" : unavailable).isNull();
    }

    /** FCFS; a waiting owner job preempts the youngest borrower with the given mechanism. */
    private record OwnerFirst(PreemptMechanism mechanism) implements SchedulingPolicy {
        @Override
        public String name() {
            return "it-owner-" + mechanism.label();
        }

        @Override
        public int tierOf(JobSpec job) {
            return "owner".equals(job.qos()) ? 1 : 0;
        }

        @Override
        public List<Decision> schedule(Snapshot s) {
            List<Decision> out = new ArrayList<>();
            var free = s.freeCapacity();
            for (var job : s.queue()) {
                var p = free.place(job.spec());
                if (p == null && "owner".equals(job.spec().qos())) {
                    if (s.running().stream().anyMatch(r -> r.state() != JobState.RUNNING)) break; // a victim is on its way out
                    var victim = s.running().stream().filter(r -> !"owner".equals(r.spec().qos()) && r.placement().nodeCount() == 1)
                            .max(java.util.Comparator.comparingLong((org.preemptlab.job.JobView r) -> r.segmentStart())
                                    .thenComparingInt(r -> r.index()));
                    if (victim.isEmpty()) break;
                    out.add(new Decision.Preempt(victim.get(), mechanism, job, Reason.of("owner needs its node")));
                    switch (mechanism) {
                        case SUSPEND -> free.releaseCores(victim.get().placement());
                        case REQUEUE, KILL -> free.release(victim.get().placement());
                        case CHECKPOINT -> { }
                    }
                    p = free.place(job.spec());
                }
                if (p == null) break;
                free.take(p);
                out.add(new Decision.Start(job, p, Reason.of("in order")));
            }
            return out;
        }
    }

    private static JobSpec job(int id, String name, long submit, int nodes, long runtime, String qos) {
        return new JobSpec(id, name, submit, nodes, 2, 0, runtime * 2, runtime, qos, "", List.of(), true, true, 0, 0, null);
    }

    /**
     * A (2 nodes), B and C (1 node each) fill the 4 nodes; the owner job O arrives at 120 s (6 s of
     * real time: Slurm must have started C by then even on a busy box).
     */
    private static final List<JobSpec> JOBS = List.of(
            job(1, "A", 0, 2, 300, "normal"),
            job(2, "B", 0, 1, 300, "normal"),
            job(3, "C", 0, 1, 300, "normal"),
            job(4, "O", 120, 1, 60, "owner"));

    private record Run(SimulationResult result, SlurmBackend backend, RealTimeDriver driver, List<String> seen) {}

    /** Runs the scenario live; meanwhile {@code check} is polled on squeue until it holds once. */
    private Run run(PreemptMechanism mechanism, Predicate<List<SlurmJob>> check, String checkDescription, Runnable whenSeen) throws Exception {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("low", 4, 2, 0)));
        SlurmBackend backend = new SlurmBackend(cli, SlurmBackendConfig.of(imported.slurmNodeNames(), "low", jobDir));
        SimulationConfig config = SimulationConfig.of(cluster, JOBS, new OwnerFirst(mechanism), true)
                .withPreemption(PreemptionSettings.defaults().withCost(CheckpointCost.fixed(30, 20)))
                .withBackend(backend);
        Simulation sim = new Simulation(config);
        RealTimeDriver driver = new RealTimeDriver(sim, backend, SCALE, LiveListener.NONE, Duration.ofSeconds(180));
        AtomicReference<SimulationResult> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(driver.run());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "slurm-driver");
        long t0 = System.nanoTime();
        t.start();
        List<String> seen = new ArrayList<>();
        boolean held = false;
        List<String> states = new ArrayList<>();
        while (t.isAlive() && !held) {
            List<SlurmJob> ours = ours(backend);
            String now = describe(ours);
            if (states.isEmpty() || !states.get(states.size() - 1).endsWith(now)) {
                states.add(String.format("%.1f s: %s", (System.nanoTime() - t0) / 1e9, now));
            }
            if (check.test(ours)) {
                held = true;
                seen.add(String.format("%.1f s: %s", (System.nanoTime() - t0) / 1e9, describe(ours)));
                whenSeen.run();
            }
            Thread.sleep(100);
        }
        t.join(200_000);
        assertThat(failure.get()).as("the live run failed").isNull();
        SimulationResult r = result.get();
        assertThat(held).as("squeue showed: %s; it showed %s; engine log %s", checkDescription, states,
                r == null ? "-" : r.timeline().log().stream().map(e -> e.time() + " " + e.kind().label() + " " + e.job()).toList()).isTrue();
        System.out.printf("[slurm %s] %.1f s real; seen %s%n", mechanism.label(), (System.nanoTime() - t0) / 1e9, seen);
        return new Run(result.get(), backend, driver, seen);
    }

    private static List<SlurmJob> ours(SlurmBackend backend) {
        List<Long> ids = backend.submittedJobIds();
        return cli.queue().stream().filter(j -> ids.contains(j.id())).toList();
    }

    private static Optional<SlurmJob> named(List<SlurmJob> jobs, String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
    }

    private static String describe(List<SlurmJob> jobs) {
        StringBuilder b = new StringBuilder();
        for (SlurmJob j : jobs) b.append(j.name()).append('=').append(j.state()).append(j.nodes()).append(' ');
        return b.toString().trim();
    }

    private static void assertCommonOutcome(Run run, List<String> expectedForC) {
        SimulationResult r = run.result();
        for (int j = 0; j < JOBS.size(); j++) assertThat(r.job(j).state()).as("job %s", JOBS.get(j).name()).isEqualTo(JobState.COMPLETED);
        List<String> forC = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) if (e.job() == 2 || e.job() == 3) forC.add(e.kind().label() + " " + r.job(e.job()).name());
        assertThat(forC).containsSubsequence(expectedForC);
        // Slurm's view at the end: every job completed with exit code 0, nothing left pending or running
        List<SlurmJob> end = ours(run.backend());
        assertThat(end).hasSize(4).allSatisfy(j -> {
            assertThat(j.state()).as("slurm job %s", j.name()).isEqualTo("COMPLETED");
            assertThat(j.exitCode()).isZero();
        });
        System.out.println("  engine log: " + r.timeline().log().stream().map(e -> e.time() + " " + e.kind().label() + " "
                + (e.job() < 0 ? "-" : r.job(e.job()).name())).toList());
        for (int j = 0; j < JOBS.size(); j++) {
            System.out.printf("  %s: start %d, end %d%n", r.job(j).name(), r.job(j).firstStart(), r.job(j).end());
        }
        for (ObservedEvent o : run.driver().observed()) {
            System.out.printf("  observed %5d ms (t=%d) %s %s: %s%n", o.wallMillis(), o.time(), r.job(o.job()).name(), o.kind().label(), o.detail());
        }
        List<ObservedKind> kinds = run.driver().observed().stream().map(ObservedEvent::kind).toList();
        assertThat(kinds).contains(ObservedKind.STARTED, ObservedKind.EXITED);
    }

    @Test
    void anOwnerJobPreemptsABorrowerBySuspend() throws Exception {
        Run run = run(PreemptMechanism.SUSPEND, jobs -> {
            Optional<SlurmJob> c = named(jobs, "C"), o = named(jobs, "O");
            return c.isPresent() && o.isPresent() && c.get().isSuspended() && o.get().isRunning() && o.get().nodes().equals(c.get().nodes());
        }, "C SUSPENDED and O RUNNING on C's node", () -> { });
        assertCommonOutcome(run, List.of("preempt C", "suspend C", "start O", "end O", "resume C", "end C"));
        assertThat(run.driver().observed()).anyMatch(o -> o.job() == 2 && o.kind() == ObservedKind.STOPPED)
                .anyMatch(o -> o.job() == 2 && o.kind() == ObservedKind.CONTINUED);
    }

    @Test
    void anOwnerJobPreemptsABorrowerByRequeue() throws Exception {
        List<String> stateAtRequeue = new ArrayList<>();
        Run run = run(PreemptMechanism.REQUEUE, jobs -> {
            Optional<SlurmJob> c = named(jobs, "C"), o = named(jobs, "O");
            return c.isPresent() && o.isPresent() && c.get().isPending() && c.get().restartCount() >= 1 && o.get().isRunning();
        }, "C requeued (PENDING, restart_cnt ≥ 1) and O RUNNING", () -> stateAtRequeue.addAll(readState(jobDir, "2-C.state")));
        // C wrote its state on SIGTERM (the checkpoint contract) when Slurm requeued it
        assertThat(stateAtRequeue).contains("reason=term").anyMatch(l -> l.startsWith("done_us=") && !l.equals("done_us=0"));
        assertCommonOutcome(run, List.of("preempt C", "kill C", "requeue C", "start O", "end O", "restart C", "end C"));
        String log = Files.readString(run.backend().runDirectory().resolve("2-C.log"));
        assertThat(log).contains("SIGTERM, state written");
        assertThat(log.split("starting,", -1)).as("C started from scratch twice (a requeue loses its work)").hasSize(3);
    }

    @Test
    void anOwnerJobPreemptsABorrowerByCheckpointAndTheBorrowerRestartsFromIt() throws Exception {
        List<String> stateAtRequeue = new ArrayList<>();
        Run run = run(PreemptMechanism.CHECKPOINT, jobs -> {
            Optional<SlurmJob> c = named(jobs, "C"), o = named(jobs, "O");
            // C stays SUSPENDED in Slurm (held for the engine's checkpoint I/O) until the engine restarts it
            return c.isPresent() && o.isPresent() && (c.get().isSuspended() || c.get().isPending()) && o.get().isRunning();
        }, "C checkpointed (SUSPENDED or PENDING) and O RUNNING", () -> stateAtRequeue.addAll(readState(jobDir, "2-C.state.committed")));
        assertThat(stateAtRequeue).as("the committed checkpoint").contains("reason=checkpoint");
        assertCommonOutcome(run, List.of("preempt C", "checkpoint-begin C", "checkpoint-end C", "requeue C", "start O", "end O", "restart C", "end C"));
        String log = Files.readString(run.backend().runDirectory().resolve("2-C.log"));
        assertThat(log).contains("checkpoint 1 written").contains("resuming from").contains("reading its restart image");
        assertThat(run.driver().observed()).anyMatch(o -> o.job() == 2 && o.kind() == ObservedKind.CHECKPOINT_WRITTEN);
    }

    private static List<String> readState(Path jobDir, String file) {
        try (var runs = Files.list(jobDir)) {
            for (Path run : runs.toList()) {
                Path f = run.resolve(file);
                if (Files.exists(f)) return Files.readAllLines(f);
            }
        } catch (Exception e) {
            return List.of();
        }
        return List.of();
    }
}
