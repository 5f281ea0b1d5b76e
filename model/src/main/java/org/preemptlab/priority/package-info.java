/**
 * Slurm's {@code priority/multifactor}: the configuration ({@code PriorityWeight*},
 * {@code PriorityFlags}, {@code PriorityMaxAge}, {@code PriorityDecayHalfLife},
 * {@code PriorityCalcPeriod}, {@code PriorityUsageResetPeriod}, {@code PriorityFavorSmall}), the
 * decayed usage ledger the fair-share factor reads (charged by billing × QOS {@code UsageFactor}),
 * the Fair Tree and classic fair-share algorithms, and the per-job factors {@code sprio} shows.
 * Depends on {@code accounting}, {@code account}, {@code qos} and {@code tres}.
 */
package org.preemptlab.priority;
