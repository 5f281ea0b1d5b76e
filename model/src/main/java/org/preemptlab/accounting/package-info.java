/**
 * Slurm's accounting policy ({@code AccountingStorageEnforce=limits}): which QOS and association
 * limits apply to a job, checked against the usage counters of running and submitted jobs, with the
 * pending reason a breach produces; and what a job is billed ({@code TRESBillingWeights}). The
 * engine hands in read-only {@link org.preemptlab.accounting.JobRequest} views and tells
 * {@link org.preemptlab.accounting.LimitUsage} when jobs are submitted, start and end. Depends on
 * {@code account}, {@code qos}, {@code limits} and {@code tres}.
 */
package org.preemptlab.accounting;
