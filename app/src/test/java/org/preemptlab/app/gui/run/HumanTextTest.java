package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.sched.Reason;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;

/** The run view's words: the Why list, the job panel, pool headers, playback speed and the tiles' help. */
class HumanTextTest {

    static Path sample(String name) {
        Path d = Paths.get("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        return d.resolve("sample-clusters").resolve(name);
    }

    static RunRecord run(String sample) throws Exception {
        var s = ScenarioReader.read(sample(sample));
        return RunRecord.of(s.name(), new Simulation(s.toConfig(true)).run());
    }

    @Test
    void a_suspension_that_carries_out_the_preemption_above_does_not_repeat_its_sentence() throws Exception {
        RunViewModel vm = new RunViewModel(run("suspend-vs-memory.json"));
        vm.filterProperty().set(LogFilter.PREEMPTION);
        List<DecisionItem> items = vm.decisions();
        DecisionItem suspend = items.stream().filter(d -> d.entry().kind() == LogKind.SUSPEND).findFirst()
                .orElseThrow(() -> new AssertionError("the sample suspends a job"));
        assertThat(suspend.followsAbove()).isTrue();
        assertThat(suspend.text()).startsWith("suspended, as decided above");
        for (int i = 1; i < items.size(); i++) {
            DecisionItem a = items.get(i - 1);
            DecisionItem b = items.get(i);
            if (a.time() == b.time() && a.entry().job() == b.entry().job()) {
                assertThat(b.text()).as("row %d repeats row %d", i, i - 1).isNotEqualTo(a.text());
            }
        }
        // the preemption itself keeps its reason
        DecisionItem preempt = items.get(items.indexOf(suspend) - 1);
        assertThat(preempt.entry().kind()).isEqualTo(LogKind.PREEMPT);
        assertThat(preempt.text()).isEqualTo(preempt.entry().reason().text());
    }

    @Test
    void only_the_same_reason_at_the_same_instant_for_the_same_job_follows() {
        Reason why = Reason.of("job A suspended to make room for job B");
        Reason other = Reason.of("job A suspended to make room for job B");
        List<LogEntry> log = List.of(new LogEntry(10, LogKind.PREEMPT, 0, new int[0], why),
                new LogEntry(10, LogKind.SUSPEND, 0, new int[0], why),
                new LogEntry(10, LogKind.SUSPEND, 1, new int[0], why),
                new LogEntry(10, LogKind.SUSPEND, 0, new int[0], other),
                new LogEntry(11, LogKind.SUSPEND, 0, new int[0], why));
        assertThat(RunViewModel.followsAbove(log, 0)).isFalse();
        assertThat(RunViewModel.followsAbove(log, 1)).isTrue();
        assertThat(RunViewModel.followsAbove(log, 2)).as("another job").isFalse();
        assertThat(RunViewModel.followsAbove(log, 3)).as("another reason").isFalse();
        assertThat(RunViewModel.followsAbove(log, 4)).as("a later instant").isFalse();
    }

    /** A one-processor job of the given name (the start reasons hold the job, not its name). */
    private static org.preemptlab.job.JobSpec named(String name) {
        return org.preemptlab.job.JobSpec.ofProcessors(1, 0, 1, 60, 60).withName(name);
    }

    @Test
    void reasons_do_not_say_job_twice_and_count_cores_right() {
        assertThat(Reason.job("job1")).isEqualTo("job1");
        assertThat(Reason.job("Job-A")).isEqualTo("Job-A");
        assertThat(Reason.job("job")).isEqualTo("job");
        assertThat(Reason.job("17")).isEqualTo("job 17");
        assertThat(Reason.job("jobless")).isEqualTo("job jobless");
        assertThat(new org.preemptlab.sched.StartReason.InOrder(named("job1"), 1).text())
                .isEqualTo("job1 started in queue order: it fit in the 1 free core");
        assertThat(new org.preemptlab.sched.StartReason.InOrder(named("A"), 12).text())
                .isEqualTo("job A started in queue order: it fit in the 12 free cores");
        assertThat(new org.preemptlab.preempt.PreemptReason.OwnerReclaims("job2", org.preemptlab.mechanism.PreemptMechanism.SUSPEND,
                "job7", "owned").text()).isEqualTo("job2 suspended to make room for owner job7 on pool owned");
        assertThat(new org.preemptlab.sched.StartReason.Predicted(named("x"), 3900, named("h"), 7200).text())
                .contains("predicted to run 1 h 05 min");
    }

    @Test
    void the_job_panel_counts_nodes_and_cores_in_words() throws Exception {
        RunRecord r = run("owner-pools.json");
        JobFacts one = r.jobs().stream().filter(j -> j.nodes() == 1).findFirst().orElseThrow();
        String summary = JobHistory.summary(one);
        assertThat(summary).contains("1 node × ").doesNotContain("1 nodes").doesNotContain("Job job");
        assertThat(summary).containsPattern("estimate (\\d+ s|\\d+ min( \\d\\d s)?|\\d+ h( \\d\\d min)?|\\d+ d( \\d+ h)?),");
        JobFacts single = new JobFacts(0, "job9", "normal", "", 120, 1, 0, 0, 3600, 1800, true, true,
                org.preemptlab.job.JobState.COMPLETED, 0, 1800, 0, 0, 0, 0, 0, 0);
        assertThat(JobHistory.summary(single)).startsWith("job9  (QOS normal)\n120 nodes × 1 core\n");
    }

    @Test
    void pool_headers_say_which_number_is_nodes_and_which_cores() {
        assertThat(new PoolGroup("big", 0, 4, 8).sizeText()).isEqualTo("4 nodes × 8 cores");
        assertThat(new PoolGroup("one", 0, 1, 1).sizeText()).isEqualTo("1 node × 1 core");
        assertThat(new PoolGroup("processors", 0, 1152, 1).sizeText()).isEqualTo("1,152 processors");
    }

    @Test
    void playback_speeds_read_as_words() {
        assertThat(RunViewModel.SPEEDS.stream().map(org.preemptlab.units.Units::speed).toList()).containsExactly(
                "1 s per second (real time)", "10 s per second", "1 min per second", "5 min per second", "15 min per second",
                "1 h per second", "4 h per second", "1 day per second", "1 week per second", "30 days per second");
    }

    @Test
    void the_metric_tiles_explain_themselves() {
        assertThat(CursorMetrics.UTILIZATION_HELP).startsWith("Utilization:").contains("useful work");
        assertThat(CursorMetrics.CORES_HELD_HELP).startsWith("Cores held:").contains("checkpoint");
    }
}
