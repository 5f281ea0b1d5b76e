/**
 * Slurm's resource limits as values: the set of limits a QOS or an association may carry
 * ({@link org.preemptlab.limits.LimitSet}) and the pending reasons a breached limit produces
 * ({@link org.preemptlab.limits.PendingReason}). Which limit applies to a job, and the usage it is
 * checked against, is the {@code accounting} package's business. Depends only on {@code tres}.
 */
package org.preemptlab.limits;
