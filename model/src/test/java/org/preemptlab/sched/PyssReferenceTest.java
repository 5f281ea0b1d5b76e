package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.testing.SharedFiles;

/**
 * Job-for-job agreement of our EASY with the pyss 2024 reference (see shared/reference/README.md):
 * every job's simulated start equals the reference's submit + wait.
 */
class PyssReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"KTH-SP2-1996-2.1-cln", "NASA-iPSC-1993-3.1-cln", "HPC2N-2002-2.1-cln", "SDSC-BLUE-2000-4.2-cln"})
    void easyMatchesPyss2024(String name) throws IOException {
        Path input = SharedFiles.require("reference/" + name + ".clean.swf.gz");
        Path reference = SharedFiles.require("reference/" + name + ".pyss2024-easy.out.swf.gz");
        SwfTrace trace = SwfReader.read(input);
        SimulationResult result = new Simulation(SimulationConfig.of(new ProcessorMachine(trace.machineProcs()),
                trace.jobs(), new EasyBackfillPolicy(), false)).run();
        Map<Integer, Long> expectedWait = readWaits(reference);
        List<JobRun> jobs = result.jobs();
        int same = 0;
        double refBsld = 0;
        for (JobRun r : jobs) {
            long wait = expectedWait.get(r.spec().id());
            if (r.firstStart() - r.spec().submit() == wait) same++;
            refBsld += MetricsCalculator.boundedSlowdown(wait + r.spec().runtime(), r.spec().runtime());
        }
        refBsld /= jobs.size();
        Metrics m = MetricsCalculator.of(result);
        double share = (double) same / jobs.size();
        System.out.printf("%s: %d/%d jobs start as in pyss 2024 (%.4f %%); mean bsld %.4f vs %.4f (%.4f %%)%n",
                name, same, jobs.size(), 100 * share, m.meanBoundedSlowdown(), refBsld,
                100 * Math.abs(m.meanBoundedSlowdown() - refBsld) / refBsld);
        assertThat(jobs).hasSize(expectedWait.size());
        assertThat(share).isGreaterThanOrEqualTo(0.999);
        assertThat(Math.abs(m.meanBoundedSlowdown() - refBsld) / refBsld).isLessThanOrEqualTo(0.001);
    }

    static Map<Integer, Long> readWaits(Path file) throws IOException {
        Map<Integer, Long> waits = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (String line; (line = in.readLine()) != null; ) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith(";")) continue;
                String[] f = line.split("\\s+");
                waits.put(Integer.parseInt(f[0]), (long) Double.parseDouble(f[2]));
            }
        }
        return waits;
    }
}
