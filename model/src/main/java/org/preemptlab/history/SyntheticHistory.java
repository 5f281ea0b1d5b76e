package org.preemptlab.history;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded synthetic Slurm site and its {@code sacct -P -X} history, for replay benchmarks and
 * regression tests of Slurm's loop: {@code cpuNodes} nodes of 32 CPUs / 256 GB in partition
 * {@code cpu} (the default), {@code gpuNodes} nodes of 32 CPUs / 512 GB / 4 GPUs in {@code gpu}, and
 * {@code all} over both (PriorityJobFactor 2); multifactor priority (age, fair-share, job size,
 * partition), {@code bf_interval=30,sched_interval=60,bf_resolution=60,bf_window=1440,
 * default_queue_depth=100,bf_max_job_test=500}. Jobs: 24 users in 6 accounts; 55 % {@code cpu},
 * 20 % {@code gpu} (1–4 GPUs), 15 % {@code all}, 10 % {@code cpu,all}; mostly one node of 1–32 CPUs,
 * 10 % of the CPU jobs 2–8 whole nodes; run times log-uniform from 1 min to 10 h, limits 1–3 × the
 * run time rounded up to 10 min (capped at a day; 5 % run into their limit: TIMEOUT). Arrivals are
 * Poisson at {@code load} × the CPU capacity's rate, modulated ± 50 % over a day, so with
 * {@code load} near 1 the queue holds thousands of pending jobs most of the time. The recorded
 * Start is Submit plus a random wait (the "actual" side of a comparison; it does not drive a replay).
 * Same arguments ⇒ the same text.
 */
public final class SyntheticHistory {

    private static final long ORIGIN = LocalDateTime.of(2026, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final int CPUS = 32;

    private SyntheticHistory() {}

    /** The site's slurm.conf text. */
    public static String slurmConf(int cpuNodes, int gpuNodes) {
        if (cpuNodes < 1 || gpuNodes < 1) throw new IllegalArgumentException("cpuNodes " + cpuNodes + ", gpuNodes " + gpuNodes + "; must be ≥ 1");
        String c = "c[1-" + cpuNodes + "]";
        String g = "g[1-" + gpuNodes + "]";
        return String.join("\n",
                "ClusterName=synthetic",
                "SlurmctldHost=localhost",
                "SchedulerType=sched/backfill",
                "SchedulerParameters=bf_interval=30,sched_interval=60,bf_resolution=60,bf_window=1440,default_queue_depth=100,"
                        + "bf_max_job_test=500,bf_continue",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core_Memory",
                "PriorityType=priority/multifactor",
                "PriorityDecayHalfLife=7-0",
                "PriorityCalcPeriod=5",
                "PriorityMaxAge=7-0",
                "PriorityWeightAge=1000",
                "PriorityWeightFairshare=10000",
                "PriorityWeightJobSize=500",
                "PriorityWeightPartition=1000",
                "GresTypes=gpu",
                "NodeName=" + c + " CPUs=" + CPUS + " RealMemory=256000 State=UNKNOWN",
                "NodeName=" + g + " CPUs=" + CPUS + " RealMemory=512000 Gres=gpu:4 State=UNKNOWN",
                "PartitionName=cpu Nodes=" + c + " Default=YES MaxTime=1-00:00:00 State=UP PriorityJobFactor=1",
                "PartitionName=gpu Nodes=" + g + " MaxTime=1-00:00:00 State=UP PriorityJobFactor=1",
                "PartitionName=all Nodes=" + c + "," + g + " MaxTime=1-00:00:00 State=UP PriorityJobFactor=2",
                "");
    }

    /** The history's sacct text (header line included) of {@code jobs} jobs. */
    public static String sacct(int jobs, int cpuNodes, int gpuNodes, double load, long seed) {
        if (jobs < 0) throw new IllegalArgumentException("jobs: " + jobs + "; must be ≥ 0");
        if (!(load > 0)) throw new IllegalArgumentException("load: " + load + "; must be > 0");
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(jobs * 200 + 256);
        sb.append(String.join("|", SacctReader.FIELDS)).append('\n');
        // mean CPU-seconds of a job, sampled from the mix below with a seed of its own
        double meanCpuSeconds = meanCpuSeconds(seed, cpuNodes, gpuNodes);
        double capacity = (double) (cpuNodes + gpuNodes) * CPUS;
        double meanGap = meanCpuSeconds / (capacity * load);
        double t = 0;
        for (int i = 1; i <= jobs; i++) {
            double day = 2 * Math.PI * (t % 86_400) / 86_400;
            double rate = 1 + 0.5 * Math.sin(day);
            t += -Math.log(1 - rnd.nextDouble()) * meanGap / rate;
            Job j = job(rnd, cpuNodes, gpuNodes);
            long submit = ORIGIN + (long) t;
            long wait = (long) (-Math.log(1 - rnd.nextDouble()) * 1800);
            long start = submit + wait;
            long end = start + j.elapsed;
            int user = rnd.nextInt(24);
            sb.append(i).append("|j").append(i).append("|u").append(user).append("|a").append(user % 6).append('|').append(j.partition)
                    .append("|normal|").append(time(submit)).append('|').append(time(submit)).append('|').append(time(start)).append('|')
                    .append(time(end)).append('|').append(duration(j.elapsed)).append('|').append(duration(j.limit)).append('|')
                    .append(j.nodes).append('|').append(j.cpus).append('|').append(j.memMb).append("M|");
            String tres = "billing=" + j.cpus + ",cpu=" + j.cpus + (j.gpus > 0 ? ",gres/gpu=" + j.gpus : "") + ",mem=" + j.memMb + "M,node="
                    + j.nodes;
            sb.append(tres).append('|').append(tres).append('|').append(j.partition.startsWith("gpu") ? "g1" : "c1").append('|')
                    .append(j.elapsed >= j.limit ? "TIMEOUT" : "COMPLETED").append('|').append(1000 + rnd.nextInt(9000)).append('\n');
        }
        return sb.toString();
    }

    private record Job(String partition, int nodes, int cpus, long memMb, int gpus, long elapsed, long limit) {}

    private static Job job(SplittableRandom rnd, int cpuNodes, int gpuNodes) {
        double p = rnd.nextDouble();
        String partition = p < 0.55 ? "cpu" : p < 0.75 ? "gpu" : p < 0.90 ? "all" : "cpu,all";
        int nodes = 1;
        int cpus;
        int gpus = 0;
        if (partition.equals("gpu")) {
            gpus = 1 + rnd.nextInt(4);
            cpus = gpus * (2 + rnd.nextInt(7));
        } else if (rnd.nextDouble() < 0.10) {
            nodes = 2 + rnd.nextInt(Math.min(7, Math.max(1, cpuNodes / 4)));
            cpus = nodes * CPUS;
        } else {
            cpus = 1 << rnd.nextInt(6);
        }
        long memMb = (long) cpus * (1000 + 1000L * rnd.nextInt(7));
        long elapsed = (long) Math.exp(Math.log(60) + rnd.nextDouble() * (Math.log(36_000) - Math.log(60)));
        long limit = Math.min(86_400, ((long) (elapsed * (1 + 2 * rnd.nextDouble())) + 599) / 600 * 600);
        if (rnd.nextDouble() < 0.05) elapsed = limit;
        elapsed = Math.min(elapsed, limit);
        return new Job(partition, nodes, cpus, memMb, gpus, elapsed, limit);
    }

    private static double meanCpuSeconds(long seed, int cpuNodes, int gpuNodes) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Job j = job(rnd, cpuNodes, gpuNodes);
            sum += (double) j.cpus * j.elapsed;
        }
        return sum / n;
    }

    private static String time(long epoch) {
        String s = LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC).toString();
        return s.length() == 16 ? s + ":00" : s;
    }

    private static String duration(long s) {
        long d = s / 86_400;
        long h = s % 86_400 / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return d > 0 ? String.format(Locale.ROOT, "%d-%02d:%02d:%02d", d, h, m, sec) : String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, sec);
    }
}
