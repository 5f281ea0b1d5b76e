package org.preemptlab.priority;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.preemptlab.account.AccountTree;
import org.preemptlab.accounting.AccountingPolicy;
import org.preemptlab.accounting.JobRequest;
import org.preemptlab.accounting.PartitionTerms;
import org.preemptlab.qos.Qos;
import org.preemptlab.tres.Tres;

/**
 * Slurm's multifactor job priority ({@code priority_multifactor.html}):
 * <pre>
 * priority = W_age·age + W_assoc·assoc + W_fs·fairshare + W_size·jobsize + W_part·partition
 *          + W_qos·qos + Σ W_tres·tres − nice        (site factor 0)
 * </pre>
 * each factor in [0, 1]:
 * <ul>
 *   <li>age = min(1, (now − eligible) / PriorityMaxAge) — from submission with {@code ACCRUE_ALWAYS};</li>
 *   <li>fairshare from the {@link FairShareSnapshot} of the last calc tick;</li>
 *   <li>job size = (nodes/N + cpus/C) / 2, or ((N − nodes)/N + (C − cpus)/C) / 2 with
 *       {@code PriorityFavorSmall}; with {@code SMALL_RELATIVE_TO_TIME}: max(nodes·C/N, cpus) / time
 *       limit in minutes / C (1 − that when favouring small);</li>
 *   <li>partition = PriorityJobFactor / the highest of all partitions; QOS = QOS priority / the
 *       highest; association = association priority / the highest (raw values under
 *       {@code NO_NORMAL_PART}, {@code NO_NORMAL_QOS}, {@code NO_NORMAL_ASSOC});</li>
 *   <li>TRES = the job's count / the partition's total of that TRES (the raw count under {@code NO_NORMAL_TRES});</li>
 * </ul>
 * The sum is computed in floating point, floored at 1, capped at 2<sup>32</sup>−1 and truncated to an
 * integer, as Slurm does. Stateless: the engine decides when to evaluate (at submission and every
 * {@code PriorityCalcPeriod}).
 */
public final class MultifactorPriority {

    private final PriorityConfig config;
    private final AccountingPolicy policy;
    private final ClusterSize cluster;
    private final int maxPartitionFactor;
    private final int maxQosPriority;
    private final int maxAssocPriority;
    /** PriorityWeightTRES by name, in name order (the order the TRES terms are added in). */
    private final String[] tresNames;
    private final double[] tresWeights;

    public MultifactorPriority(PriorityConfig config, AccountingPolicy policy, ClusterSize cluster) {
        this.config = Objects.requireNonNull(config, "config");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        int maxPart = 0;
        for (PartitionTerms p : policy.partitions()) maxPart = Math.max(maxPart, p.priorityJobFactor());
        this.maxPartitionFactor = maxPart;
        this.maxQosPriority = policy.qosTable().maxPriority();
        this.maxAssocPriority = policy.tree().maxPriority();
        Map<String, Double> byName = new TreeMap<>(config.weightTres());
        this.tresNames = byName.keySet().toArray(new String[0]);
        this.tresWeights = new double[tresNames.length];
        for (int k = 0; k < tresNames.length; k++) tresWeights[k] = byName.get(tresNames[k]);
    }

    public PriorityConfig config() {
        return config;
    }

    /** The job's factors and priority at {@code now} in its partition, with fair-share from {@code fairShare}. */
    public PriorityFactors factors(JobRequest job, FairShareSnapshot fairShare, long now) {
        PartitionTerms part = policy.partition(job.partition());
        double age = age(job, now);
        double fs = config.weightFairshare() != 0 ? fairShare.factor(job.association()) : 0;
        double size = 0;
        if (config.weightJobSize() != 0) size = jobSize(job);
        double partition = partition(part);
        double qos = qos(job);
        double assoc = assoc(job);

        Map<String, Double> tres = new TreeMap<>();
        Map<String, Double> tresW = new TreeMap<>();
        for (Map.Entry<String, Double> w : config.weightTres().entrySet()) {
            String name = w.getKey();
            double f = tres(job, part, name);
            tres.put(name, f);
            tresW.put(name, f * w.getValue());
        }

        PriorityFactors.Factors norm = new PriorityFactors.Factors(age, assoc, fs, size, partition, qos, tres);
        PriorityFactors.Factors weighted = new PriorityFactors.Factors(age * config.weightAge(), assoc * config.weightAssoc(),
                fs * config.weightFairshare(), size * config.weightJobSize(), partition * config.weightPartition(),
                qos * config.weightQos(), tresW);
        return new PriorityFactors(job.jobId(), job.partition(), norm, weighted, job.nice(), total(weighted.sum() - job.nice()));
    }

    /**
     * {@code factors(job, fairShare, now).priority()}, computed without the factors' maps and records (the
     * engine's calc tick recomputes every waiting job's): the same terms, added in the same order (the TRES
     * terms by name, as {@link PriorityFactors.Factors#tresSum()} adds them), so the same double and the same
     * priority.
     */
    public long priority(JobRequest job, FairShareSnapshot fairShare, long now) {
        PartitionTerms part = policy.partition(job.partition());
        double age = age(job, now);
        double fs = config.weightFairshare() != 0 ? fairShare.factor(job.association()) : 0;
        double size = 0;
        if (config.weightJobSize() != 0) size = jobSize(job);
        double partition = partition(part);
        double qos = qos(job);
        double assoc = assoc(job);
        double tresSum = 0;
        for (int k = 0; k < tresNames.length; k++) tresSum += tres(job, part, tresNames[k]) * tresWeights[k];
        return total(age * config.weightAge() + assoc * config.weightAssoc() + fs * config.weightFairshare()
                + size * config.weightJobSize() + partition * config.weightPartition() + qos * config.weightQos() + tresSum
                - job.nice());
    }

    /** Σ weighted − nice as Slurm stores it: at least 1, at most 2^32 − 1, truncated. */
    private static long total(double sum) {
        double total = sum;
        if (total < 1) total = 1;
        if (total > PriorityConfig.MAX_WEIGHT) total = PriorityConfig.MAX_WEIGHT;
        return (long) total;
    }

    private double age(JobRequest job, long now) {
        if (config.weightAge() == 0) return 0;
        long since = config.has(PriorityFlag.ACCRUE_ALWAYS) ? job.submitTime() : job.eligibleTime();
        long diff = now > since ? now - since : 0;
        return diff < config.maxAgeSeconds() ? (double) diff / config.maxAgeSeconds() : 1.0;
    }

    private double partition(PartitionTerms part) {
        if (part == null || part.priorityJobFactor() == 0 || config.weightPartition() == 0) return 0;
        return config.has(PriorityFlag.NO_NORMAL_PART) ? part.priorityJobFactor() : (double) part.priorityJobFactor() / maxPartitionFactor;
    }

    private double qos(JobRequest job) {
        String qn = policy.resolveQos(job);
        Qos q = qn == null ? null : policy.qosTable().get(qn);
        if (q == null || q.priority() == 0 || config.weightQos() == 0) return 0;
        return config.has(PriorityFlag.NO_NORMAL_QOS) ? q.priority() : (double) q.priority() / maxQosPriority;
    }

    private double assoc(JobRequest job) {
        AccountTree tree = policy.tree();
        if (!tree.contains(job.association()) || config.weightAssoc() == 0) return 0;
        int p = tree.priority(job.association());
        if (p == 0) return 0;
        return config.has(PriorityFlag.NO_NORMAL_ASSOC) ? p : (double) p / maxAssocPriority;
    }

    /** The TRES factor of {@code name}: the job's count over the partition's total (raw under NO_NORMAL_TRES). */
    private double tres(JobRequest job, PartitionTerms part, String name) {
        double value = name.equals(Tres.BILLING) ? policy.billable(job) : job.tres().get(name);
        if (config.has(PriorityFlag.NO_NORMAL_TRES)) return value;
        long total = part == null ? 0 : part.totalTres().get(name);
        return total > 0 ? value / total : 0;
    }

    /** The job-size factor in [0, 1]. */
    double jobSize(JobRequest job) {
        double n = cluster.nodes(), c = cluster.cpus();
        long nodes = job.nodes();
        long cpus = job.cpus();
        double js;
        if (config.has(PriorityFlag.SMALL_RELATIVE_TO_TIME)) {
            js = Math.max(nodes * c / n, cpus);
            long minutes = Math.max(1, (job.timeLimitSeconds() + 59) / 60);
            js = js / minutes / c;
            if (config.favorSmall()) js = 1.0 - js;
        } else if (config.favorSmall()) {
            js = (n - nodes) / n;
            if (cpus != 0) js = (js + (c - cpus) / c) / 2;
        } else {
            js = nodes / n;
            if (cpus != 0) js = (js + cpus / c) / 2;
        }
        return Math.max(0, Math.min(1, js));
    }
}
