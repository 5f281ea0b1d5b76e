package org.preemptlab.app.gui.run;

/**
 * The live figures at the cursor, from the recorded timeline.
 *
 * @param utilization cores doing useful work (running) / all cores
 * @param busy        cores held (running, restarting, checkpointing, stopping) / all cores
 */
public record CursorMetrics(long time, double utilization, double busy, int queued, int running, int suspended,
        int checkpointing, int ended) {

    public static final CursorMetrics EMPTY = new CursorMetrics(0, 0, 0, 0, 0, 0, 0, 0);

    /** What "Utilization" means (the tile's tooltip). */
    public static final String UTILIZATION_HELP = "Utilization: the share of all cores doing useful work at the cursor"
            + " (jobs running). Cores writing or reading a checkpoint, held by a suspended job, idle or down do not count.";

    /** What "Cores held" means (the tile's tooltip). */
    public static final String CORES_HELD_HELP = "Cores held: the share of all cores that jobs occupy at the cursor,"
            + " useful or not: running, restarting, writing a checkpoint or stopping. Cores held minus utilization is"
            + " the overhead of preemption at that moment.";
}
