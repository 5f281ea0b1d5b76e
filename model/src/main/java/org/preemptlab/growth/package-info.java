/**
 * Growth what-ifs for capacity planning: scaling a workload's load ({@link org.preemptlab.growth.LoadScaling})
 * and enlarging the machine ({@link org.preemptlab.growth.MachineGrowth}). Used by the sweep axes
 * {@code load} and {@code nodes} and by the {@code saturation} command; see docs/workload-models.md.
 */
package org.preemptlab.growth;
