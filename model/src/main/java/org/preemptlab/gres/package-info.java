/**
 * Generic resources (Slurm's GRES: GPUs and the like), as nodes offer them and jobs ask for them.
 * No dependencies; {@code cluster} and {@code job} use it.
 */
package org.preemptlab.gres;
