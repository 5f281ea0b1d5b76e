package org.preemptlab.workload;

/**
 * The parameters of one job class of the Lublin–Feitelson rigid-job model: U. Lublin and D. G.
 * Feitelson, "The workload on parallel supercomputers: modeling the characteristics of rigid jobs",
 * J. Parallel Distrib. Comput. 63(11), pp. 1105–1122, 2003. The values of {@link #BATCH},
 * {@link #INTERACTIVE} and {@link #WHOLE} are the published ones (as distributed with the model,
 * "m_lublin99", in the Parallel Workloads Archive; the same numbers appear in GridSim's
 * {@code WorkloadLublin99}); they were fitted for a 128-node machine, see {@link #forMachine}.
 *
 * <ul>
 *   <li>size: serial with probability {@code serialProb}; otherwise log2(size) is drawn from a
 *       two-stage uniform: U(uLow, uMed) with probability {@code uProb}, else U(uMed, uHi); with
 *       probability {@code pow2Prob} (of all jobs) it is rounded to an integer, a power of two;
 *       size = round(2^x);</li>
 *   <li>run time: ln(run time) ~ hyper-gamma: Γ(a1, b1) with probability p, else Γ(a2, b2), where
 *       p = pa·size + pb clipped to [0, 1] — pa &lt; 0 makes wide jobs longer (the size–run-time
 *       correlation); values of ln(run time) above 12 (≈ 45 h) are drawn again;</li>
 *   <li>arrivals: ln(inter-arrival at rush hour, s) ~ Γ(aarr·arar, barr) (values above 13 drawn
 *       again); the day is 48 half-hour buckets whose arrival weights are the probability mass of
 *       Γ(anum, bnum) over [i − ½, i + ½], for i = 11 … 58 half-hours counted from midnight, taken
 *       modulo 48 ({@link DailyCycle}).</li>
 * </ul>
 * Γ(a, b) has shape a and scale b (mean a·b).
 */
public record LublinParameters(
        String name,
        double serialProb,
        double pow2Prob,
        double uLow,
        double uMed,
        double uHi,
        double uProb,
        double a1,
        double b1,
        double a2,
        double b2,
        double pa,
        double pb,
        double aarr,
        double barr,
        double anum,
        double bnum,
        double arar) {

    /** Batch jobs, as published (128 nodes: uHi = 7). */
    public static final LublinParameters BATCH = new LublinParameters("batch", 0.2927, 0.6686, 1.2, 5, 7, 0.875,
            6.57, 0.823, 639.1, 0.0156, -0.003, 0.6986, 6.0415, 0.8531, 6.1271, 5.2740, 1.0519);
    /** Interactive jobs, as published (uHi = 5.5: at most 45 of 128 nodes). */
    public static final LublinParameters INTERACTIVE = new LublinParameters("interactive", 0.1541, 0.625, 1, 3, 5.5,
            0.705, 3.8351, 0.6605, 7.073, 0.6856, -0.0118, 0.9156, 6.5510, 0.6621, 8.9186, 3.6680, 0.9797);
    /** The whole sample without the batch / interactive distinction, as published. */
    public static final LublinParameters WHOLE = new LublinParameters("whole", 0.244, 0.576, 0.8, 4.5, 7, 0.86,
            4.2, 0.94, 312, 0.03, -0.0054, 0.78, 10.2303, 0.4871, 8.1737, 3.9631, 1.0225);

    /** The machine size the published parameters were fitted for. */
    public static final int PUBLISHED_MACHINE = 128;

    public LublinParameters {
        check("serialProb", serialProb, 0, 1);
        check("pow2Prob", pow2Prob, 0, 1);
        if (serialProb + pow2Prob > 1) {
            throw new IllegalArgumentException(name + ": serialProb + pow2Prob is " + (serialProb + pow2Prob) + "; must be ≤ 1");
        }
        check("uProb", uProb, 0, 1);
        if (!(uLow >= 0 && uLow <= uMed && uMed <= uHi)) {
            throw new IllegalArgumentException(name + ": uLow, uMed, uHi are " + uLow + ", " + uMed + ", " + uHi
                    + "; need 0 ≤ uLow ≤ uMed ≤ uHi");
        }
        for (double v : new double[] {a1, b1, a2, b2, aarr, barr, anum, bnum, arar}) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(name + ": gamma parameters must be > 0 and finite (a1 b1 a2 b2 aarr barr anum bnum arar)");
            }
        }
        if (!Double.isFinite(pa) || !Double.isFinite(pb)) throw new IllegalArgumentException(name + ": pa, pb must be finite");
    }

    private void check(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) throw new IllegalArgumentException(name + ": " + field + " is " + v + "; must be in [" + lo + ", " + hi + "]");
    }

    /**
     * These parameters for a machine of {@code procs} processors: the size distribution keeps its
     * shape relative to the machine — uHi moves to log2(procs) (less the class's published gap to 7,
     * 1.5 for interactive jobs) and uMed keeps its published distance below uHi (the paper
     * recommends uMed ≈ uHi − 2.5, and 1.5 … 3.5); uLow stays (the smallest parallel job is still
     * about 2 processors), clipped to the new uMed. Run times and arrivals are unchanged: scale the
     * load with {@code org.preemptlab.growth.LoadScaling}.
     */
    public LublinParameters forMachine(int procs) {
        if (procs < 1) throw new IllegalArgumentException("procs is " + procs + "; must be ≥ 1");
        double top = Math.log(procs) / Math.log(2);
        double hi = Math.max(0, top - (Math.log(PUBLISHED_MACHINE) / Math.log(2) - uHi));
        double med = Math.max(0, hi - (uHi - uMed));
        double low = Math.min(uLow, med);
        return new LublinParameters(name, serialProb, pow2Prob, low, med, hi, uProb, a1, b1, a2, b2, pa, pb, aarr, barr,
                anum, bnum, arar);
    }

    /** E[log2 size] of a parallel job before rounding: the two-stage uniform's mean. */
    public double meanLog2ParallelSize() {
        return uProb * (uLow + uMed) / 2 + (1 - uProb) * (uMed + uHi) / 2;
    }

    /** The hyper-gamma's first-gamma probability for a job of this size. */
    public double firstGammaProbability(int size) {
        return Math.max(0, Math.min(1, pa * size + pb));
    }

    /** E[ln run time] of a job of this size (ignoring the redraw above 12, which is rare). */
    public double meanLnRuntime(int size) {
        double p = firstGammaProbability(size);
        return p * a1 * b1 + (1 - p) * a2 * b2;
    }
}
