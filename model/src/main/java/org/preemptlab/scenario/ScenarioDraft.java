package org.preemptlab.scenario;

import org.preemptlab.gang.GangSettings;
import org.preemptlab.sched.SchedulerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.site.Site;

/**
 * The editor's whole scenario: immutable, so every edit is a new value (which makes undo/redo a
 * stack of values). It may hold invalid values; {@link ScenarioValidator} names them (by
 * the same {@link ScenarioRules} the file reader applies) and refuses to make a {@link Scenario} of them. What the editor does not edit yet (preemption rules and
 * settings, failures, horizon, a trace reference) is carried along unchanged, so that opening and
 * saving a scenario file keeps it whole.
 *
 * @param processors a machine of this many processors instead of pools (SWF traces), or 0
 * @param trace      where the jobs came from, or null; dropped once the job table is edited
 * @param site       a version-2 (Slurm) scenario's site (partitions, accounts, QOS, priority, preemption type),
 *                   or null (version 1); its pools are then the node groups and its jobs carry a {@code SlurmRequest}
 */
public record ScenarioDraft(String name, String description, int processors, List<PoolDraft> pools,
        List<JobDraft> jobs, SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
        List<MaintenanceDraft> maintenance, FailureModel failures, long seed, Long horizon, TraceReference trace,
        List<RunningJob> running, GangSettings gang, List<ReservationDraft> reservations, Site site) {

    /** A version-1 draft: no Slurm site. */
    public ScenarioDraft(String name, String description, int processors, List<PoolDraft> pools, List<JobDraft> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceDraft> maintenance, FailureModel failures, long seed, Long horizon, TraceReference trace,
            List<RunningJob> running, GangSettings gang, List<ReservationDraft> reservations) {
        this(name, description, processors, pools, jobs, scheduler, rules, settings, maintenance, failures, seed, horizon,
                trace, running, gang, reservations, null);
    }

    /** A draft without advance reservations. */
    public ScenarioDraft(String name, String description, int processors, List<PoolDraft> pools, List<JobDraft> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceDraft> maintenance, FailureModel failures, long seed, Long horizon, TraceReference trace,
            List<RunningJob> running, GangSettings gang) {
        this(name, description, processors, pools, jobs, scheduler, rules, settings, maintenance, failures, seed, horizon,
                trace, running, gang, List.of());
    }

    /** A draft without gang scheduling. */
    public ScenarioDraft(String name, String description, int processors, List<PoolDraft> pools, List<JobDraft> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceDraft> maintenance, FailureModel failures, long seed, Long horizon, TraceReference trace,
            List<RunningJob> running) {
        this(name, description, processors, pools, jobs, scheduler, rules, settings, maintenance, failures, seed, horizon,
                trace, running, GangSettings.NONE, List.of());
    }

    /**
     * A job already running when the scenario begins (a cluster imported "from now"), kept by name so
     * that opening and saving such a file never loses it; dropped when its job is removed or renamed.
     */
    public record RunningJob(String job, List<String> nodes, long runningFor) {
        public RunningJob {
            nodes = nodes == null ? null : List.copyOf(nodes); // null: a file that does not name them
        }
    }

    /** A draft in which nothing runs yet when the scenario begins. */
    public ScenarioDraft(String name, String description, int processors, List<PoolDraft> pools, List<JobDraft> jobs,
            SchedulerSpec scheduler, PreemptionRules rules, PreemptionSettings settings,
            List<MaintenanceDraft> maintenance, FailureModel failures, long seed, Long horizon, TraceReference trace) {
        this(name, description, processors, pools, jobs, scheduler, rules, settings, maintenance, failures, seed, horizon,
                trace, List.of());
    }

    public ScenarioDraft {
        running = running == null ? List.of() : List.copyOf(running);
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        pools = pools == null ? List.of() : List.copyOf(pools);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        scheduler = scheduler == null ? SchedulerSpec.of(SchedulerKind.EASY) : scheduler;
        rules = rules == null ? PreemptionRules.NONE : rules;
        settings = settings == null ? PreemptionSettings.defaults() : settings;
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        failures = failures == null ? FailureModel.NONE : failures;
        gang = gang == null ? GangSettings.NONE : gang;
        reservations = reservations == null ? List.of() : List.copyOf(reservations);
    }

    /** A plain scenario: pools, jobs, a scheduler; no preemption. */
    public static ScenarioDraft of(String name, List<PoolDraft> pools, List<JobDraft> jobs, SchedulerSpec scheduler) {
        return new ScenarioDraft(name, "", 0, pools, jobs, scheduler, null, null, List.of(), null, 1, null, null);
    }

    public static ScenarioDraft empty() {
        return of("untitled", List.of(PoolDraft.of("pool", 4, 8)), List.of(), SchedulerSpec.of(SchedulerKind.EASY));
    }

    public boolean isProcessorMachine() {
        return processors > 0;
    }

    public ScenarioDraft withName(String v) {
        return with(p -> p.name = v);
    }

    public ScenarioDraft withDescription(String v) {
        return with(p -> p.description = v);
    }

    public ScenarioDraft withProcessors(int v) {
        return with(p -> p.processors = v);
    }

    public ScenarioDraft withPools(List<PoolDraft> v) {
        return with(p -> p.pools = v);
    }

    /** New jobs: the table no longer comes from the trace. */
    public ScenarioDraft withJobs(List<JobDraft> v) {
        return with(p -> {
            p.jobs = v;
            p.trace = null;
        });
    }

    public ScenarioDraft withScheduler(SchedulerSpec v) {
        return with(p -> p.scheduler = v);
    }

    public ScenarioDraft withRules(PreemptionRules v) {
        return with(p -> p.rules = v);
    }

    public ScenarioDraft withSettings(PreemptionSettings v) {
        return with(p -> p.settings = v);
    }

    public ScenarioDraft withMaintenance(List<MaintenanceDraft> v) {
        return with(p -> p.maintenance = v);
    }

    public ScenarioDraft withSeed(long v) {
        return with(p -> p.seed = v);
    }

    /** Pools that share cores and the time slice (carried along; the editor does not edit them yet). */
    public ScenarioDraft withGang(GangSettings v) {
        return with(p -> p.gang = v);
    }

    public ScenarioDraft withReservations(List<ReservationDraft> v) {
        return with(p -> p.reservations = v);
    }

    /** Another Slurm site (null: a version-1 scenario). */
    public ScenarioDraft withSite(Site v) {
        return with(p -> p.site = v);
    }

    /** The draft with some components changed: every {@code with…} goes through here, so none repeats the record's 17 components. */
    private ScenarioDraft with(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return p.draft();
    }

    /** A draft's components, to change some and make the new draft. */
    private static final class Parts {
        String name;
        String description;
        int processors;
        List<PoolDraft> pools;
        List<JobDraft> jobs;
        SchedulerSpec scheduler;
        PreemptionRules rules;
        PreemptionSettings settings;
        List<MaintenanceDraft> maintenance;
        FailureModel failures;
        long seed;
        Long horizon;
        TraceReference trace;
        List<RunningJob> running;
        GangSettings gang;
        List<ReservationDraft> reservations;
        Site site;

        Parts(ScenarioDraft d) {
            name = d.name;
            description = d.description;
            processors = d.processors;
            pools = d.pools;
            jobs = d.jobs;
            scheduler = d.scheduler;
            rules = d.rules;
            settings = d.settings;
            maintenance = d.maintenance;
            failures = d.failures;
            seed = d.seed;
            horizon = d.horizon;
            trace = d.trace;
            running = d.running;
            gang = d.gang;
            reservations = d.reservations;
            site = d.site;
        }

        ScenarioDraft draft() {
            return new ScenarioDraft(name, description, processors, pools, jobs, scheduler, rules, settings, maintenance, failures, seed, horizon, trace, running, gang, reservations, site);
        }
    }

    /** True for a version-2 (Slurm site) draft. */
    public boolean isSlurm() {
        return site != null;
    }

    public ScenarioDraft withPool(int index, UnaryOperator<PoolDraft> change) {
        List<PoolDraft> list = new ArrayList<>(pools);
        list.set(index, change.apply(list.get(index)));
        return withPools(list);
    }

    public ScenarioDraft withJob(int index, UnaryOperator<JobDraft> change) {
        List<JobDraft> list = new ArrayList<>(jobs);
        list.set(index, change.apply(list.get(index)));
        return withJobs(list);
    }

    public int totalNodes() {
        return processors > 0 ? processors : pools.stream().mapToInt(p -> Math.max(0, p.nodes())).sum();
    }
}
