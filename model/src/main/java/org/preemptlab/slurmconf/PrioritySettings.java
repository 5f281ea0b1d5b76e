package org.preemptlab.slurmconf;

import java.util.Map;
import java.util.Set;

/**
 * The {@code Priority*} settings of {@code slurm.conf}, with Slurm's defaults for those not given.
 * Times are seconds.
 *
 * @param type {@code priority/multifactor} (Slurm's default) or {@code priority/basic}
 * @param decayHalfLifeSeconds {@code PriorityDecayHalfLife} (default 7 days; 0: no decay)
 * @param maxAgeSeconds {@code PriorityMaxAge} (default 7 days)
 * @param calcPeriodSeconds {@code PriorityCalcPeriod} (default 5 minutes)
 * @param usageResetPeriod {@code PriorityUsageResetPeriod}: NONE (default), NOW, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY
 * @param flags {@code PriorityFlags}, upper case ({@code NO_FAIR_TREE}, {@code SMALL_RELATIVE_TO_TIME}…)
 * @param weightTres {@code PriorityWeightTRES}, TRES name (lower case, {@code cpu}, {@code mem}, {@code gres/gpu}) to weight
 */
public record PrioritySettings(String type, long decayHalfLifeSeconds, long maxAgeSeconds, long calcPeriodSeconds,
                               String usageResetPeriod, boolean favorSmall, Set<String> flags, long weightAge, long weightFairshare,
                               long weightJobSize, long weightPartition, long weightQos, long weightAssoc,
                               Map<String, Double> weightTres) {

    public static final PrioritySettings DEFAULTS = new PrioritySettings("priority/multifactor", 7 * 86_400L, 7 * 86_400L, 300,
            "NONE", false, Set.of(), 0, 0, 0, 0, 0, 0, Map.of());

    public PrioritySettings {
        flags = Set.copyOf(flags);
        weightTres = Map.copyOf(weightTres);
    }

    public boolean multifactor() {
        return type.equalsIgnoreCase("priority/multifactor");
    }

    /** Fair Tree is Slurm's default; {@code NO_FAIR_TREE} (or {@code DEPTH_OBLIVIOUS}) selects the classic formula. */
    public boolean fairTree() {
        return !flags.contains("NO_FAIR_TREE") && !flags.contains("DEPTH_OBLIVIOUS");
    }
}
