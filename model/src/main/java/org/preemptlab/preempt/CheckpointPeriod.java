package org.preemptlab.preempt;

/**
 * How periodic (fault-tolerance) checkpoint intervals are chosen for jobs that do not set their own:
 * none, Young's τ = √(2δM), or Daly's higher-order estimate, from the job's checkpoint cost δ and
 * its mean time to interrupt M = node MTBF / the job's nodes.
 */
public enum CheckpointPeriod {
    NONE, YOUNG, DALY;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CheckpointPeriod parse(String text) {
        for (CheckpointPeriod p : values()) if (p.label().equals(text)) return p;
        throw new IllegalArgumentException("\"" + text + "\" is not a checkpoint period; use none, young or daly");
    }

    /**
     * The interval of useful work between checkpoints, s (0: none).
     *
     * @param delta checkpoint cost δ, s
     * @param mtti  the job's mean time to interrupt M, s
     */
    public long interval(double delta, double mtti) {
        if (this == NONE || !(mtti > 0) || !(delta > 0)) return 0;
        if (this == YOUNG) return Math.max(1, Math.round(Math.sqrt(2 * delta * mtti)));
        if (delta >= 2 * mtti) return Math.max(1, Math.round(mtti));
        double r = delta / (2 * mtti);
        return Math.max(1, Math.round(Math.sqrt(2 * delta * mtti) * (1 + Math.sqrt(r) / 3 + r / 9) - delta));
    }
}
