package org.preemptlab.app.cli;

import org.preemptlab.scenario.SchedulerSpec;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.preempt.PolicyFactory;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.SimulationConfig;
import picocli.CommandLine.Option;

/** The scheduler options shared by the trace commands. */
final class PolicyOptions {

    @Option(names = "--policy", defaultValue = "easy",
            description = "fcfs, easy, conservative, aggressive-checkpoint or preemption-backfill (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--p", defaultValue = "0.2", converter = OptionValues.Fraction.class, description = "aggressive-checkpoint: predicted share of long estimates (default: ${DEFAULT-VALUE})")
    double p;

    @Option(names = "--threshold", defaultValue = "1800", converter = OptionValues.Seconds.class, description = "aggressive-checkpoint: t_thr, estimates below it are trusted, s (default: ${DEFAULT-VALUE})")
    long threshold;

    @Option(names = "--checkpoint-seconds", defaultValue = "215", converter = OptionValues.Seconds.class, description = "checkpoint time T_chk, s (default: ${DEFAULT-VALUE})")
    long checkpointSeconds;

    @Option(names = "--restart-seconds", converter = OptionValues.Seconds.class, description = "restart time T_restart, s (default: = checkpoint seconds)")
    Long restartSeconds;

    @Option(names = "--" + SchedulerKind.KILL_INSTEAD, description = "aggressive-checkpoint: kill preempted jobs instead of checkpointing them")
    boolean killInstead;

    void validate() {
        spec();
    }

    /** The scheduler the options name; the parameters of aggressive-checkpoint are refused for any other. */
    SchedulerSpec spec() {
        SchedulerKind kind = SchedulerKind.find(policy).orElse(null); // not orElseThrow(lambda): none on the one-shot path
        if (kind == null) {
            throw new IllegalArgumentException("--policy " + policy + ": unknown; use one of " + String.join(", ", SchedulerKind.ids()));
        }
        if (kind.hasParameters()) {
            return SchedulerSpec.aggressiveCheckpoint(p, threshold, checkpointSeconds + restart(), killInstead);
        }
        if (p != SchedulerSpec.DEFAULT_P || threshold != SchedulerSpec.DEFAULT_THRESHOLD_SECONDS || killInstead) {
            throw new IllegalArgumentException("--p, --threshold and --" + SchedulerKind.KILL_INSTEAD + " belong to --policy "
                    + SchedulerKind.AGGRESSIVE_CHECKPOINT.id() + "; " + kind.id() + " takes no parameters");
        }
        return SchedulerSpec.of(kind);
    }

    long restart() {
        return restartSeconds == null ? checkpointSeconds : restartSeconds;
    }

    SimulationConfig config(Cluster cluster, List<JobSpec> jobs, boolean recording) {
        SchedulerSpec spec = spec();
        var scheduler = PolicyFactory.create(spec.kind(), spec.p(), spec.thresholdSeconds(), spec.extendSeconds(),
                spec.killInstead(), PreemptionRules.NONE);
        PreemptionSettings settings = PreemptionSettings.defaults()
                .withCost(CheckpointCost.fixed(checkpointSeconds, restart()))
                .withRequeueAtHead(spec.kind().requeuesAtHead());
        return SimulationConfig.of(cluster, jobs, scheduler, recording).withPreemption(settings);
    }

    /** The options {@link #plain} reads: with a value, and flags. */
    static final java.util.Set<String> VALUED = java.util.Set.of("--policy", "--p", "--threshold", "--checkpoint-seconds",
            "--restart-seconds");
    static final java.util.Set<String> FLAGS = java.util.Set.of("--" + SchedulerKind.KILL_INSTEAD);

    /**
     * The options of a plain command line ({@link PlainArgs}), converted as picocli converts them, the
     * defaults those of the annotations above ({@code PlainArgsTest} checks both against picocli); a
     * value that does not convert throws (the command line is then left to picocli).
     */
    static PolicyOptions plain(PlainArgs a) {
        PolicyOptions o = new PolicyOptions();
        o.policy = a.value("--policy", "easy");
        o.p = new OptionValues.Fraction().convert(a.value("--p", "0.2"));
        o.threshold = new OptionValues.Seconds().convert(a.value("--threshold", "1800"));
        o.checkpointSeconds = new OptionValues.Seconds().convert(a.value("--checkpoint-seconds", "215"));
        String restart = a.value("--restart-seconds");
        o.restartSeconds = restart == null ? null : new OptionValues.Seconds().convert(restart);
        o.killInstead = a.flag("--" + SchedulerKind.KILL_INSTEAD);
        return o;
    }

    static PolicyOptions of(String policy, double p, long checkpointSeconds, boolean killInstead) {
        PolicyOptions o = new PolicyOptions();
        o.policy = policy;
        o.p = p;
        o.threshold = 1800;
        o.checkpointSeconds = checkpointSeconds;
        o.restartSeconds = null;
        o.killInstead = killInstead;
        return o;
    }
}
