/**
 * Gang scheduling (Slurm's {@code PreemptMode=GANG}): which pools let several jobs share the same
 * cores ({@link OverSubscribe}, like a partition's {@code OverSubscribe=FORCE:N}), how long a time
 * slice lasts ({@link GangSettings#timeSliceSeconds()}, like {@code SchedulerTimeSlice}), and how the
 * timeslicer chooses the jobs that run in a slice ({@link ActiveFill}). Values and pure rules only:
 * the engine ({@code sim}) applies them.
 */
package org.preemptlab.gang;
