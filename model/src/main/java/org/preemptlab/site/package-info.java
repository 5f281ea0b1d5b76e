/**
 * A Slurm site's scheduling configuration as one value: partitions, node selection, accounts, QOS,
 * priority and preemption settings (docs/slurm-model.md). Carried by a version-2 cluster.
 */
package org.preemptlab.site;
