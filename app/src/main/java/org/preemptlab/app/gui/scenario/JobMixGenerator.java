package org.preemptlab.app.gui.scenario;

import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.ScenarioProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a job table from a {@link JobMix}: Poisson or daily-cycle arrivals, drawn sizes and run
 * times, an estimate per job (inaccuracy factor or Tsafrir's modal values). The same mix (seed included) always gives the same jobs; the
 * arrival, size, run-time and class streams are split from the seed so changing one parameter
 * does not reshuffle the others.
 */
public final class JobMixGenerator {

    private JobMixGenerator() {}

    /** Problems of the parameters, by field name; empty when the mix can be generated. */
    public static List<ScenarioProblem> validate(JobMix mix) {
        List<ScenarioProblem> issues = new ArrayList<>();
        if (mix.count() < 1 || mix.count() > 1_000_000) issues.add(new ScenarioProblem("count", mix.count() + "; must be in 1 … 1000000"));
        if (!(mix.arrivalsPerHour() > 0)) issues.add(new ScenarioProblem("arrivalsPerHour", mix.arrivalsPerHour() + "; must be > 0"));
        if (mix.maxNodes() < 1) issues.add(new ScenarioProblem("maxNodes", mix.maxNodes() + "; must be ≥ 1"));
        if (mix.coresPerNode() < 1) issues.add(new ScenarioProblem("coresPerNode", mix.coresPerNode() + "; must be ≥ 1"));
        if (mix.minRuntime() < 1) issues.add(new ScenarioProblem("minRuntime", mix.minRuntime() + "; must be ≥ 1 s"));
        if (mix.maxRuntime() < mix.minRuntime()) {
            issues.add(new ScenarioProblem("maxRuntime", mix.maxRuntime() + "; must be ≥ the minimum run time (" + mix.minRuntime() + ")"));
        }
        if (!(mix.estimateFactor() >= 1)) issues.add(new ScenarioProblem("estimateFactor", mix.estimateFactor() + "; must be ≥ 1 (estimates never below run times)"));
        if (mix.memoryPerNodeMb() < 0) issues.add(new ScenarioProblem("memoryPerNodeMb", mix.memoryPerNodeMb() + "; must be ≥ 0"));
        if (mix.checkpointableShare() < 0 || mix.checkpointableShare() > 1) {
            issues.add(new ScenarioProblem("checkpointableShare", mix.checkpointableShare() + "; must be in 0 … 1"));
        }
        if (mix.classes().stream().mapToDouble(JobClass::share).sum() <= 0) {
            issues.add(new ScenarioProblem("classes", "the class shares add up to 0"));
        }
        return issues;
    }

    public static List<JobDraft> generate(JobMix mix, String namePrefix, int firstNumber) {
        List<ScenarioProblem> issues = validate(mix);
        if (!issues.isEmpty()) throw new IllegalArgumentException(issues.get(0).toString());
        SplittableRandom root = new SplittableRandom(mix.seed());
        SplittableRandom arrivals = root.split();
        SplittableRandom sizes = root.split();
        SplittableRandom runtimes = root.split();
        SplittableRandom classes = root.split();
        SplittableRandom flags = root.split();
        double totalShare = mix.classes().stream().mapToDouble(JobClass::share).sum();
        double meanGap = 3600.0 / mix.arrivalsPerHour();
        List<JobDraft> jobs = new ArrayList<>(mix.count());
        double t = 0;
        for (int i = 0; i < mix.count(); i++) {
            if (i > 0) t = mix.arrivals().next(t, meanGap, arrivals);
            int nodes = mix.sizes().draw(sizes, mix.maxNodes());
            long drawn = mix.runtimes().draw(runtimes, mix.minRuntime(), mix.maxRuntime(), nodes);
            long[] estimated = mix.estimates().draw(drawn, mix.estimateFactor(), runtimes);
            long estimate = estimated[0];
            long runtime = estimated[1];
            JobClass c = pick(mix.classes(), totalShare, classes.nextDouble());
            boolean checkpointable = flags.nextDouble() < mix.checkpointableShare();
            jobs.add(new JobDraft(namePrefix + (firstNumber + i), Math.round(t), c.qos(), c.group(), nodes,
                    mix.coresPerNode(), estimate, runtime, mix.memoryPerNodeMb(), true, checkpointable,
                    checkpointable ? mix.imageMbPerNode() : 0));
        }
        return jobs;
    }

    private static JobClass pick(List<JobClass> classes, double total, double u) {
        double x = u * total;
        for (JobClass c : classes) {
            x -= c.share();
            if (x < 0) return c;
        }
        return classes.get(classes.size() - 1);
    }
}
