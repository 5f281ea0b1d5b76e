package org.preemptlab.slurmconf;

import java.util.List;
import java.util.Optional;

/** The QOS of a {@code sacctmgr -P show qos} output, in its order. Read with {@link QosTableParser}. */
public record QosFileTable(List<QosDefinition> qos) {

    public QosFileTable {
        qos = List.copyOf(qos);
    }

    public Optional<QosDefinition> get(String name) {
        return qos.stream().filter(q -> q.name().equalsIgnoreCase(name)).findFirst();
    }
}
