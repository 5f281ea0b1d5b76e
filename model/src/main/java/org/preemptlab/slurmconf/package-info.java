/**
 * Reading Slurm's configuration files as a site has them: {@code slurm.conf} (with its
 * {@code Include} files), {@code gres.conf}, {@code sacctmgr dump CLUSTER} files and
 * {@code sacctmgr -P show qos} output. Each parser returns typed, faithful records (what Slurm
 * itself would read: its defaults, its CPU count rule, its time formats, its host lists) and adds
 * to an {@link org.preemptlab.slurmconf.ImportReport} every setting that was read but is not
 * modelled (with its value and {@code file:line}) and every warning. Errors name the file, the
 * line and the key ({@link org.preemptlab.slurmconf.SlurmConfException}).
 *
 * <p>The package depends on nothing else of the model; turning these records into a scenario is
 * the job of the importer built on top of it.
 */
package org.preemptlab.slurmconf;
