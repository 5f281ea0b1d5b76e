/**
 * How preemption is carried out: the mechanisms (kill, requeue, suspend, checkpoint), their costs
 * and the run-wide settings. Policies ({@code sched}, {@code preempt}) and the engine ({@code sim})
 * read these; the package depends on nothing else of the model.
 */
package org.preemptlab.mechanism;
