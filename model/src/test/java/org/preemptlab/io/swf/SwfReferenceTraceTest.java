package org.preemptlab.io.swf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.preemptlab.job.JobSpec;

/**
 * The reader against the shared reference data ({@code ../shared} next to the repository): on the
 * cleaned inputs no rule fires, and on the raw archive traces our rules produce exactly the cleaned
 * jobs. Skipped when the shared data is absent.
 */
class SwfReferenceTraceTest {

    private static Path sharedFile(String relative) {
        Optional<Path> file = SwfTestFiles.shared(relative);
        Assumptions.assumeTrue(file.isPresent(), "../shared/" + relative + " (shared/reference) absent: skipping");
        return file.get();
    }

    @Test
    void kthCleanTraceReadsWithoutAnyRule() throws IOException {
        SwfTrace trace = SwfReader.read(sharedFile("reference/KTH-SP2-1996-2.1-cln.clean.swf.gz"));

        assertThat(trace.jobs()).hasSize(27_992);
        assertThat(trace.header().maxProcs()).isEqualTo(100);
        assertThat(trace.machineProcs()).isEqualTo(100);
        assertThat(trace.report().fired()).as(trace.report().summary()).isEmpty();
        assertThat(trace.report().jobLines()).isEqualTo(27_992);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "KTH-SP2-1996-2.1-cln, 100, 27992",
            "HPC2N-2002-2.1-cln, 240, 202876",
            "SDSC-BLUE-2000-4.2-cln, 1152, 232536",
            "NASA-iPSC-1993-3.1-cln, 128, 18066"})
    void cleanReferenceInputsFireNoRule(String name, int procs, int jobs) throws IOException {
        SwfTrace trace = SwfReader.read(sharedFile("reference/" + name + ".clean.swf.gz"));

        assertThat(trace.jobs()).hasSize(jobs);
        assertThat(trace.machineProcs()).isEqualTo(procs);
        assertThat(trace.report().fired()).as(trace.report().summary()).isEmpty();
    }

    /**
     * Our rules on the raw archive trace give the reference's cleaned jobs, in the same order (the
     * reference renumbered them 1..n, so ids are not compared), and the counts its cleaner noted.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "KTH-SP2-1996-2.1-cln, 0, 0, 0",
            "HPC2N-2002-2.1-cln, 0, 0, 14817",
            "SDSC-BLUE-2000-4.2-cln, 10770, 0, 23434",
            "NASA-iPSC-1993-3.1-cln, 173, 18066, 0"})
    void rawArchiveTracesGiveTheCleanedJobs(String name, long zeroRun, long missingEstimate, long runExceeds)
            throws IOException {
        Path raw = sharedFile("traces/" + name + ".swf.gz");
        SwfTrace fromRaw = SwfReader.read(raw);
        SwfTrace clean = SwfReader.read(sharedFile("reference/" + name + ".clean.swf.gz"));
        AnomalyReport r = fromRaw.report();

        assertThat(r.count(SwfAnomaly.ZERO_OR_MISSING_RUNTIME)).isEqualTo(zeroRun);
        assertThat(r.count(SwfAnomaly.MISSING_ESTIMATE)).isEqualTo(missingEstimate);
        assertThat(r.count(SwfAnomaly.RUN_EXCEEDS_ESTIMATE)).isEqualTo(runExceeds);
        assertThat(r.count(SwfAnomaly.MISSING_PROCESSORS) + r.count(SwfAnomaly.OVERSIZED_PROCESSORS)
                + r.count(SwfAnomaly.UNSORTED_SUBMIT) + r.count(SwfAnomaly.DUPLICATE_JOB_NUMBER)).isZero();
        assertThat(fromRaw.machineProcs()).isEqualTo(clean.machineProcs());

        List<JobSpec> a = fromRaw.jobs();
        List<JobSpec> b = clean.jobs();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            JobSpec x = a.get(i);
            JobSpec y = b.get(i);
            if (x.submit() != y.submit() || x.procs() != y.procs() || x.estimate() != y.estimate()
                    || x.runtime() != y.runtime()) {
                throw new AssertionError("job " + i + " differs: raw " + x + " vs clean " + y);
            }
        }
    }

    @Test
    void aTraceWithoutHeaderInfersTheMachineSize() throws IOException {
        SwfTrace trace = SwfReader.read(sharedFile("traces/METACENTRUM-2009-2.swf.gz"));

        assertThat(trace.report().machineSizeSource()).isEqualTo(MachineSizeSource.INFERRED);
        assertThat(trace.machineProcs()).isEqualTo(trace.jobs().stream().mapToInt(JobSpec::procs).max().orElseThrow());
        assertThat(trace.report().jobsKept() + trace.report().linesRemoved()).isEqualTo(trace.report().jobLines());
    }
}
