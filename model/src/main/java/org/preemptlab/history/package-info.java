/**
 * A Slurm site's job history as {@code sacct -P -X} prints it: {@link org.preemptlab.history.SacctReader}
 * reads the pipe-separated table (header line included) into {@link org.preemptlab.history.SacctJob}
 * records, with Slurm's time, memory, TRES and JobID forms, and sorts every row into one
 * {@link org.preemptlab.history.SacctRule} (replayed, or left out and why), with counts. Errors name
 * {@code file:line} and the field. Depends only on {@code slurmconf} (time and TRES text).
 */
package org.preemptlab.history;
