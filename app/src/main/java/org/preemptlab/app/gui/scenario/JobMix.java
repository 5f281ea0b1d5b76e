package org.preemptlab.app.gui.scenario;

import java.util.List;

/**
 * Parameters of the job-mix generator.
 *
 * @param arrivalsPerHour  mean Poisson arrival rate
 * @param estimateFactor   estimate inaccuracy: estimate = run time × U(1, factor), rounded up to a minute
 * @param checkpointableShare share of jobs that can checkpoint
 * @param arrivals         constant-rate Poisson or the Lublin–Feitelson daily cycle (same mean rate)
 * @param estimates        estimate = run time × U(1, estimateFactor), or Tsafrir et al.'s modal estimates
 */
public record JobMix(int count, double arrivalsPerHour, SizeDistribution sizes, int maxNodes, int coresPerNode,
        RuntimeDistribution runtimes, long minRuntime, long maxRuntime, double estimateFactor, long memoryPerNodeMb,
        double checkpointableShare, long imageMbPerNode, List<JobClass> classes, long seed, ArrivalPattern arrivals,
        EstimateModel estimates) {

    /** Poisson arrivals and factor estimates (the generator before the Lublin–Feitelson options). */
    public JobMix(int count, double arrivalsPerHour, SizeDistribution sizes, int maxNodes, int coresPerNode,
            RuntimeDistribution runtimes, long minRuntime, long maxRuntime, double estimateFactor, long memoryPerNodeMb,
            double checkpointableShare, long imageMbPerNode, List<JobClass> classes, long seed) {
        this(count, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime, estimateFactor,
                memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, seed, ArrivalPattern.POISSON, EstimateModel.FACTOR);
    }

    public JobMix {
        arrivals = arrivals == null ? ArrivalPattern.POISSON : arrivals;
        estimates = estimates == null ? EstimateModel.FACTOR : estimates;
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
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, seed, arrivals, estimates);
    }

    public JobMix withSeed(long v) {
        return new JobMix(count, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, v, arrivals, estimates);
    }

    public JobMix withClasses(List<JobClass> v) {
        return new JobMix(count, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, v, seed, arrivals, estimates);
    }

    /** The Lublin–Feitelson options: daily-cycle arrivals and modal estimates (or not). */
    public JobMix withModels(ArrivalPattern a, EstimateModel e) {
        return new JobMix(count, arrivalsPerHour, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, seed, a, e);
    }

    public JobMix withArrivalsPerHour(double v) {
        return new JobMix(count, v, sizes, maxNodes, coresPerNode, runtimes, minRuntime, maxRuntime,
                estimateFactor, memoryPerNodeMb, checkpointableShare, imageMbPerNode, classes, seed, arrivals, estimates);
    }
}
