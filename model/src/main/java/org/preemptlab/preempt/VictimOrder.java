package org.preemptlab.preempt;

/** In which order candidate victims are taken until the preemptor fits. */
public enum VictimOrder {
    /** The most recently started first (Slurm's youngest-first). */
    YOUNGEST_FIRST,
    /** The job that loses the least work (time since its last checkpoint × cores) first. */
    LEAST_WORK_LOST,
    /** A single victim that suffices if there is one (the smallest such), else largest first. */
    FEWEST_VICTIMS,
    /** The largest job first (best fit of freed resources; Niu et al.). */
    LARGEST_FIRST;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static VictimOrder parse(String text) {
        for (VictimOrder o : values()) if (o.label().equals(text)) return o;
        throw new IllegalArgumentException("\"" + text + "\" is not a victim order; use youngest-first, least-work-lost, fewest-victims or largest-first");
    }
}
