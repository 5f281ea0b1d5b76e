package org.preemptlab.slurmconf;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The shares, QOS and limits of an association (the cluster's root, an account, or a user in an
 * account), as a {@code sacctmgr dump} line gives them. An empty optional or map means "not set
 * here" (Slurm then applies the parent's limit, or none); times are seconds; TRES maps as
 * {@link TresText} reads them.
 *
 * @param fairshare {@code Fairshare=} raw shares; empty: not given (Slurm's default is 1)
 * @param fairshareParent {@code Fairshare=parent}: the user competes with its account's shares
 * @param defaultQos {@code DefaultQOS}, {@code ""} when not set
 * @param qos the QOS the association may use (lower case); empty: inherited
 * @param maxJobs running jobs per user ({@code MaxJobs})
 * @param maxSubmitJobs pending + running jobs per user ({@code MaxSubmitJobs})
 * @param maxWallSeconds {@code MaxWallDurationPerJob}
 */
public record AssociationLimits(OptionalLong fairshare, boolean fairshareParent, String defaultQos, List<String> qos,
                                Map<String, Long> grpTres, OptionalLong grpJobs, OptionalLong grpSubmitJobs, OptionalLong grpWallSeconds,
                                Map<String, Long> maxTresPerJob, Map<String, Long> maxTresPerNode, OptionalLong maxJobs,
                                OptionalLong maxSubmitJobs, OptionalLong maxWallSeconds, OptionalLong priority) {

    public static final AssociationLimits NONE = new AssociationLimits(OptionalLong.empty(), false, "", List.of(), Map.of(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Map.of(), Map.of(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public AssociationLimits {
        qos = List.copyOf(qos);
        grpTres = Map.copyOf(grpTres);
        maxTresPerJob = Map.copyOf(maxTresPerJob);
        maxTresPerNode = Map.copyOf(maxTresPerNode);
    }

    /** The raw shares Slurm uses: {@code Fairshare}, or 1 when not given. */
    public long shares() {
        return fairshare.orElse(1);
    }
}
