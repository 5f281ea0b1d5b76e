package org.preemptlab.io.scenario;

import org.preemptlab.scenario.TraceReference;

import org.preemptlab.scenario.ScenarioProblem;

import org.preemptlab.scenario.ScenarioException;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.MachineSizeSource;
import org.preemptlab.io.swf.SwfAnomaly;
import org.preemptlab.job.JobSpec;

/** Scenarios whose jobs come from an SWF trace (tiny.swf: 8 jobs, MaxProcs 16, job 5 asks for 32). */
class ScenarioTraceTest {

    private static final String HEAD = "{\"formatVersion\": 1, \"name\": \"tr\", \"policy\": {\"scheduler\": \"easy\"}, ";

    private static Scenario withTrace(String trace) throws ScenarioException {
        return ScenarioReader.read(HEAD + trace + "}", "tr.json", ScenarioTestSupport.fixture("tiny.swf").getParent());
    }

    @Test
    void wholeTraceOnItsOwnMachine() throws Exception {
        Scenario s = withTrace("\"trace\": {\"path\": \"tiny.swf\"}");
        assertThat(s.cluster()).isEqualTo(new ProcessorMachine(16));
        assertThat(s.jobs()).extracting(JobSpec::id).containsExactly(1, 2, 3, 4, 6, 7, 8);
        assertThat(s.traceReport().count(SwfAnomaly.OVERSIZED_PROCESSORS)).isEqualTo(1);
        assertThat(s.traceReport().machineSizeSource()).isEqualTo(MachineSizeSource.MAX_PROCS);
        assertThat(s.trace()).isEqualTo(TraceReference.of(ScenarioTestSupport.fixture("tiny.swf")));
        // run 500 > requested 400: the reader's rule makes the estimate the run time
        assertThat(s.jobs().get(3).estimate()).isEqualTo(500);
    }

    @Test
    void jobRangeAndSubmitWindow() throws Exception {
        Scenario range = withTrace("\"trace\": {\"path\": \"tiny.swf\", \"firstJob\": 2, \"lastJob\": 6}");
        assertThat(range.jobs()).extracting(JobSpec::id).containsExactly(2, 3, 4, 6);
        assertThat(range.traceReport().outsideJobRange()).isEqualTo(3);
        Scenario window = withTrace("\"trace\": {\"path\": \"tiny.swf\", \"fromSubmit\": \"1h\", \"toSubmit\": \"2h\"}");
        assertThat(window.jobs()).extracting(JobSpec::id).containsExactly(6, 7);
        Scenario max = withTrace("\"trace\": {\"path\": \"tiny.swf\", \"maxJobs\": 2}");
        assertThat(max.jobs()).extracting(JobSpec::id).containsExactly(1, 2);
    }

    @Test
    void machineSizeFromTheClusterOrTheProcsOverride() throws Exception {
        Scenario big = withTrace("\"cluster\": {\"processors\": 32}, \"trace\": {\"path\": \"tiny.swf\"}");
        assertThat(big.cluster()).isEqualTo(new ProcessorMachine(32));
        assertThat(big.jobs()).hasSize(8);
        Scenario small = withTrace("\"trace\": {\"path\": \"tiny.swf\", \"procs\": 8}");
        assertThat(small.cluster()).isEqualTo(new ProcessorMachine(8));
        assertThat(small.jobs()).extracting(JobSpec::id).containsExactly(1, 2, 4, 6, 7, 8);
    }

    @Test
    void traceProblems() {
        assertThat(problems("\"cluster\": {\"processors\": 32}, \"trace\": {\"path\": \"tiny.swf\", \"procs\": 8,"
                + " \"firstJob\": 5, \"lastJob\": 2, \"fromSubmit\": \"2h\", \"toSubmit\": \"1h\", \"jobs\": 1}"))
                .containsExactly(
                        "trace.jobs: unknown field; the fields here are path, firstJob, lastJob, fromSubmit, toSubmit,"
                                + " maxJobs, procs",
                        "trace.lastJob: 2; must be ≥ firstJob (5)",
                        "trace.toSubmit: \"1h\"; must be later than fromSubmit (02:00:00)",
                        "trace.procs: 8; differs from cluster.processors (32); give one of them");
        Path dir = ScenarioTestSupport.fixture("tiny.swf").getParent();
        assertThat(problems("\"trace\": {\"path\": \"missing.swf\"}"))
                .containsExactly("trace.path: \"missing.swf\"; file not found (" + dir.resolve("missing.swf") + ")");
        assertThat(problems("\"trace\": {\"path\": \"tiny.swf\", \"firstJob\": 100}"))
                .containsExactly("trace.path: \"tiny.swf\"; tiny.swf: no jobs to simulate: 8 job lines read, 8 outside"
                        + " the job range 100..9223372036854775807");
    }

    @Test
    void malformedTraceIsReportedAtThePath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.swf"), "1 0 0 100 abc -1 -1 4 200 -1 1 1 1 -1 1 -1 -1 -1\n");
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read(HEAD + "\"trace\": {\"path\": \"bad.swf\"}}", "tr.json", dir));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("trace.path");
            assertThat(p.message()).startsWith("\"bad.swf\"; bad.swf:1: field 5");
        });
    }

    @Test
    void relativePathIsResolvedAgainstTheScenarioFilesDirectory(@TempDir Path dir) throws Exception {
        Path traces = Files.createDirectories(dir.resolve("traces"));
        Files.copy(ScenarioTestSupport.fixture("tiny.swf"), traces.resolve("tiny.swf"));
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Path file = Files.writeString(scenarios.resolve("s.json"),
                HEAD + "\"trace\": {\"path\": \"../traces/tiny.swf\", \"lastJob\": 3}}");
        Scenario s = ScenarioReader.read(file);
        assertThat(s.trace().path()).isEqualTo(traces.resolve("tiny.swf").toAbsolutePath().normalize());
        assertThat(s.jobs()).hasSize(3);
    }

    private static List<String> problems(String trace) {
        try {
            withTrace(trace);
        } catch (ScenarioException e) {
            return e.problems().stream().map(ScenarioProblem::toString).toList();
        }
        throw new AssertionError("expected problems");
    }
}
