package org.preemptlab.tracerun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfFeed;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sched.ConservativeBackfillPolicy;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * A trace simulated while it is read gives what reading it first gives: the same trace (jobs, header,
 * report, machine size), the same schedule and event log, the same errors; for sorted and unsorted
 * traces, a machine size from the header, the option or the jobs.
 */
class TraceRunTest {

    @TempDir
    Path dir;

    /** {@code jobs} job lines of a busy 64-processor machine; {@code swap}: every 997th pair of lines swapped (unsorted). */
    private Path trace(String name, String header, int jobs, boolean swap, boolean gzip) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> lines = new ArrayList<>();
        long submit = 0;
        for (int i = 1; i <= jobs; i++) {
            submit += random.nextInt(0, 40); // ties too
            long run = 1 + random.nextInt(0, 200);
            int procs = 1 + random.nextInt(0, random.nextInt(0, 8) == 0 ? 64 : 16);
            long requested = random.nextInt(0, 10) == 0 ? run / 2 + 1 : run + random.nextInt(0, 2000);
            lines.add(i + " " + submit + " -1 " + run + " " + procs + " -1 -1 " + procs + " " + requested
                    + " -1 1 1 1 -1 -1 -1 -1 -1");
        }
        if (swap) {
            for (int i = 500; i + 1 < lines.size(); i += 997) {
                String a = lines.get(i);
                lines.set(i, lines.get(i + 1));
                lines.set(i + 1, a);
            }
        }
        byte[] text = (header + String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text);
        }
        return file;
    }

    /** Read first, then simulated: what {@code simulate} did before. */
    private static SimulationResult readThenRun(Path file, SwfReadOptions options, Supplier<SchedulingPolicy> policy)
            throws IOException {
        SwfTrace t = SwfReader.read(file, options);
        return new Simulation(SimulationConfig.of(new ProcessorMachine(t.machineProcs()), t.jobs(), policy.get(), true)).run();
    }

    private static TraceRun.Outcome fed(Path file, SwfReadOptions options, Supplier<SchedulingPolicy> policy,
            AtomicInteger configurations) throws IOException {
        return TraceRun.run(file, options, (procs, jobs) -> {
            configurations.incrementAndGet();
            return SimulationConfig.of(new ProcessorMachine(procs), jobs, policy.get(), true);
        }, ProgressListener.NONE);
    }

    private static void assertSameRun(SimulationResult fed, SimulationResult read) {
        assertThat(fed.timeline().hash()).isEqualTo(read.timeline().hash());
        assertThat(fed.timeline().log()).isNotEmpty();
        assertThat(fed.timeline().log().stream().map(TraceRunTest::text).toList())
                .isEqualTo(read.timeline().log().stream().map(TraceRunTest::text).toList());
        assertThat(fed.jobs()).hasSameSizeAs(read.jobs());
        for (int i = 0; i < read.jobs().size(); i++) {
            JobRun a = fed.jobs().get(i);
            JobRun b = read.jobs().get(i);
            assertThat(a.spec()).isEqualTo(b.spec());
            assertThat(a.firstStart()).as("start of job %s", b.spec().id()).isEqualTo(b.firstStart());
            assertThat(a.end()).as("end of job %s", b.spec().id()).isEqualTo(b.end());
        }
        assertThat(fed.endTime()).isEqualTo(read.endTime());
        assertThat(fed.queueArea()).isEqualTo(read.queueArea());
    }

    private static String text(org.preemptlab.sim.LogEntry e) {
        return e.time() + " " + e.kind() + " " + e.job() + " " + java.util.Arrays.toString(e.nodes()) + " " + e.reason();
    }

    private static void assertSameTrace(SwfTrace fed, SwfTrace read) {
        assertThat(fed.jobs()).isEqualTo(read.jobs());
        assertThat(fed.header()).isEqualTo(read.header());
        assertThat(fed.machineProcs()).isEqualTo(read.machineProcs());
        assertThat(fed.report().summary()).isEqualTo(read.report().summary());
        assertThat(fed.report().machineSizeSource()).isEqualTo(read.report().machineSizeSource());
    }

    @Test
    void aSortedTraceIsSimulatedOnceWhileReadWithTheScheduleOfReadingItFirst() throws IOException {
        Path file = trace("sorted.swf.gz", "; MaxProcs: 64\n; Note: generated\n", 3000, false, true);
        for (Supplier<SchedulingPolicy> policy : List.<Supplier<SchedulingPolicy>>of(FcfsPolicy::new,
                EasyBackfillPolicy::new, ConservativeBackfillPolicy::new)) {
            AtomicInteger configurations = new AtomicInteger();
            TraceRun.Outcome o = fed(file, SwfReadOptions.defaults(), policy, configurations);
            assertThat(configurations).as("one run, on the jobs as read").hasValue(1);
            assertSameTrace(o.trace(), SwfReader.read(file));
            assertSameRun(o.result(), readThenRun(file, SwfReadOptions.defaults(), policy));
        }
    }

    @Test
    void anUnsortedTraceIsSimulatedAgainFromItsSortedJobs() throws IOException {
        Path file = trace("unsorted.swf", "; MaxProcs: 64\n", 6000, true, false);
        SwfTrace read = SwfReader.read(file);
        assertThat(read.report().summary()).contains("UNSORTED_SUBMIT");
        AtomicInteger configurations = new AtomicInteger();
        TraceRun.Outcome o = fed(file, SwfReadOptions.defaults(), EasyBackfillPolicy::new, configurations);
        assertThat(configurations).as("the run on the jobs before the first unsorted one is dropped").hasValue(2);
        assertSameTrace(o.trace(), read);
        assertSameRun(o.result(), readThenRun(file, SwfReadOptions.defaults(), EasyBackfillPolicy::new));
    }

    @Test
    void theMachineSizeComesFromTheOptionOrTheHeaderOrTheJobs() throws IOException {
        Path noSize = trace("nosize.swf", "; Note: no MaxProcs\n", 3000, false, false);
        AtomicInteger configurations = new AtomicInteger();
        TraceRun.Outcome inferred = fed(noSize, SwfReadOptions.defaults(), EasyBackfillPolicy::new, configurations);
        assertThat(configurations).as("inferred: known at the end, one run of the whole trace").hasValue(1);
        assertSameTrace(inferred.trace(), SwfReader.read(noSize));
        assertSameRun(inferred.result(), readThenRun(noSize, SwfReadOptions.defaults(), EasyBackfillPolicy::new));

        SwfReadOptions procs = SwfReadOptions.defaults().withProcs(100);
        TraceRun.Outcome option = fed(noSize, procs, EasyBackfillPolicy::new, new AtomicInteger());
        assertThat(option.trace().machineProcs()).isEqualTo(100);
        assertSameTrace(option.trace(), SwfReader.read(noSize, procs));
        assertSameRun(option.result(), readThenRun(noSize, procs, EasyBackfillPolicy::new));
    }

    @Test
    void readErrorsAreTheReadersEvenAfterTheRunHasBegun() throws IOException {
        Path good = trace("good.swf", "; MaxProcs: 64\n", 5000, false, false);
        String text = Files.readString(good);
        Path late = dir.resolve("late.swf");
        Files.writeString(late, text + "5001 99999999 -1 x 1 -1 -1 1 10 -1 1 1 1 -1 -1 -1 -1 -1\n");
        Path shortLine = dir.resolve("short.swf");
        Files.writeString(shortLine, text.replace("\n4000 ", "\n4000 1 "));
        Path bzip = dir.resolve("b.swf");
        Files.write(bzip, new byte[] {'B', 'Z', 'h', '9', 1, 2, 3});
        Path header = dir.resolve("header.swf");
        Files.writeString(header, "; MaxProcs: lots\n" + text);
        for (Path bad : List.of(late, shortLine, bzip, header, dir.resolve("missing.swf"), dir)) {
            String expected = messageOf(() -> SwfReader.read(bad));
            assertThat(expected).as("the reader refuses %s", bad).isNotEmpty();
            assertThatThrownBy(() -> fed(bad, SwfReadOptions.defaults(), EasyBackfillPolicy::new, new AtomicInteger()))
                    .isInstanceOf(IOException.class).hasMessage(expected);
        }
    }

    private interface Read {
        void run() throws IOException;
    }

    private static String messageOf(Read read) {
        try {
            read.run();
            return "";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void theFeedHandsOverTheJobsInSubmitOrderAndStopsAtTheFirstOutOfOrder() throws IOException {
        Path sorted = trace("s.swf", "; MaxProcs: 64\n", 2000, false, false);
        try (SwfFeed feed = SwfFeed.start(sorted, SwfReadOptions.defaults())) {
            assertThat(feed.machineProcs()).isEqualTo(64);
            List<Object> jobs = new ArrayList<>();
            for (int i = 0; feed.job(i) != null; i++) jobs.add(feed.job(i));
            assertThat(jobs).isEqualTo(feed.trace().jobs());
            assertThat(feed.job(jobs.size())).isNull();
        }
        Path unsorted = trace("u.swf", "; MaxProcs: 64\n", 2000, true, false);
        try (SwfFeed feed = SwfFeed.start(unsorted, SwfReadOptions.defaults())) {
            assertThatThrownBy(() -> {
                for (int i = 0; ; i++) feed.job(i);
            }).isInstanceOf(SwfFeed.Stopped.class);
            assertThat(feed.trace().jobs()).isEqualTo(SwfReader.read(unsorted).jobs());
        }
    }

    @Test
    void aFedRunRefusesWhatNeedsEveryJobUpFront() {
        var config = SimulationConfig.of(new ProcessorMachine(8), List.of(), new EasyBackfillPolicy(), false)
                .withMaintenance(List.of(new MaintenanceWindow("w", 100, 200, new int[] {0}, MaintenanceStrategy.DRAIN, 0)));
        assertThatThrownBy(() -> new Simulation(config, i -> null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maintenance");
    }
}
