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
    /** A collapsed pool: how busy its cores are. */
    POOL_LOAD("pool load"),
    RESERVATION("reservation");

    private final String label;

    BarKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
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
