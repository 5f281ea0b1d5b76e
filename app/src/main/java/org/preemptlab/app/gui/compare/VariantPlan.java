package org.preemptlab.app.gui.compare;

import org.preemptlab.sim.SimulationConfig;

/**
 * One variant to compare, before it runs: a short key (the metrics table's column, the CSV's
 * column), a label for people, and the engine configuration.
 */
public record VariantPlan(String key, String label, SimulationConfig config) {}
