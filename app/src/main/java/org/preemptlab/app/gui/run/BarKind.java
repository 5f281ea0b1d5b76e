package org.preemptlab.app.gui.run;

import org.preemptlab.sim.SegmentKind;

/** What a drawn rectangle of the Gantt shows; the painter picks a look per kind. */
public enum BarKind {
    RUNNING("running"),
    RESTARTING("restarting (reading checkpoint)"),
    SUSPENDED("suspended"),
    CHECKPOINTING("checkpointing"),
    STOPPING("stopping (grace time)"),
    LOST("lost work"),
    /** Several bars narrower than a pixel merged into one (level of detail). */
    MERGED("many short jobs"),
    MAINTENANCE("maintenance"),
    NODE_DOWN("node down"),
    QUEUE("jobs waiting"),
    /** A collapsed pool's occupancy strip; the colour index is the share's state (see {@link GanttPalette}). */
    POOL_LOAD("pool load"),
    /** The moment a job was preempted (a marker at least a few pixels wide at any zoom). */
    PREEMPT_MARK("preempted"),
    /** The moment a checkpoint began. */
    CHECKPOINT_MARK("checkpoint begins"),
    /** The moment a job restarted from its checkpoint. */
    RESTART_MARK("restart"),
    /** The moment a job was killed or failed. */
    FAILURE_MARK("killed or failed"),
    /** A maintenance window drawn on the Gantt and not simulated yet (shown until the next run). */
    PLANNED_MAINTENANCE("maintenance drawn, not simulated yet");

    private final String label;

    BarKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True for the event markers (a moment, not a stretch). */
    public boolean isMarker() {
        return this == PREEMPT_MARK || this == CHECKPOINT_MARK || this == RESTART_MARK || this == FAILURE_MARK;
    }

    public static BarKind of(SegmentKind kind) {
        return switch (kind) {
            case RUNNING -> RUNNING;
            case RESTARTING -> RESTARTING;
            case SUSPENDED -> SUSPENDED;
            case CHECKPOINTING -> CHECKPOINTING;
            case STOPPING -> STOPPING;
            case LOST -> LOST;
            case WAITING -> QUEUE;
        };
    }
}
