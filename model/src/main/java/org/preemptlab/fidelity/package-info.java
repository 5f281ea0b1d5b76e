/**
 * How close one schedule of a workload is to another: per job start-time differences, the share
 * within a tolerance, mean and median absolute error, Kendall's τ of the start order (O(n log n)),
 * mean waits overall, per partition and per account. Used for replay-vs-real and for real-vs-real
 * (Slurm's own run-to-run spread, the noise floor). No I/O, no engine.
 */
package org.preemptlab.fidelity;
