/**
 * One trace, read and simulated at once: the reader ({@code io.swf}'s {@code SwfFeed}) inflates and
 * parses on a second thread and hands the jobs to the engine ({@code sim}) as they come, so a one-shot
 * {@code simulate} costs the read's time only where the engine waits for it. Same result as reading the
 * whole trace first, job for job.
 */
package org.preemptlab.tracerun;
