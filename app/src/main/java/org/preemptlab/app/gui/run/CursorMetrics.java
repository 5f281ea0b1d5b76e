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
}
