package org.preemptlab.metrics;

/**
 * What a core is doing at an instant, as the utilization-by-state view splits the machine. Every
 * core is in exactly one state; the order is the order of precedence ({@link StateUtilization}).
 */
public enum CoreState {
    /** Held by a job that computes (running, or inside its grace time before a forced stop). */
    BUSY("busy", "held by a running job (also inside a grace time before a forced stop)"),
    /** Held by a job writing a checkpoint image or reading one back at a restart: no progress. */
    CHECKPOINTING("checkpoint / restart", "held by a job writing or reading a checkpoint image: no progress"),
    /** On a node out of service: a maintenance window or a failure. */
    DOWN("down", "on a node in a maintenance window or failed"),
    /** Free, on a node where a suspended job still holds its memory. */
    SUSPENDED("suspended", "free, but a suspended job holds its memory on the node"),
    /** Free, on a node that is emptied for an upcoming maintenance window (drain). */
    DRAINING("draining", "free, on a node emptied for an upcoming maintenance window"),
    /** Free while a job that will start on this node is already waiting (held for it). */
    RESERVED_IDLE("reserved idle", "free while a job that later starts on the node is waiting for it"),
    /** Free, with nothing waiting for it. */
    IDLE("idle", "free, nothing waiting for it");

    private final String label;
    private final String meaning;

    CoreState(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    /** The name people read (legend, CSV header). */
    public String label() {
        return label;
    }

    /** One line on what the state counts (tooltips, docs). */
    public String meaning() {
        return meaning;
    }
}
