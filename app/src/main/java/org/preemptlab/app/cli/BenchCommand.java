package org.preemptlab.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.workload.WorkloadGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures the engine: wall seconds, jobs per second and peak heap per trace and policy. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the engine on traces and a synthetic workload (recording off, as `simulate`).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--trace", description = "SWF traces to run (repeatable)")
    List<Path> traces = new ArrayList<>();

    @Option(names = "--synthetic", defaultValue = "1000000", description = "jobs in the synthetic trace, 0 for none (default: ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--synthetic-procs", defaultValue = "1024", description = "machine size of the synthetic trace (default: ${DEFAULT-VALUE})")
    int syntheticProcs;

    @Option(names = "--policies", split = ",", defaultValue = "fcfs,easy,conservative",
            description = "policies to run (default: ${DEFAULT-VALUE})")
    List<String> policies;

    @Option(names = "--repeat", defaultValue = "1", description = "runs per case; the best is reported (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--markdown", description = "write the results as a markdown table to this file")
    Path markdown;

    record Row(String workload, String policy, int jobs, double readSeconds, double wallSeconds, double jobsPerSecond,
            double peakHeapMiB, double meanWait) {}

    @Override
    public Integer call() throws Exception {
        List<Row> rows = new ArrayList<>();
        System.out.println("workload | policy | jobs | read s | wall s | jobs/s | peak heap MiB | mean wait s");
        for (Path trace : traces) {
            long t0 = System.nanoTime();
            SwfTrace t = SwfReader.read(trace, org.preemptlab.io.swf.SwfReadOptions.defaults().withoutFields());
            double read = (System.nanoTime() - t0) / 1e9;
            for (String policy : policies) rows.add(bench(trace.getFileName().toString(), t.machineProcs(), t.jobs(), policy, read));
        }
        if (synthetic > 0) {
            long t0 = System.nanoTime();
            List<JobSpec> jobs = WorkloadGenerator.loaded(synthetic, syntheticProcs, 0.85, 42).generate();
            double gen = (System.nanoTime() - t0) / 1e9;
            for (String policy : policies) rows.add(bench("synthetic-" + synthetic, syntheticProcs, jobs, policy, gen));
        }
        if (markdown != null) {
            StringBuilder md = new StringBuilder("| workload | policy | jobs | read/generate s | wall s | jobs/s | peak heap MiB | mean wait s |\n|---|---|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                md.append(String.format("| %s | %s | %d | %.2f | %.2f | %.0f | %.0f | %.1f |%n", r.workload, r.policy, r.jobs,
                        r.readSeconds, r.wallSeconds, r.jobsPerSecond, r.peakHeapMiB, r.meanWait));
            }
            Files.writeString(markdown, md.toString());
        }
        return 0;
    }

    private Row bench(String workload, int procs, List<JobSpec> jobs, String policy, double read) {
        double best = Double.MAX_VALUE;
        double peak = 0;
        double meanWait = 0;
        for (int i = 0; i < Math.max(1, repeat); i++) {
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            SimulationResult result = new Simulation(PolicyOptions.of(policy, 0.2, 215, false)
                    .config(new ProcessorMachine(procs), jobs, false)).run();
            double wall = (System.nanoTime() - t0) / 1e9;
            peak = Math.max(peak, peakHeapMiB());
            best = Math.min(best, wall);
            meanWait = MetricsCalculator.of(result).meanWaitSeconds();
        }
        Row row = new Row(workload, policy, jobs.size(), read, best, jobs.size() / best, peak, meanWait);
        System.out.printf("%s | %s | %d | %.2f | %.2f | %.0f | %.0f | %.1f%n", workload, policy, jobs.size(), read, best,
                row.jobsPerSecond(), peak, meanWait);
        return row;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static double peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / (1024.0 * 1024.0);
    }
}
