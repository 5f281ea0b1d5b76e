package org.preemptlab.reservation;

import java.util.Locale;

/** The reservation flags PreemptLab models, with their Slurm meaning and what is simplified. */
public enum ReservationFlag {
    /**
     * Maintenance: the nodes are set aside for the administrators' jobs (those that name it). May
     * overlap other reservations (the others may not overlap each other). Maintenance windows of a
     * scenario are MAINT reservations nobody belongs to. Not modelled: Slurm's accounting of the
     * time as "maintenance" instead of "reserved".
     */
    MAINT("maintenance: may overlap other reservations"),
    /**
     * Jobs that name the reservation may also use nodes outside it and may start before it begins or
     * run after it ends; without it they run only inside it, on its nodes.
     */
    FLEX("members may also use other nodes and run before or after it"),
    /**
     * Created without regard to running jobs: jobs already running (at t = 0) on its nodes keep
     * running into it. Without it, named nodes busy then are an error and a node count picks nodes
     * that are free over the reservation.
     */
    IGNORE_JOBS("created over running jobs (they keep running into it)"),
    /**
     * Purged once its last job has completed; if no job has started in it within
     * {@code purgeAfter} (Slurm: 5 minutes) of its start, purged then. Purging removes all
     * occurrences still to come; jobs that still name it run as ordinary jobs.
     */
    PURGE_COMP("purged when its last job completes (or when unused after purgeAfter)"),
    /**
     * Nodes of a node-count reservation that are down or held by jobs not in it are replaced by idle
     * nodes (when an occurrence begins and whenever the engine looks, i.e. at every event while it
     * lasts), to keep its size constant.
     */
    REPLACE("down or busy nodes are replaced by idle ones (node-count reservations)");

    private final String meaning;

    ReservationFlag(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** The flag of that name (case-insensitive), or null. */
    public static ReservationFlag parse(String text) {
        for (ReservationFlag f : values()) if (f.name().equalsIgnoreCase(text.trim())) return f;
        return null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
