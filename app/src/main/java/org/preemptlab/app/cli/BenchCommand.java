package org.preemptlab.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.lang.management.ThreadMXBean;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
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

/**
 * Measures the engine: wall seconds, jobs per second and peak heap per trace and policy, warm and
 * in-process; with {@code --cold}, whole-process single-shot runs as users type them ({@link ColdBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the engine on traces and a synthetic workload (recording off, as `simulate`).",
                "With --cold: time whole-process single-shot `simulate` runs (new JVM each, as users run it), "
                        + "alternating with the other commands given (--vs), and report medians of wall and CPU."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--cold", description = "measure whole-process single-shot runs instead of warm in-process ones")
    boolean cold;

    @Option(names = "--pairs", defaultValue = "5", description = "--cold: alternating rounds (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--launcher",
            description = "--cold: how to start PreemptLab, '|'-separated words; repeatable, one variant each "
                    + "(default: `java -jar <this jar>` and, if present, the `preemptlab` launcher script)")
    List<String> launchers = new ArrayList<>();

    @Option(names = "--vs", description = "--cold: another command to time in the same rounds, as LABEL=shell command "
            + "(e.g. the Python model: python=python3 easy_model.py CLEAN.swf.gz 240 2024); repeatable")
    List<String> versus = new ArrayList<>();

    @Option(names = "--trace", description = "SWF traces to run (repeatable)")
    List<Path> traces = new ArrayList<>();

    @Option(names = "--synthetic", defaultValue = "1000000", description = "jobs in the synthetic trace, 0 for none (default: ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--synthetic-procs", split = ",", defaultValue = "1024",
            description = "machine sizes of the synthetic trace in processor mode, comma-separated, e.g. 80640,100000000; "
                    + "0 for none (default: ${DEFAULT-VALUE})")
    List<Integer> syntheticProcs;

    @Option(names = "--synthetic-nodes", split = ",",
            description = "machine sizes (nodes) of the synthetic trace in node mode (whole nodes of --cores-per-node cores; "
                    + "a job of n processors in the processor-mode mix asks for n nodes), comma-separated")
    List<Integer> syntheticNodes = new ArrayList<>();

    @Option(names = "--cores-per-node", defaultValue = "32", description = "--synthetic-nodes: cores per node (default: ${DEFAULT-VALUE})")
    int coresPerNode;

    @Option(names = "--policies", split = ",", defaultValue = "fcfs,easy,conservative",
            description = "policies to run (default: ${DEFAULT-VALUE})")
    List<String> policies;

    @Option(names = "--repeat", defaultValue = "1", description = "runs per case; the best is reported (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--markdown", description = "write the results as a markdown table to this file")
    Path markdown;

    @Option(names = "--write-history", paramLabel = "DIR", description = "write a seeded synthetic Slurm site and its sacct history "
            + "(DIR/slurm.conf, DIR/sacct.txt) for timing `replay`, and stop (history.SyntheticHistory)")
    Path writeHistory;

    @Option(names = "--history-jobs", defaultValue = "100000", description = "--write-history: jobs (default: ${DEFAULT-VALUE})")
    int historyJobs;

    @Option(names = "--history-load", defaultValue = "1.0", description = "--write-history: offered load, 1 = the CPUs' capacity "
            + "(default ${DEFAULT-VALUE}: a queue of thousands most of the time)")
    double historyLoad;

    @Option(names = "--history-nodes", split = ",", defaultValue = "64,16", description = "--write-history: CPU nodes,GPU nodes "
            + "(default: ${DEFAULT-VALUE})")
    List<Integer> historyNodes;

    @Option(names = "--history", paramLabel = "DIR", description = "time `replay` warm and in process on DIR/slurm.conf and "
            + "DIR/sacct.txt (as --write-history writes them): the history read once, replayed --repeat times with replay's "
            + "defaults (site model, multifactor, --phase auto); repeatable")
    List<Path> histories = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "--write-history: seed (default: ${DEFAULT-VALUE})")
    long seed;

    record Row(String workload, String machine, String policy, int jobs, double readSeconds, double wallSeconds, double cpuSeconds,
            double jobsPerSecond, double peakHeapMiB, double meanWait) {}

    @Override
    public Integer call() throws Exception {
        OutputTargets targets = OutputTargets.create();
        for (Path t : traces) targets.input("--trace", t);
        for (Path h : histories) targets.input("--history", h.resolve("slurm.conf")).input("--history", h.resolve("sacct.txt"));
        targets.output("--markdown", markdown).check();
        if (cold) return coldBench();
        if (writeHistory != null) return writeHistory();
        if (!histories.isEmpty()) return historyBench();
        List<Row> rows = new ArrayList<>();
        SummaryOut.stream(markdown).println("workload | machine | policy | jobs | read s | wall s | CPU s | jobs/s | peak heap MiB | mean wait s");
        for (Path trace : traces) {
            long t0 = System.nanoTime();
            SwfTrace t = SwfReader.read(trace, org.preemptlab.io.swf.SwfReadOptions.defaults().withoutFields());
            double read = (System.nanoTime() - t0) / 1e9;
            for (String policy : policies) {
                rows.add(bench(trace.getFileName().toString(), new ProcessorMachine(t.machineProcs()), t.jobs(), policy, read));
            }
        }
        for (int procs : synthetic > 0 ? syntheticProcs : List.<Integer>of()) {
            if (procs <= 0) continue;
            long t0 = System.nanoTime();
            List<JobSpec> jobs = WorkloadGenerator.loaded(synthetic, procs, 0.85, 42).generate();
            double gen = (System.nanoTime() - t0) / 1e9;
            for (String policy : policies) rows.add(bench("synthetic-" + synthetic, new ProcessorMachine(procs), jobs, policy, gen));
        }
        for (int nodes : synthetic > 0 ? syntheticNodes : List.<Integer>of()) {
            long t0 = System.nanoTime();
            List<JobSpec> jobs = WorkloadGenerator.loaded(synthetic, nodes, 0.85, 42).generate().stream()
                    .map(j -> new JobSpec(j.id(), j.name(), j.submit(), j.procs(), coresPerNode, 0, j.estimate(), j.runtime(),
                            "normal", "", List.of(), false, false, 0, 0, null)).toList();
            NodeCluster cluster = new NodeCluster(List.of(new NodePool("batch", nodes, coresPerNode, 0, "", List.of(), NodePool.DEFAULT_BANDWIDTH_MBPS)));
            double gen = (System.nanoTime() - t0) / 1e9;
            for (String policy : policies) rows.add(bench("synthetic-" + synthetic + " (node mode)", cluster, jobs, policy, gen));
        }
        if (markdown != null) {
            StringBuilder md = new StringBuilder("| workload | machine | policy | jobs | read/generate s | wall s | CPU s | jobs/s | peak heap MiB | mean wait s |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (Row r : rows) {
                md.append(String.format(java.util.Locale.ROOT, "| %s | %s | %s | %,d | %.2f | %.2f | %.2f | %,.0f | %.0f | %.1f |%n", r.workload, r.machine,
                        r.policy, r.jobs, r.readSeconds, r.wallSeconds, r.cpuSeconds, r.jobsPerSecond, r.peakHeapMiB, r.meanWait));
            }
            AtomicFiles.write(markdown, w -> w.write(md.toString()));
        }
        return 0;
    }

    private int writeHistory() throws java.io.IOException {
        if (historyNodes.size() != 2) throw new IllegalArgumentException("--history-nodes: " + historyNodes + "; give CPU nodes,GPU nodes");
        Files.createDirectories(writeHistory);
        int c = historyNodes.get(0), g = historyNodes.get(1);
        Files.writeString(writeHistory.resolve("slurm.conf"), org.preemptlab.history.SyntheticHistory.slurmConf(c, g));
        Files.writeString(writeHistory.resolve("sacct.txt"), org.preemptlab.history.SyntheticHistory.sacct(historyJobs, c, g, historyLoad, seed));
        System.out.println("wrote " + writeHistory.resolve("slurm.conf") + " and " + writeHistory.resolve("sacct.txt") + " (" + historyJobs
                + " jobs, load " + historyLoad + ", seed " + seed + "); time it with: preemptlab replay --slurm-conf "
                + writeHistory.resolve("slurm.conf") + " --sacct " + writeHistory.resolve("sacct.txt") + " --report R.json");
        return 0;
    }

    /**
     * The warm, in-process figure of {@code replay} (issue 12): each history read once (timed apart), then replayed
     * {@code --repeat} times in this JVM with replay's defaults; the best wall and CPU of the replay thread (the what-if's
     * second thread is not used: one site) and the peak heap.
     */
    private int historyBench() throws Exception {
        StringBuilder md = new StringBuilder("| history | jobs | read s | replay wall s | replay CPU s | jobs/s | peak heap MiB | runs |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Path h : histories) {
            long t0 = System.nanoTime();
            org.preemptlab.slurmconf.SlurmSite site = org.preemptlab.slurmconf.SlurmSite.read(
                    new org.preemptlab.slurmconf.SlurmSite.Files(h.resolve("slurm.conf"), null, null, null));
            org.preemptlab.history.SacctHistory history = org.preemptlab.history.SacctReader.read(h.resolve("sacct.txt"));
            double read = (System.nanoTime() - t0) / 1e9;
            double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE, peak = 0;
            int jobs = 0;
            int runs = Math.max(1, repeat);
            for (int i = 0; i < runs; i++) {
                System.gc();
                resetPeaks();
                long c0 = threads.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                org.preemptlab.replay.SiteReplayRun.Outcome o = org.preemptlab.replay.SiteReplayRun.run(site, null, history,
                        org.preemptlab.replay.SiteReplayRun.Options.defaults(), false, org.preemptlab.replay.SiteReplayRun.Progress.NONE);
                best = Math.min(best, (System.nanoTime() - w0) / 1e9);
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
                peak = Math.max(peak, peakHeapMiB());
                jobs = o.result().replayed();
                System.err.printf(java.util.Locale.ROOT, "bench --history %s: run %d/%d %.2f s%n", h, i + 1, runs, (System.nanoTime() - w0) / 1e9);
            }
            String line = String.format(java.util.Locale.ROOT, "| %s | %,d | %.2f | %.2f | %.2f | %,.0f | %.0f | best of %d |%n",
                    h.getFileName(), jobs, read, best, bestCpu, jobs / best, peak, runs);
            System.out.print(line);
            md.append(line);
        }
        if (markdown != null) AtomicFiles.write(markdown, w -> w.write(md.toString()));
        return 0;
    }

    private int coldBench() throws Exception {
        if (traces.isEmpty()) throw new IllegalArgumentException("--cold needs a --trace to simulate");
        if (pairs < 1) throw new IllegalArgumentException("--pairs is " + pairs + "; must be ≥ 1");
        List<ColdBench.Variant> variants = new ArrayList<>();
        List<List<String>> starts = new ArrayList<>();
        for (String l : launchers) starts.add(List.of(l.split("\\|")));
        if (starts.isEmpty()) starts.addAll(ColdBench.defaultLaunchers());
        for (Path trace : traces) {
            for (String policy : policies) {
                for (List<String> start : starts) {
                    List<String> cmd = new ArrayList<>(start);
                    cmd.addAll(List.of("simulate", "--trace", trace.toString(), "--policy", policy));
                    variants.add(new ColdBench.Variant(ColdBench.label(start) + " simulate " + trace.getFileName() + " " + policy, cmd));
                }
            }
        }
        for (String v : versus) {
            int eq = v.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("--vs " + v + ": must be LABEL=command");
            variants.add(new ColdBench.Variant(v.substring(0, eq), List.of("/bin/sh", "-c", v.substring(eq + 1))));
        }
        ColdBench.Report report = ColdBench.run(variants, pairs, SummaryOut.stream(markdown));
        SummaryOut.stream(markdown).print(report.markdown());
        if (markdown != null) AtomicFiles.write(markdown, w -> w.write(report.markdown()));
        return 0;
    }

    private Row bench(String workload, Cluster cluster, List<JobSpec> jobs, String policy, double read) {
        double best = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double peak = 0;
        double meanWait = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < Math.max(1, repeat); i++) {
            System.gc();
            resetPeaks();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SimulationResult result = new Simulation(PolicyOptions.of(policy, 0.2, 215, false)
                    .config(cluster, jobs, false)).run(ProgressBar.forTerminal("bench " + workload + " " + policy));
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            peak = Math.max(peak, peakHeapMiB());
            best = Math.min(best, wall);
            bestCpu = Math.min(bestCpu, cpu);
            meanWait = MetricsCalculator.of(result).meanWaitSeconds();
        }
        String machine = cluster instanceof NodeCluster nc
                ? String.format(java.util.Locale.ROOT, "%,d nodes × %d cores", nc.nodeCount(), nc.pools().get(0).coresPerNode())
                : String.format(java.util.Locale.ROOT, "%,d processors", ((ProcessorMachine) cluster).procs());
        Row row = new Row(workload, machine, policy, jobs.size(), read, best, bestCpu, jobs.size() / best, peak, meanWait);
        SummaryOut.stream(markdown).printf("%s | %s | %s | %d | %.2f | %.2f | %.2f | %.0f | %.0f | %.1f%n", workload, machine, policy,
                jobs.size(), read, best, bestCpu, row.jobsPerSecond(), peak, meanWait);
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
