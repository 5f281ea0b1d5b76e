/**
 * Slurm partitions: overlapping sets of node groups with their tier, job factor, time and node
 * limits, account and QOS filters, sharing and state (docs/slurm-model.md, "Partitions").
 */
package org.preemptlab.partition;
