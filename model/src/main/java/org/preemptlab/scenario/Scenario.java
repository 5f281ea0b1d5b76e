package org.preemptlab.scenario;

import org.preemptlab.gang.GangSettings;
import org.preemptlab.reservation.ReservationSpec;
import org.preemptlab.preempt.PolicyFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.io.swf.AnomalyReport;
import org.preemptlab.job.JobSpec;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.SimulationConfig;

/**
 * A what-if scenario as read from (and written to) a scenario file: the machine, the jobs, the
 * scheduler, who may preempt whom and how, maintenance windows, failures.
 *
 * <p>Equality: {@link MaintenanceWindow} holds its nodes in an array, so {@link #equals} compares
 * windows by content; {@code traceReport} is what reading the trace found, derived from
 * {@code trace}, and is not compared.
 *
 * @param name        short name shown in the UI
 * @param description what the scenario teaches (may be several lines), or empty
 * @param seed        the run's random seed (default 1)
 * @param cluster     a {@code NodeCluster} of pools or a {@code ProcessorMachine}
 * @param jobs        sorted by submit time, stably (ties keep the given order: file order for inline jobs)
 * @param scheduler   the scheduling policy by name
 * @param rules       who may preempt whom ({@link PreemptionRules#NONE} when the file has no {@code preemption})
 * @param settings    how preemption is carried out
 * @param maintenance windows with node indices resolved, in file order
 * @param failures    random node failures ({@link FailureModel#NONE} when absent)
 * @param horizon     simulated time limit used for validation, s, or null
 * @param trace       the trace the jobs came from, or null for inline jobs
 * @param traceReport what the SWF reader changed or dropped, or null for inline jobs
 * @param initialRuns jobs already running when the scenario begins (a live cluster imported "from now")
 * @param gang        pools whose cores jobs share, time-sliced ({@link GangSettings#NONE}: none)
 * @param reservations advance reservations ({@code scontrol create reservation}), in file order; empty when
 *                    the file has none
 */
public record Scenario(
        String name,
        String description,
        long seed,
        Cluster cluster,
        List<JobSpec> jobs,
        SchedulerSpec scheduler,
        PreemptionRules rules,
        PreemptionSettings settings,
        List<MaintenanceWindow> maintenance,
        FailureModel failures,
        Long horizon,
        TraceReference trace,
        AnomalyReport traceReport,
        List<InitialRun> initialRuns,
        GangSettings gang,
        List<ReservationSpec> reservations) {

    /** A scenario without advance reservations. */
    public Scenario(String name, String description, long seed, Cluster cluster, List<JobSpec> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceWindow> maintenance, FailureModel failures, Long horizon, TraceReference trace,
            AnomalyReport traceReport, List<InitialRun> initialRuns, GangSettings gang) {
        this(name, description, seed, cluster, jobs, scheduler, rules, settings, maintenance, failures, horizon, trace,
                traceReport, initialRuns, gang, List.of());
    }

    /** A scenario without gang scheduling. */
    public Scenario(String name, String description, long seed, Cluster cluster, List<JobSpec> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceWindow> maintenance, FailureModel failures, Long horizon, TraceReference trace,
            AnomalyReport traceReport, List<InitialRun> initialRuns) {
        this(name, description, seed, cluster, jobs, scheduler, rules, settings, maintenance, failures, horizon, trace,
                traceReport, initialRuns, GangSettings.NONE, List.of());
    }

    /** A scenario in which nothing runs yet when it begins. */
    public Scenario(String name, String description, long seed, Cluster cluster, List<JobSpec> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceWindow> maintenance, FailureModel failures, Long horizon, TraceReference trace,
            AnomalyReport traceReport) {
        this(name, description, seed, cluster, jobs, scheduler, rules, settings, maintenance, failures, horizon, trace,
                traceReport, List.of(), GangSettings.NONE, List.of());
    }

    public static final long DEFAULT_SEED = 1;

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(scheduler, "scheduler");
        rules = rules == null ? PreemptionRules.NONE : rules;
        settings = settings == null ? PreemptionSettings.defaults() : settings;
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        failures = failures == null ? FailureModel.NONE : failures;
        initialRuns = initialRuns == null ? List.of() : List.copyOf(initialRuns);
        gang = gang == null ? GangSettings.NONE : gang;
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
        for (String pool : gang.pools().keySet()) {
            if (!(cluster instanceof org.preemptlab.cluster.NodeCluster nc)) {
                throw new IllegalArgumentException("cluster: overSubscribe (gang scheduling) needs node pools; a processor machine has none");
            }
            if (nc.pools().stream().noneMatch(p -> p.name().equals(pool))) {
                throw new IllegalArgumentException("cluster.pools: overSubscribe is set for pool " + pool + ", which the cluster does not have");
            }
        }
        List<JobSpec> sorted = new ArrayList<>(jobs);
        sorted.sort(Comparator.comparingLong(JobSpec::submit)); // List.sort is stable: ties keep their order
        jobs = List.copyOf(sorted);
    }

    /** The scheduler the file names, with owner/QOS preemption on top when the file sets it. */
    public SchedulingPolicy policy() {
        // a version-2 site's PreemptType decides who preempts whom (docs/slurm-model.md, "Preemption")
        org.preemptlab.preempt.SlurmPreemption slurm = cluster instanceof org.preemptlab.cluster.NodeCluster nc
                ? org.preemptlab.preempt.SlurmPreemption.of(nc.site()) : null;
        return PolicyFactory.create(scheduler.kind(), scheduler.p(), scheduler.thresholdSeconds(),
                scheduler.extendSeconds(), scheduler.killInstead(), scheduler.slurmParameters(), scheduler.backfillPlans(),
                slurm == null ? rules : rules.withSlurm(slurm));
    }

    /**
     * The engine configuration for this scenario with its own policy (emulated backend); schedulers
     * that preempt by themselves requeue their victims at the head of the queue. This is the one
     * conversion from a scenario to the engine: the command line, the planner window, Compare,
     * sweeps and break-even all run what it returns (another scheduler: {@link #withScheduler}
     * first), so nothing of the scenario — jobs already running at t = 0 among it — is lost on
     * one path and kept on another.
     */
    public SimulationConfig toConfig(boolean recording) {
        PreemptionSettings s = scheduler.kind().requeuesAtHead() ? settings.withRequeueAtHead(true) : settings;
        return new SimulationConfig(cluster, jobs, policy(), s, maintenance, failures, null, recording, initialRuns, gang, reservations);
    }

    /** True when the jobs came from an SWF trace. */
    public boolean fromTrace() {
        return trace != null;
    }

    public Scenario withScheduler(SchedulerSpec newScheduler) {
        return toBuilder().scheduler(newScheduler).build();
    }

    public Scenario withMaintenance(List<MaintenanceWindow> windows) {
        return toBuilder().maintenance(windows).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scenario s && name.equals(s.name) && description.equals(s.description) && seed == s.seed
                && cluster.equals(s.cluster) && jobs.equals(s.jobs) && scheduler.equals(s.scheduler)
                && rules.equals(s.rules) && settings.equals(s.settings) && sameWindows(maintenance, s.maintenance)
                && failures.equals(s.failures) && Objects.equals(horizon, s.horizon) && Objects.equals(trace, s.trace)
                && initialRuns.equals(s.initialRuns) && gang.equals(s.gang) && reservations.equals(s.reservations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, seed, cluster, jobs.size(), scheduler, rules, settings, maintenance.size(), failures,
                horizon, trace);
    }

    private static boolean sameWindows(List<MaintenanceWindow> a, List<MaintenanceWindow> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            MaintenanceWindow x = a.get(i);
            MaintenanceWindow y = b.get(i);
            if (!x.name().equals(y.name()) || x.start() != y.start() || x.duration() != y.duration()
                    || !Arrays.equals(x.nodes(), y.nodes()) || x.strategy() != y.strategy()
                    || x.drainHorizon() != y.drainHorizon()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Scenario[" + name + ": " + cluster + ", " + jobs.size() + " jobs, " + scheduler.name() + "]";
    }

    /** A builder holding this scenario's values, to change some of them: {@code x.toBuilder().name(v).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy of a Scenario with some values changed. Every component has a setter of its name; a test
     * checks by reflection that each one changes exactly its component, so a new component cannot be
     * forgotten here.
     */
    public static final class Builder {
        private String name;
        private String description;
        private long seed;
        private Cluster cluster;
        private List<JobSpec> jobs;
        private SchedulerSpec scheduler;
        private PreemptionRules rules;
        private PreemptionSettings settings;
        private List<MaintenanceWindow> maintenance;
        private FailureModel failures;
        private Long horizon;
        private TraceReference trace;
        private AnomalyReport traceReport;
        private List<InitialRun> initialRuns;
        private GangSettings gang;
        private List<ReservationSpec> reservations;

        private Builder(Scenario from) {
            name = from.name();
            description = from.description();
            seed = from.seed();
            cluster = from.cluster();
            jobs = from.jobs();
            scheduler = from.scheduler();
            rules = from.rules();
            settings = from.settings();
            maintenance = from.maintenance();
            failures = from.failures();
            horizon = from.horizon();
            trace = from.trace();
            traceReport = from.traceReport();
            initialRuns = from.initialRuns();
            gang = from.gang();
            reservations = from.reservations();
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder cluster(Cluster v) {
            cluster = v;
            return this;
        }

        public Builder jobs(List<JobSpec> v) {
            jobs = v;
            return this;
        }

        public Builder scheduler(SchedulerSpec v) {
            scheduler = v;
            return this;
        }

        public Builder rules(PreemptionRules v) {
            rules = v;
            return this;
        }

        public Builder settings(PreemptionSettings v) {
            settings = v;
            return this;
        }

        public Builder maintenance(List<MaintenanceWindow> v) {
            maintenance = v;
            return this;
        }

        public Builder failures(FailureModel v) {
            failures = v;
            return this;
        }

        public Builder horizon(Long v) {
            horizon = v;
            return this;
        }

        public Builder trace(TraceReference v) {
            trace = v;
            return this;
        }

        public Builder traceReport(AnomalyReport v) {
            traceReport = v;
            return this;
        }

        public Builder initialRuns(List<InitialRun> v) {
            initialRuns = v;
            return this;
        }

        public Builder reservations(List<ReservationSpec> v) {
            reservations = v;
            return this;
        }

        public Builder gang(GangSettings v) {
            gang = v;
            return this;
        }

        public Scenario build() {
            return new Scenario(name, description, seed, cluster, jobs, scheduler, rules, settings, maintenance, failures, horizon, trace, traceReport, initialRuns, gang, reservations);
        }
    }
}
