/**
 * Slurm QOS records: priority, the {@code Preempt} list, {@code PreemptMode}, {@code GraceTime},
 * {@code PreemptExemptTime}, {@code UsageFactor} and limits, gathered in a validated
 * {@link org.preemptlab.qos.QosTable} whose preemption relation is acyclic (a cycle is refused,
 * named). Depends on {@code limits}, {@code tres} and {@code mechanism}.
 */
package org.preemptlab.qos;
