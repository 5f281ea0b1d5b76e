package org.preemptlab.sweep;

import org.preemptlab.sched.SchedulerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.growth.LoadScaling;
import org.preemptlab.growth.NodeChange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * A variant's scenario: the input's scenario with the variant's parameters put in.
 * <ul>
 *   <li>policy: the scheduler; an input that does not already use aggressive-checkpoint gets it
 *       with p = 0.2, t_thr = 1800 s and T_extend = T_chk + T_restart of its fixed checkpoint cost
 *       (430 s with the image model), as the {@code simulate} command does;</li>
 *   <li>mechanism m: every escalation chain (per QOS and the default) becomes m followed by the
 *       chain's other mechanisms in their order;</li>
 *   <li>bandwidth: every pool's checkpoint bandwidth and the processor-mode storage bandwidth;</li>
 *   <li>alpha: every job's estimate ({@link EstimateAccuracy});</li>
 *   <li>maintenanceStart: the start of the first maintenance window (duration, nodes and strategy kept);</li>
 *   <li>p: aggressive-checkpoint's p;</li>
 *   <li>load k: arrival rate × k, every gap between submissions divided by k ({@link LoadScaling#arrivals});</li>
 *   <li>nodes: nodes added to a pool, or processors to a processor machine ({@link NodeChange}).</li>
 * </ul>
 */
public final class VariantScenario {

    private VariantScenario() {}

    public static Scenario of(Scenario base, Variant v) {
        Scenario s = base;
        SchedulerSpec scheduler = scheduler(base, v);
        PreemptionRules rules = v.mechanism() == null ? s.rules() : headFirst(s.rules(), v.mechanism());
        Cluster cluster = s.cluster();
        PreemptionSettings settings = s.settings();
        if (v.bandwidthMBps() != null) {
            cluster = withBandwidth(cluster, v.bandwidthMBps());
            settings = new PreemptionSettings(settings.graceSeconds(), settings.requeueAtHead(), settings.cost(),
                    v.bandwidthMBps());
        }
        List<JobSpec> jobs = s.jobs();
        if (v.accuracy() != null && !v.accuracy().original()) jobs = jobs.stream().map(v.accuracy()::apply).toList();
        if (v.load() != null) jobs = LoadScaling.arrivals(jobs, v.load());
        if (v.nodes() != null) cluster = v.nodes().apply(cluster);
        List<MaintenanceWindow> windows = s.maintenance();
        if (v.maintenanceStart() != null) windows = withFirstStart(windows, v.maintenanceStart());
        return s.toBuilder().cluster(cluster).jobs(jobs).scheduler(scheduler).rules(rules).settings(settings)
                .maintenance(windows).build();
    }

    private static SchedulerSpec scheduler(Scenario base, Variant v) {
        SchedulerSpec own = base.scheduler();
        SchedulerSpec spec;
        if (v.policy().equals(own.name())) {
            spec = own;
        } else if (v.policy().equals(SchedulerKind.AGGRESSIVE_CHECKPOINT.id())) {
            CheckpointCost c = base.settings().cost();
            long extend = c.imageModel() ? SchedulerSpec.DEFAULT_EXTEND_SECONDS : c.checkpointSeconds() + c.restartSeconds();
            spec = SchedulerSpec.aggressiveCheckpoint(SchedulerSpec.DEFAULT_P, SchedulerSpec.DEFAULT_THRESHOLD_SECONDS,
                    extend, false);
        } else {
            spec = SchedulerSpec.of(v.policy());
        }
        if (v.p() != null) {
            spec = SchedulerSpec.aggressiveCheckpoint(v.p(), spec.thresholdSeconds(), spec.extendSeconds(), spec.killInstead());
        }
        return spec;
    }

    static PreemptionRules headFirst(PreemptionRules r, PreemptMechanism m) {
        Map<String, List<PreemptMechanism>> chains = new LinkedHashMap<>();
        r.chains().forEach((qos, chain) -> chains.put(qos, headFirst(chain, m)));
        return new PreemptionRules(r.ownerPreemption(), r.qosPreemption(), r.tiers(), r.victimOrder(), r.exemptSeconds(),
                chains, headFirst(r.defaultChain(), m));
    }

    static List<PreemptMechanism> headFirst(List<PreemptMechanism> chain, PreemptMechanism m) {
        List<PreemptMechanism> out = new ArrayList<>();
        out.add(m);
        for (PreemptMechanism x : chain) if (x != m) out.add(x);
        return out;
    }

    private static Cluster withBandwidth(Cluster cluster, double mbps) {
        if (!(cluster instanceof NodeCluster nc)) return cluster;
        return new NodeCluster(nc.pools().stream().map(p -> new NodePool(p.name(), p.nodes(), p.coresPerNode(),
                p.memoryPerNodeMb(), p.owner(), p.borrowers(), mbps)).toList());
    }

    private static List<MaintenanceWindow> withFirstStart(List<MaintenanceWindow> windows, long start) {
        if (windows.isEmpty()) return windows;
        List<MaintenanceWindow> out = new ArrayList<>(windows);
        MaintenanceWindow w = windows.get(0);
        out.set(0, new MaintenanceWindow(w.name(), start, w.duration(), w.nodes(), w.strategy(), w.drainHorizon()));
        return out;
    }
}
