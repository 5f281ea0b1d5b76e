package org.preemptlab.live;

import org.preemptlab.sim.Simulation;

/**
 * Follows a live run; called on the driver's thread (a GUI must hop to its own thread).
 */
public interface LiveListener {

    LiveListener NONE = new LiveListener() {};

    /** The engine applied one instant (its timeline grew). */
    default void stepped(Simulation simulation) {}

    /** The backend saw something happen. */
    default void observed(ObservedEvent event) {}
}
