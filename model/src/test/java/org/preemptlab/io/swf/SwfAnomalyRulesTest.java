package org.preemptlab.io.swf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.swf.SwfTestFiles.fixture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.io.swf.AnomalyReport.Example;
import org.preemptlab.job.JobSpec;

/** Each anomaly rule alone, on a small fixture in {@code src/test/resources/swf/}. */
class SwfAnomalyRulesTest {

    private static List<Integer> ids(SwfTrace trace) {
        return trace.jobs().stream().map(JobSpec::id).toList();
    }

    private static JobSpec job(SwfTrace trace, int id) {
        return trace.jobs().stream().filter(j -> j.id() == id).findFirst().orElseThrow();
    }

    /** The bookkeeping identity every report must satisfy. */
    private static void assertBalanced(AnomalyReport r) {
        assertThat(r.jobsKept() + r.linesRemoved() + r.outsideJobRange() + r.outsideSubmitWindow())
                .as("kept + removed + outside selection = job lines")
                .isEqualTo(r.jobLines());
    }

    @Test
    void cleanTraceFiresNoRule() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("clean.swf"));

        assertThat(trace.report().isClean()).isTrue();
        assertThat(trace.report().fired()).isEmpty();
        assertThat(trace.report().roundedMeasurements()).isEqualTo(1); // 0.5 CPU time of job 4
        assertThat(ids(trace)).containsExactly(1, 2, 3, 4);
        assertThat(trace.machineProcs()).isEqualTo(16);
        assertThat(trace.report().machineSizeSource()).isEqualTo(MachineSizeSource.MAX_PROCS);
        assertBalanced(trace.report());
    }

    @Test
    void zeroOrMissingRuntimeIsDropped() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("zero-runtime.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.ZERO_OR_MISSING_RUNTIME);
        assertThat(r.count(SwfAnomaly.ZERO_OR_MISSING_RUNTIME)).isEqualTo(2);
        assertThat(r.examples(SwfAnomaly.ZERO_OR_MISSING_RUNTIME)).containsExactly(new Example(2, 4), new Example(3, 5));
        assertThat(ids(trace)).containsExactly(1, 4);
        assertThat(r.jobLines()).isEqualTo(4);
        assertThat(r.linesRemoved()).isEqualTo(2);
        assertBalanced(r);
    }

    @Test
    void processorsAreRequestedElseAllocatedAndMissingOnesAreDropped() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("missing-processors.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.MISSING_PROCESSORS);
        assertThat(r.examples(SwfAnomaly.MISSING_PROCESSORS)).extracting(Example::jobNumber).containsExactly(4L, 5L);
        assertThat(ids(trace)).containsExactly(1, 2, 3);
        assertThat(job(trace, 1).nodes()).isEqualTo(8);
        assertThat(job(trace, 2).nodes()).isEqualTo(4);
        assertThat(job(trace, 3).nodes()).isEqualTo(6);
        assertBalanced(r);
    }

    @Test
    void oversizedJobsAreDroppedAgainstMaxProcs() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("oversized-processors.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.OVERSIZED_PROCESSORS);
        assertThat(r.examples(SwfAnomaly.OVERSIZED_PROCESSORS)).containsExactly(new Example(2, 5), new Example(3, 6));
        assertThat(ids(trace)).containsExactly(1, 4);
        assertThat(trace.machineProcs()).isEqualTo(16);
    }

    @Test
    void procsOptionOverridesTheHeader() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("oversized-processors.swf"), SwfReadOptions.defaults().withProcs(32));

        assertThat(trace.report().isClean()).isTrue();
        assertThat(trace.machineProcs()).isEqualTo(32);
        assertThat(trace.report().machineSizeSource()).isEqualTo(MachineSizeSource.OPTION);
        assertThat(ids(trace)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void maxNodesIsTheMachineSizeWhenMaxProcsIsAbsent() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("maxnodes-only.swf"));

        assertThat(trace.machineProcs()).isEqualTo(8);
        assertThat(trace.report().machineSizeSource()).isEqualTo(MachineSizeSource.MAX_NODES);
        assertThat(trace.report().fired()).containsExactly(SwfAnomaly.OVERSIZED_PROCESSORS);
        assertThat(ids(trace)).containsExactly(1);
    }

    @Test
    void machineSizeIsInferredFromTheLargestJobWithoutHeader() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("no-header.swf"));

        assertThat(trace.machineProcs()).isEqualTo(12);
        assertThat(trace.report().machineSizeSource()).isEqualTo(MachineSizeSource.INFERRED);
        assertThat(trace.report().summary()).contains("12 processors (inferred from the largest job");
        assertThat(trace.report().isClean()).isTrue();
        assertThat(trace.header()).isEqualTo(SwfHeader.EMPTY);
    }

    @Test
    void missingEstimateBecomesTheRunTime() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("missing-estimate.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.MISSING_ESTIMATE);
        assertThat(r.count(SwfAnomaly.MISSING_ESTIMATE)).isEqualTo(2);
        assertThat(job(trace, 1).estimate()).isEqualTo(100);
        assertThat(job(trace, 2).estimate()).isEqualTo(250);
        assertThat(job(trace, 3).estimate()).isEqualTo(500);
        // the original field stays in swf for the writer
        assertThat(job(trace, 1).swf()[SwfField.REQUESTED_TIME.index()]).isEqualTo(-1);
    }

    @Test
    void runExceedingTheEstimateRaisesTheEstimate() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("run-exceeds-estimate.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.RUN_EXCEEDS_ESTIMATE);
        assertThat(r.examples(SwfAnomaly.RUN_EXCEEDS_ESTIMATE)).containsExactly(new Example(1, 4));
        assertThat(job(trace, 1).estimate()).isEqualTo(200);
        assertThat(job(trace, 1).runtime()).isEqualTo(200);
        assertThat(job(trace, 2).estimate()).isEqualTo(100);
    }

    @Test
    void unsortedSubmitsAreCountedAndStablySorted() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("unsorted.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.UNSORTED_SUBMIT);
        assertThat(r.examples(SwfAnomaly.UNSORTED_SUBMIT)).containsExactly(new Example(3, 6), new Example(4, 8));
        assertThat(ids(trace)).containsExactly(1, 3, 2, 4, 5, 6);
        assertThat(trace.jobs()).isSortedAccordingTo(SwfReader.SUBMIT_ORDER);
    }

    @Test
    void streamingCountsUnsortedLinesButKeepsFileOrder() throws IOException {
        List<Integer> seen = new ArrayList<>();
        SwfSummary summary = SwfReader.stream(fixture("unsorted.swf"), SwfReadOptions.defaults(), j -> seen.add(j.id()));

        assertThat(seen).containsExactly(1, 2, 3, 5, 4, 6);
        assertThat(summary.report().count(SwfAnomaly.UNSORTED_SUBMIT)).isEqualTo(2);
        assertThat(summary.jobs()).isEqualTo(6);
    }

    @Test
    void negativeSubmitIsDropped() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("negative-submit.swf"));

        assertThat(trace.report().fired()).containsExactly(SwfAnomaly.NEGATIVE_SUBMIT);
        assertThat(trace.report().examples(SwfAnomaly.NEGATIVE_SUBMIT)).extracting(Example::jobNumber)
                .containsExactly(1L, 2L);
        assertThat(ids(trace)).containsExactly(3);
    }

    @Test
    void laterDuplicateJobNumbersAreDroppedAndTheFirstKept() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("duplicate.swf"));

        assertThat(trace.report().fired()).containsExactly(SwfAnomaly.DUPLICATE_JOB_NUMBER);
        assertThat(trace.report().examples(SwfAnomaly.DUPLICATE_JOB_NUMBER)).containsExactly(new Example(2, 5));
        assertThat(ids(trace)).containsExactly(1, 2, 3);
        assertThat(job(trace, 2).runtime()).isEqualTo(111);
        assertThat(job(trace, 2).submit()).isEqualTo(10);
        assertBalanced(trace.report());
    }

    @Test
    void partialExecutionLinesAreSkippedAndOrphansReported() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("partial.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.PARTIAL_EXECUTION_RECORD, SwfAnomaly.ORPHAN_PARTIAL_EXECUTION);
        assertThat(r.count(SwfAnomaly.PARTIAL_EXECUTION_RECORD)).isEqualTo(4);
        assertThat(r.examples(SwfAnomaly.PARTIAL_EXECUTION_RECORD)).extracting(Example::line)
                .containsExactly(6L, 8L, 9L, 10L);
        assertThat(r.examples(SwfAnomaly.ORPHAN_PARTIAL_EXECUTION)).containsExactly(new Example(3, 9));
        assertThat(r.count(SwfAnomaly.DUPLICATE_JOB_NUMBER)).isZero();
        // the summary line of job 1 is the job: whole run time 300
        assertThat(ids(trace)).containsExactly(1, 2);
        assertThat(job(trace, 1).runtime()).isEqualTo(300);
        assertBalanced(r);
    }

    @Test
    void fractionalTimesAreRoundedHalfUpAndCounted() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("fractional.swf"));
        AnomalyReport r = trace.report();

        assertThat(r.fired()).containsExactly(SwfAnomaly.FRACTIONAL_TIME, SwfAnomaly.ZERO_OR_MISSING_RUNTIME);
        assertThat(r.examples(SwfAnomaly.FRACTIONAL_TIME)).extracting(Example::jobNumber).containsExactly(1L, 2L, 3L);
        assertThat(r.examples(SwfAnomaly.ZERO_OR_MISSING_RUNTIME)).extracting(Example::jobNumber).containsExactly(3L);
        assertThat(r.roundedMeasurements()).isEqualTo(1);
        assertThat(job(trace, 1).submit()).isEqualTo(10);
        assertThat(job(trace, 2).runtime()).isEqualTo(100);
        JobSpec four = job(trace, 4);
        assertThat(four.nodes()).isEqualTo(4);
        assertThat(four.estimate()).isEqualTo(200);
        assertThat(four.swf()[SwfField.AVERAGE_CPU_TIME.index()]).isEqualTo(552);
    }

    @Test
    void examplesAreCappedButCountsAreNot(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("; MaxProcs: 4\n");
        for (int i = 1; i <= 25; i++) {
            sb.append(SwfTestFiles.jobLine(i, i, 0, 1, 10)).append('\n');
        }
        sb.append(SwfTestFiles.jobLine(26, 26, 5, 1, 10)).append('\n');
        SwfTrace trace = SwfReader.read(SwfTestFiles.write(dir, "many.swf", sb.toString()));

        assertThat(trace.report().count(SwfAnomaly.ZERO_OR_MISSING_RUNTIME)).isEqualTo(25);
        assertThat(trace.report().examples(SwfAnomaly.ZERO_OR_MISSING_RUNTIME)).hasSize(AnomalyReport.MAX_EXAMPLES)
                .first().isEqualTo(new Example(1, 2));
    }

    @Test
    void jobSpecCarriesTheTraceValuesAndTheOriginalFields() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("clean.swf"));
        JobSpec job = trace.jobs().get(2);

        assertThat(job.id()).isEqualTo(3);
        assertThat(job.name()).isEqualTo("3");
        assertThat(job.submit()).isEqualTo(5);
        assertThat(job.nodes()).isEqualTo(2);
        assertThat(job.coresPerNode()).isEqualTo(1);
        assertThat(job.procs()).isEqualTo(2);
        assertThat(job.estimate()).isEqualTo(600);
        assertThat(job.runtime()).isEqualTo(300);
        assertThat(job.qos()).isEqualTo("normal");
        assertThat(job.rerunnable()).isTrue();
        assertThat(job.checkpointable()).isTrue();
        assertThat(job.swf()).containsExactly(3, 5, 30, 300, 2, -1, -1, -1, 600, -1, 0, 3, 2, -1, -1, -1, -1, -1);
    }

    @Test
    void jobRangeSelectsJobNumbers() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("clean.swf"), SwfReadOptions.defaults().withJobRange(2, 3));

        assertThat(ids(trace)).containsExactly(2, 3);
        assertThat(trace.report().outsideJobRange()).isEqualTo(2);
        assertThat(trace.report().isClean()).isTrue();
        assertBalanced(trace.report());
    }

    @Test
    void submitWindowIsHalfOpen() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("clean.swf"), SwfReadOptions.defaults().withSubmitWindow(5, 60));

        assertThat(ids(trace)).containsExactly(2, 3);
        assertThat(trace.report().outsideSubmitWindow()).isEqualTo(2);
        assertBalanced(trace.report());
    }

    @Test
    void maxJobsStopsReading() throws IOException {
        SwfTrace trace = SwfReader.read(fixture("clean.swf"), SwfReadOptions.defaults().withMaxJobs(2));

        assertThat(ids(trace)).containsExactly(1, 2);
        assertThat(trace.report().stoppedAtMaxJobs()).isTrue();
        assertThat(trace.report().jobLines()).isEqualTo(2);

        SwfTrace all = SwfReader.read(fixture("clean.swf"), SwfReadOptions.defaults().withMaxJobs(4));
        assertThat(all.report().stoppedAtMaxJobs()).isFalse();
    }

    @Test
    void everyRuleHasADescriptionForUsers() {
        for (SwfAnomaly rule : SwfAnomaly.values()) {
            assertThat(rule.description()).as(rule.name()).isNotBlank().doesNotContain("\n");
        }
    }
}
