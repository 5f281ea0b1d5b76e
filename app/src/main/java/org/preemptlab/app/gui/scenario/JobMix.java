package org.preemptlab.app.gui.scenario;

import java.util.List;

/**
 * Parameters of the job-mix generator.
 *
 * @param arrivalsPerHour  mean Poisson arrival rate
 * @param estimateFactor   estimate inaccuracy: estimate = run time × U(1, factor), rounded up to a minute
 * @param checkpointableShare share of jobs that can checkpoint
 */
public record JobMix(int count, double arrivalsPerHour, SizeDistribution sizes, int maxNodes, int coresPerNode,
        RuntimeDistribution runtimes, long minRuntime, long maxRuntime, double estimateFactor, long memoryPerNodeMb,
        double checkpointableShare, long imageMbPerNode, List<JobClass> classes, long seed) {

    public JobMix {
        sizes = sizes == null ? SizeDistribution.POWERS_OF_TWO : sizes;
        runtimes = runtimes == null ? RuntimeDistribution.LOG_UNIFORM : runtimes;
        classes = classes == null || classes.isEmpty() ? List.of(new JobClass("normal", "", 1)) : List.copyOf(classes);
    }

    public static JobMix defaults() {
        return new JobMix(40, 8, SizeDistribution.POWERS_OF_TWO, 4, 8, RuntimeDistribution.LOG_UNIFORM, 600, 4 * 3600,
                3, 16_384, 0.6, 8_000, List.of(new JobClass("normal", "", 1)), 42);
    }

    public JobMix withCount(int v) {
        return new JobMix(v, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, seed);
    }

    public JobMix withSeed(long v) {
        return new JobMix(count, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, v);
    }

    public JobMix withClasses(List<JobClass> v) {
        return new JobMix(count, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, v, seed);
    }

    public JobMix withArrivalsPerHour(double v) {
        return new JobMix(count, v, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, seed);
    }
}
