/**
 * Advance reservations, as Slurm's {@code scontrol create reservation} makes them: nodes (named, or
 * a count chosen when the run begins) set aside from a start for a duration, once or recurring, for
 * the jobs that name the reservation, with the flags MAINT, FLEX, IGNORE_JOBS, PURGE_COMP and
 * REPLACE. {@link org.preemptlab.reservation.ReservationSpec} is what a scenario (or
 * {@code scontrol show reservation} output, {@link org.preemptlab.reservation.ScontrolReservations})
 * says; {@link org.preemptlab.reservation.ReservationPlan} turns it into the occurrences every
 * scheduler sees in its snapshot ({@link org.preemptlab.sched.Reservation}), the same abstraction
 * maintenance windows are (as MAINT reservations no job belongs to). See docs/reservations.md.
 */
package org.preemptlab.reservation;
