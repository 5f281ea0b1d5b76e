package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.growth.LoadScaling;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.job.JobSpec;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sweep.Saturation;
import org.preemptlab.workload.LublinModel;
import org.preemptlab.workload.ResourceMix;
import org.preemptlab.workload.SiteWorkload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A Lublin–Feitelson workload for a Slurm site, with GPU and memory requests from mixes, as a version-2 scenario. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate a Lublin–Feitelson workload (batch and interactive classes, Tsafrir estimates) for the",
                "cluster of a version-2 (Slurm site) scenario, with GPU and memory requests drawn from mixes, and write",
                "the site with these jobs as a new version-2 scenario."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--site", required = true, paramLabel = "SITE.json",
            description = "a version-2 scenario: its cluster, partitions, accounts and policy are kept, its jobs replaced")
    Path site;

    @Option(names = "--jobs", paramLabel = "N", description = "jobs to generate (default ${DEFAULT-VALUE})")
    int jobs = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--load", paramLabel = "RHO", description = "scale the arrival rate to this offered load (default: the model's own)")
    Double load;

    @Option(names = "--gpu-mix", paramLabel = "MIX",
            description = "GPU requests: SHARE:COUNT/node[:TYPE] (--gres) or SHARE:COUNT/job[:TYPE] (--gpus), comma-separated, "
                    + "e.g. 0.2:1/node:a100,0.05:4/job; the rest ask for none")
    String gpuMix;

    @Option(names = "--mem-mix", paramLabel = "MIX",
            description = "memory requests: SHARE:SIZE/cpu or SHARE:SIZE/node, e.g. 0.6:2G/cpu,0.1:100G/node; "
                    + "the rest get the site's DefMemPerCPU")
    String memMix;

    @Option(names = "--out", required = true, paramLabel = "G.json", description = "the scenario to write (- for stdout)")
    Path outFile;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        if (jobs < 2 || jobs > 10_000_000) throw new IllegalArgumentException("--jobs is " + jobs + "; must be in 2 … 10000000");
        if (load != null && !(load > 0 && load < 100)) throw new IllegalArgumentException("--load is " + load + "; must be in (0, 100)");
        ResourceMix mix;
        try {
            mix = ResourceMix.parse(gpuMix, memMix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((gpuMix != null && e.getMessage().startsWith("GPU") ? "--gpu-mix: " : "--mem-mix: ")
                    + e.getMessage(), e);
        }
        OutputTargets.create().input("--site", site).output("--out", outFile).check();
        Scenario s = ScenarioReader.read(site);
        if (!(s.cluster() instanceof NodeCluster nc) || nc.site() == null) {
            throw new IllegalArgumentException("--site " + site + ": a version-1 scenario; give a version-2 (Slurm site) scenario "
                    + "(\"formatVersion\": 2, e.g. sample-clusters/gpu-shared-nodes.json or the output of import-slurm)");
        }
        long cores = nc.totalCores();
        List<JobSpec> model = LublinModel.of(jobs, (int) Math.min(Integer.MAX_VALUE, cores), true, seed).generate();
        if (load != null) model = LoadScaling.arrivals(model, load / Saturation.offeredLoad(model, cores));
        List<JobSpec> placed = new SiteWorkload(nc, mix).place(model, seed);
        Scenario g = s.toBuilder().name(s.name() + " — generated").description(String.format(Locale.ROOT,
                "%d Lublin–Feitelson jobs (seed %d%s) for this site; GPU mix %s; memory mix %s (preemptlab generate)",
                jobs, seed, load == null ? "" : ", offered load " + load, mix.gpus().isEmpty() ? "none" : mix.gpuText(),
                mix.memory().isEmpty() ? "none" : mix.memoryText())).jobs(placed).build();
        ScenarioWriter.write(g, outFile);
        long gpuJobs = placed.stream().filter(j -> !j.slurm().gresOnEachNode(j.nodes()).isEmpty()).count();
        if (!org.preemptlab.io.files.AtomicFiles.isStdout(outFile)) {
            out.printf(Locale.ROOT, "wrote %s: %s, %s asking for GPUs (%s), offered load %.3f%n", outFile,
                    org.preemptlab.units.Units.count(placed.size(), "job"), org.preemptlab.units.Units.group(gpuJobs),
                    org.preemptlab.units.Units.share((double) gpuJobs / placed.size()), Saturation.offeredLoad(placed, cores));
        }
        return 0;
    }
}
