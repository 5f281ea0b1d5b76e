package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.SimulationConfig;

/**
 * A live run on the local process backend through the view-model (no UI): a worker runs the
 * driver, a single "UI" thread does everything the FX thread would (start, refresh, stop).
 * Scenario: pool of 2 nodes × 1 core; A and B start at once, C waits for a free node.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveRunViewModelTest {

    /** Simulated seconds of A and B in the stop test: 400 s of real time at scale 300, so the test stops them however slow the machine. */
    private static final long RUNTIME = 120_000;

    private static final NodeCluster CLUSTER = new NodeCluster(List.of(NodePool.simple("cpu", 2, 1, 0)));

    @TempDir
    Path runs;

    private ExecutorService worker;
    private ExecutorService ui;
    private TaskRunner runner;
    private LiveRunViewModel live;
    private final List<Throwable> failures = new ArrayList<>();
    private final List<RunRecord> finished = new ArrayList<>();

    @BeforeEach
    void setUp() {
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-live-worker"));
        ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        runner = new TaskRunner(worker, ui::execute);
        live = new LiveRunViewModel();
    }

    @AfterEach
    void tearDown() throws Exception {
        onUi(() -> live.stopAndWait(Duration.ofSeconds(120)));
        worker.shutdownNow();
        ui.shutdownNow();
        worker.awaitTermination(120, TimeUnit.SECONDS);
    }

    private static JobSpec job(int id, String name, long runtime) {
        return new JobSpec(id, name, 0, 1, 1, 0, runtime * 2, runtime, "normal", "", List.of(), true, true, 0, 0, null);
    }

    private static SimulationConfig config(long runtimeA, long runtimeB, long runtimeC) {
        return SimulationConfig.of(CLUSTER, List.of(job(1, "A", runtimeA), job(2, "B", runtimeB), job(3, "C", runtimeC)),
                new FcfsPolicy(), true);
    }

    private void start(SimulationConfig config, double scale) throws Exception {
        BackendViewModel backend = new BackendViewModel();
        backend.kindProperty().set(BackendKind.LOCAL);
        backend.timeScaleProperty().set(Double.toString(scale));
        backend.setLocalRunsDir(runs);
        LiveSettings settings = backend.liveSettings();
        onUi(() -> {
            live.start(runner, "live test", config, settings, finished::add, failures::add);
            return null;
        });
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(120, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }

    /** Our job processes: command line names the sample job and our runs directory. */
    private List<String> jobProcesses() {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    if (cmd.contains("preemptlab-job") && cmd.contains(runs.toString())) out.add(p.getFileName() + ": " + cmd);
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return out;
    }

    private static long runningLength(RunRecord rec, int job) {
        return rec.segments().stream().filter(s -> s.job() == job && s.kind() == SegmentKind.RUNNING)
                .mapToLong(s -> s.end() - s.start()).sum();
    }

    @Test
    void theGanttGrowsWhileJobsRunAndStopEndsEveryProcess() throws Exception {
        // scale 300: A and B would need 400 s of real time each (the test stops them long before), C waits for them
        start(config(RUNTIME, RUNTIME, 300), 300);

        // waiting for a condition (three frames with both running) with a generous deadline
        List<RunRecord> frames = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (frames.size() < 4 && System.nanoTime() < deadline) {
            if (onUi(live::refresh)) {
                RunRecord f = onUi(() -> live.frameProperty().get());
                boolean bothRunning = LiveTimeline.open(f.log(), f.endTime()).stream()
                        .filter(s -> s.kind() == SegmentKind.RUNNING).count() == 2;
                if (bothRunning) frames.add(f);
            }
            Thread.sleep(250);
        }
        assertThat(frames).as("frames with A and B running").hasSizeGreaterThanOrEqualTo(3);
        assertThat(onUi(live::state)).isEqualTo(LiveRunViewModel.State.RUNNING);
        assertThat(jobProcesses()).as("the jobs' processes while running").isNotEmpty();
        for (int i = 1; i < frames.size(); i++) {
            RunRecord before = frames.get(i - 1), after = frames.get(i);
            assertThat(after.endTime()).as("now moves on").isGreaterThan(before.endTime());
            assertThat(after.log().size()).isGreaterThanOrEqualTo(before.log().size());
            assertThat(runningLength(after, 0)).as("A's bar grows").isGreaterThan(runningLength(before, 0));
            assertThat(runningLength(after, 1)).as("B's bar grows").isGreaterThan(runningLength(before, 1));
            assertThat(after.segments()).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(after.endTime()));
        }
        RunRecord last = frames.get(frames.size() - 1);
        assertThat(last.log()).filteredOn(e -> e.kind() == LogKind.END).as("nothing ended yet").isEmpty();
        assertThat(LiveTimeline.open(last.log(), last.endTime())).filteredOn(s -> s.job() == 2)
                .extracting(Segment::kind).containsExactly(SegmentKind.WAITING);
        new GanttIndex(last); // a frame is a drawable run

        onUi(() -> {
            live.stop();
            return null;
        });
        assertThat(onUi(live::state)).isIn(LiveRunViewModel.State.STOPPING, LiveRunViewModel.State.STOPPED);
        await(() -> {
            try {
                return onUi(live::state) == LiveRunViewModel.State.STOPPED;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the run to stop", Duration.ofSeconds(120));

        assertThat(jobProcesses()).as("job processes left after stop()").isEmpty();
        assertThat(failures).isEmpty();
        assertThat(finished).isEmpty();
        RunRecord stopped = onUi(() -> live.frameProperty().get());
        assertThat(stopped.endTime()).isGreaterThanOrEqualTo(last.endTime()).isLessThan(RUNTIME);
        assertThat(onUi(() -> live.messageProperty().get())).contains("stopped");
        assertThat(onUi(live::refresh)).as("nothing to refresh once stopped").isFalse();
    }

    @Test
    void aRunThatEndsGivesTheCompleteRecord() throws Exception {
        // scale 240: 0.5 s and 0.25 s of real time; C starts when B ends
        start(config(120, 60, 60), 240);
        await(() -> {
            try {
                onUi(live::refresh);
                return !onUi(live::isActive);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the run to end", Duration.ofSeconds(120));

        assertThat(failures).isEmpty();
        assertThat(onUi(live::state)).isEqualTo(LiveRunViewModel.State.FINISHED);
        assertThat(finished).singleElement().satisfies(rec -> {
            assertThat(rec.metrics()).isNotNull();
            assertThat(rec.log()).filteredOn(e -> e.kind() == LogKind.END).hasSize(3);
            assertThat(rec.job(2).firstStart()).as("C waited for a node").isGreaterThan(0);
        });
        assertThat(onUi(() -> live.frameProperty().get())).isSameAs(finished.get(0));
        assertThat(jobProcesses()).isEmpty();
    }
}
