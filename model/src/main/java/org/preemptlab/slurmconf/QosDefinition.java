package org.preemptlab.slurmconf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One QOS, from a {@code sacctmgr dump} {@code QOS - 'name':…} line or a row of
 * {@code sacctmgr -P show qos}. Times are seconds; an empty optional (or map) means no limit.
 * TRES maps are as {@link TresText} reads them ({@code mem} in MB).
 *
 * @param preempt the QOS this one may preempt (lower case)
 * @param preemptMode its own {@code PreemptMode}; empty: the cluster's ({@code cluster} in sacctmgr)
 * @param flags upper case ({@code DENYONLIMIT}, {@code NODECAY}, {@code OVERPARTQOS}…)
 * @param maxTresPerJob {@code MaxTRES} ({@code MaxTRESPerJob})
 * @param maxTresPerUser {@code MaxTRESPU} ({@code MaxTRESPerUser})
 * @param where {@code file:line} of its line or row
 */
public record QosDefinition(String name, String description, long priority, long graceTimeSeconds, List<String> preempt,
                            Optional<PreemptModeSetting> preemptMode, OptionalLong preemptExemptTimeSeconds, Set<String> flags,
                            double usageFactor, OptionalDouble usageThreshold, Map<String, Long> grpTres, OptionalLong grpJobs,
                            OptionalLong grpSubmitJobs, OptionalLong grpWallSeconds, Map<String, Long> maxTresPerJob,
                            Map<String, Long> maxTresPerNode, OptionalLong maxWallSeconds, Map<String, Long> maxTresPerUser,
                            OptionalLong maxJobsPerUser, OptionalLong maxSubmitJobsPerUser, Map<String, Long> maxTresPerAccount,
                            OptionalLong maxJobsPerAccount, OptionalLong maxSubmitJobsPerAccount, Map<String, Long> minTresPerJob,
                            String where) {

    public QosDefinition {
        preempt = List.copyOf(preempt);
        flags = Set.copyOf(flags);
        grpTres = Map.copyOf(grpTres);
        maxTresPerJob = Map.copyOf(maxTresPerJob);
        maxTresPerNode = Map.copyOf(maxTresPerNode);
        maxTresPerUser = Map.copyOf(maxTresPerUser);
        maxTresPerAccount = Map.copyOf(maxTresPerAccount);
        minTresPerJob = Map.copyOf(minTresPerJob);
    }
}
