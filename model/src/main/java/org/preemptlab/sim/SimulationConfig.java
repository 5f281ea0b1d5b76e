package org.preemptlab.sim;

import org.preemptlab.gang.GangSettings;
import java.util.List;
import org.preemptlab.backend.EmulatedBackend;
import org.preemptlab.backend.NodeBackend;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.SchedulingPolicy;

/**
 * Everything a run needs. Jobs must be sorted by submit time (ties: the order given is the
 * queue order, e.g. by job number).
 */
public record SimulationConfig(
        Cluster cluster,
        List<JobSpec> jobs,
        SchedulingPolicy policy,
        PreemptionSettings preemption,
        List<MaintenanceWindow> maintenance,
        FailureModel failures,
        NodeBackend backend,
        boolean recording,
        List<InitialRun> initialRuns,
        GangSettings gang,
        List<org.preemptlab.reservation.ReservationSpec> reservations,
        Long priorityCalcEpoch,
        SameSecondOrder sameSecond) {

    /** A configuration whose same-second events come in the engine's order (kind, then insertion), as without {@link #withSameSecondOrder}. */
    public SimulationConfig(Cluster cluster, List<JobSpec> jobs, SchedulingPolicy policy, PreemptionSettings preemption,
            List<MaintenanceWindow> maintenance, FailureModel failures, NodeBackend backend, boolean recording,
            List<InitialRun> initialRuns, GangSettings gang, List<org.preemptlab.reservation.ReservationSpec> reservations,
            Long priorityCalcEpoch) {
        this(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, gang, reservations, priorityCalcEpoch, null);
    }

    /**
     * A configuration whose PriorityCalcPeriod ticks (Slurm clusters) fall at the first submit + k·period, as
     * without {@link #withPriorityCalcEpoch}.
     */
    public SimulationConfig(Cluster cluster, List<JobSpec> jobs, SchedulingPolicy policy, PreemptionSettings preemption,
            List<MaintenanceWindow> maintenance, FailureModel failures, NodeBackend backend, boolean recording,
            List<InitialRun> initialRuns, GangSettings gang, List<org.preemptlab.reservation.ReservationSpec> reservations) {
        this(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, gang, reservations, null);
    }

    /** A configuration without advance reservations. */
    public SimulationConfig(Cluster cluster, List<JobSpec> jobs, SchedulingPolicy policy, PreemptionSettings preemption,
            List<MaintenanceWindow> maintenance, FailureModel failures, NodeBackend backend, boolean recording,
            List<InitialRun> initialRuns, GangSettings gang) {
        this(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, gang, List.of());
    }

    /** A configuration without gang scheduling (no pool shares its cores). */
    public SimulationConfig(Cluster cluster, List<JobSpec> jobs, SchedulingPolicy policy, PreemptionSettings preemption,
            List<MaintenanceWindow> maintenance, FailureModel failures, NodeBackend backend, boolean recording,
            List<InitialRun> initialRuns) {
        this(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, GangSettings.NONE, List.of());
    }

    /** A configuration in which nothing runs yet when the scenario begins. */
    public SimulationConfig(Cluster cluster, List<JobSpec> jobs, SchedulingPolicy policy, PreemptionSettings preemption,
            List<MaintenanceWindow> maintenance, FailureModel failures, NodeBackend backend, boolean recording) {
        this(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, List.of(), GangSettings.NONE);
    }

    public SimulationConfig {
        initialRuns = initialRuns == null ? List.of() : List.copyOf(initialRuns);
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
        jobs = List.copyOf(jobs);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        preemption = preemption == null ? PreemptionSettings.defaults() : preemption;
        failures = failures == null ? FailureModel.NONE : failures;
        gang = gang == null ? GangSettings.NONE : gang;
        if (gang.enabled() && !(cluster instanceof org.preemptlab.cluster.NodeCluster)) {
            throw new IllegalArgumentException("gang scheduling (overSubscribe) needs a cluster of node pools, not a processor machine");
        }
        backend = backend == null ? new EmulatedBackend() : backend;
        if (sameSecond != null && sameSecond.size() != jobs.size()) {
            throw new IllegalArgumentException("same-second order: " + sameSecond.size() + " jobs, the configuration has " + jobs.size());
        }
        for (int i = 1; i < jobs.size(); i++) {
            if (jobs.get(i).submit() < jobs.get(i - 1).submit()) {
                throw new IllegalArgumentException("jobs must be sorted by submit time: job " + jobs.get(i).name()
                        + " (submit " + jobs.get(i).submit() + ") comes after job " + jobs.get(i - 1).name()
                        + " (submit " + jobs.get(i - 1).submit() + ")");
            }
        }
    }

    /** A plain run: emulated backend, default preemption settings, no maintenance, no failures. */
    public static SimulationConfig of(Cluster cluster, List<JobSpec> jobs, SchedulingPolicy policy, boolean recording) {
        return new SimulationConfig(cluster, jobs, policy, null, null, null, null, recording, List.of(), GangSettings.NONE);
    }

    public SimulationConfig withPreemption(PreemptionSettings settings) {
        return new SimulationConfig(cluster, jobs, policy, settings, maintenance, failures, backend, recording, initialRuns, gang, reservations, priorityCalcEpoch, sameSecond);
    }

    public SimulationConfig withMaintenance(List<MaintenanceWindow> windows) {
        return new SimulationConfig(cluster, jobs, policy, preemption, windows, failures, backend, recording, initialRuns, gang, reservations, priorityCalcEpoch, sameSecond);
    }

    public SimulationConfig withFailures(FailureModel model) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, model, backend, recording, initialRuns, gang, reservations, priorityCalcEpoch, sameSecond);
    }

    public SimulationConfig withBackend(NodeBackend newBackend) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, failures, newBackend, recording, initialRuns, gang, reservations, priorityCalcEpoch, sameSecond);
    }

    public SimulationConfig withInitialRuns(List<InitialRun> runs) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, runs, gang, reservations, priorityCalcEpoch, sameSecond);
    }

    /** The same run with these gang settings ({@link GangSettings#NONE}: no time slicing). */
    public SimulationConfig withGang(GangSettings settings) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, settings, reservations, priorityCalcEpoch, sameSecond);
    }

    /** The same run with these advance reservations (occurrences unrolled by the engine). */
    public SimulationConfig withReservations(List<org.preemptlab.reservation.ReservationSpec> specs) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, gang, specs, priorityCalcEpoch, sameSecond);
    }

    /**
     * The same run with the PriorityCalcPeriod ticks at {@code epoch} + k·period (seconds on the run's clock, e.g. when
     * a real slurmctld started its decay thread) instead of at the first submit + k·period.
     */
    public SimulationConfig withPriorityCalcEpoch(long epoch) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, gang,
                reservations, epoch, sameSecond);
    }

    /**
     * The same run with a recorded order of same-second events (e.g. from slurmctld's log): each job's submit and end at
     * its recorded millisecond among the policy's recorded passes of that second ({@link SameSecondOrder}).
     */
    public SimulationConfig withSameSecondOrder(SameSecondOrder order) {
        return new SimulationConfig(cluster, jobs, policy, preemption, maintenance, failures, backend, recording, initialRuns, gang,
                reservations, priorityCalcEpoch, order);
    }

    public SimulationConfig withPolicy(SchedulingPolicy newPolicy) {
        return new SimulationConfig(cluster, jobs, newPolicy, preemption, maintenance, failures, backend, recording, initialRuns, gang, reservations, priorityCalcEpoch, sameSecond);
    }
}
