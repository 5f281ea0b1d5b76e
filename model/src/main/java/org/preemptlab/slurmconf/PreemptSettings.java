package org.preemptlab.slurmconf;

/**
 * Cluster-wide preemption: {@code PreemptType} ({@code preempt/none} when unset,
 * {@code preempt/qos}, {@code preempt/partition_prio}), {@code PreemptMode} (default OFF) and
 * {@code PreemptExemptTime} (seconds, default 0).
 */
public record PreemptSettings(String type, PreemptModeSetting mode, long exemptTimeSeconds) {

    public static final PreemptSettings DEFAULTS = new PreemptSettings("preempt/none", PreemptModeSetting.OFF, 0);

    public boolean byQos() {
        return type.equalsIgnoreCase("preempt/qos");
    }

    public boolean byPartitionPriority() {
        return type.equalsIgnoreCase("preempt/partition_prio");
    }
}
