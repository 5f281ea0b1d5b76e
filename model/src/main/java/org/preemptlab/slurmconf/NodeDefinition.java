package org.preemptlab.slurmconf;

import java.util.List;

/**
 * One node of a {@code NodeName} line (the line's host list expanded), with
 * {@code NodeName=DEFAULT} values applied and Slurm's CPU rule: {@code CPUs} when given (reset to
 * sockets × cores × threads when it matches neither sockets, sockets × cores nor
 * sockets × cores × threads), else sockets × cores × threads, where sockets is {@code Sockets},
 * or {@code Boards × SocketsPerBoard}, or inferred from {@code CPUs}, or {@code Boards}.
 *
 * @param sockets total sockets of the node (over all boards)
 * @param realMemoryMb {@code RealMemory}, MB (Slurm's default 1)
 * @param weight {@code Weight} (default 1): lower weights are allocated first
 * @param where the {@code file:line} of its {@code NodeName} line
 */
public record NodeDefinition(String name, int cpus, int boards, int sockets, int coresPerSocket, int threadsPerCore,
                             long realMemoryMb, List<GresSpec> gres, List<String> features, long weight, NodeState state,
                             String where) {

    public NodeDefinition {
        gres = List.copyOf(gres);
        features = List.copyOf(features);
    }

    /** Physical cores: sockets × cores per socket. */
    public int cores() {
        return sockets * coresPerSocket;
    }

    /** The count of GRES {@code name} (all types), e.g. GPUs for {@code "gpu"}. */
    public long gresCount(String name) {
        return gres.stream().filter(g -> g.name().equalsIgnoreCase(name)).mapToLong(GresSpec::count).sum();
    }

    /** A copy with another state (a {@code DownNodes} line). */
    NodeDefinition withState(NodeState newState) {
        return new NodeDefinition(name, cpus, boards, sockets, coresPerSocket, threadsPerCore, realMemoryMb, gres, features, weight,
                newState, where);
    }
}
