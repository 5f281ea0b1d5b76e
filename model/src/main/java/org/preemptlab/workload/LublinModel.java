package org.preemptlab.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.preemptlab.job.JobSpec;

/**
 * A seeded synthetic workload after Lublin and Feitelson (2003), see {@link LublinParameters} for
 * the model and its source: sizes from the two-stage uniform log-size distribution with serial and
 * power-of-two jobs, hyper-gamma run times correlated with size, and arrivals with the daily cycle.
 * Each job class (batch, interactive) has its own arrival stream; the next job is the class whose
 * next arrival is earliest, as in the paper. Estimates come from {@link RuntimeEstimates} (Tsafrir,
 * Etsion and Feitelson 2005) or, without it, equal the run times. Same fields ⇒ the same jobs.
 *
 * <p>The arrival process: a class's clock spends "points" to move through the day's half-hour
 * buckets; crossing bucket k costs its weight w_k ({@link DailyCycle}, mean 1). Each inter-arrival
 * draws x ~ Γ(aarr·arar, barr) (again while x &gt; 13) and buys e^x / 1800 points: at a bucket of
 * weight w the same points last 1/w as long, so arrivals are w times as dense. The first day starts
 * at midnight.
 *
 * @param jobs         how many jobs
 * @param machineProcs the machine's processors; sizes never exceed it
 * @param classes      the job classes, each already scaled to the machine ({@link #of})
 * @param estimates    the estimate model, or null for exact estimates (= run time)
 * @param seed         random seed
 */
public record LublinModel(int jobs, int machineProcs, List<LublinParameters> classes, RuntimeEstimates estimates,
        long seed) {

    /** ln(run time) above this is drawn again (about 45 h), as in the model's distribution. */
    static final double MAX_LN_RUNTIME = 12;
    /** ln(inter-arrival) above this is drawn again (about 5 days). */
    static final double MAX_LN_INTERARRIVAL = 13;

    public LublinModel {
        if (jobs < 0) throw new IllegalArgumentException("jobs is " + jobs + "; must be ≥ 0");
        if (machineProcs < 1) throw new IllegalArgumentException("machineProcs is " + machineProcs + "; must be ≥ 1");
        classes = List.copyOf(classes);
        if (classes.isEmpty()) throw new IllegalArgumentException("classes: none; give at least one job class");
    }

    /**
     * The published model for a machine of {@code procs} processors: batch and interactive classes
     * ({@code twoClasses}) or the whole-sample parameters, with {@link RuntimeEstimates#DEFAULT}.
     */
    public static LublinModel of(int jobs, int procs, boolean twoClasses, long seed) {
        List<LublinParameters> c = twoClasses
                ? List.of(LublinParameters.BATCH.forMachine(procs), LublinParameters.INTERACTIVE.forMachine(procs))
                : List.of(LublinParameters.WHOLE.forMachine(procs));
        return new LublinModel(jobs, procs, c, RuntimeEstimates.DEFAULT, seed);
    }

    /** The same model with other estimates (null: exact). */
    public LublinModel withEstimates(RuntimeEstimates e) {
        return new LublinModel(jobs, machineProcs, classes, e, seed);
    }

    public List<JobSpec> generate() {
        SplittableRandom random = new SplittableRandom(seed);
        int k = classes.size();
        Stream[] streams = new Stream[k];
        for (int c = 0; c < k; c++) {
            LublinParameters p = classes.get(c);
            streams[c] = new Stream(p, DailyCycle.weights(p.anum(), p.bnum()));
            streams[c].advance(random);
        }
        List<JobSpec> out = new ArrayList<>(jobs);
        for (int id = 1; id <= jobs; id++) {
            int c = 0;
            for (int i = 1; i < k; i++) if (streams[i].next < streams[c].next) c = i;
            Stream s = streams[c];
            long submit = (long) s.next;
            s.advance(random);
            LublinParameters p = s.p;
            int size = size(p, random);
            long runtime = runtime(p, size, random);
            long estimate = runtime;
            if (estimates != null) {
                RuntimeEstimates.Estimated e = estimates.draw(runtime, random);
                estimate = e.estimate();
                runtime = e.runtime();
            }
            out.add(new JobSpec(id, Integer.toString(id), submit, size, 1, 0, Math.max(1, estimate), runtime,
                    JobSpec.DEFAULT_QOS, "", List.of(), true, true, 0, 0, null));
        }
        return out;
    }

    /** One job size of these parameters on a machine of {@code machineProcs} (for other generators). */
    public static int drawSize(LublinParameters p, int machineProcs, SplittableRandom random) {
        return new LublinModel(0, machineProcs, List.of(p), null, 0).size(p, random);
    }

    /** One run time, s, of these parameters for a job of this size (for other generators). */
    public static long drawRuntime(LublinParameters p, int size, SplittableRandom random) {
        return runtime(p, size, random);
    }

    /** Serial, power-of-two or other parallel size; never above the machine. */
    int size(LublinParameters p, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < p.serialProb()) return 1;
        double x = random.nextDouble() < p.uProb()
                ? p.uLow() + random.nextDouble() * (p.uMed() - p.uLow())
                : p.uMed() + random.nextDouble() * (p.uHi() - p.uMed());
        if (u < p.serialProb() + p.pow2Prob()) x = Math.rint(x);
        long size = Math.round(Math.pow(2, x));
        return (int) Math.max(1, Math.min(machineProcs, size));
    }

    static long runtime(LublinParameters p, int size, SplittableRandom random) {
        double first = p.firstGammaProbability(size);
        double ln;
        do {
            ln = random.nextDouble() < first ? Gamma.sample(random, p.a1(), p.b1()) : Gamma.sample(random, p.a2(), p.b2());
        } while (ln > MAX_LN_RUNTIME);
        return Math.max(1, (long) Math.exp(ln));
    }

    /** One class's arrival clock. */
    private static final class Stream {
        final LublinParameters p;
        final double[] weights;
        final double shape;
        long bucket;   // buckets passed since the start (bucket % 48 is the half-hour of the day)
        double within; // fraction of the current bucket passed
        double next;   // the next arrival, s

        Stream(LublinParameters p, double[] weights) {
            this.p = p;
            this.weights = weights;
            this.shape = p.aarr() * p.arar();
        }

        void advance(SplittableRandom random) {
            double x;
            do {
                x = Gamma.sample(random, shape, p.barr());
            } while (x > MAX_LN_INTERARRIVAL);
            double points = Math.exp(x) / DailyCycle.BUCKET_SECONDS;
            while (true) {
                double w = weights[(int) (bucket % DailyCycle.BUCKETS)];
                double left = (1 - within) * w;
                if (points < left) {
                    within += points / w;
                    break;
                }
                points -= left;
                bucket++;
                within = 0;
            }
            next = (bucket + within) * DailyCycle.BUCKET_SECONDS;
        }
    }
}
