package org.preemptlab.app.gui.scenario;

/** A share of the generated jobs that belongs to one QOS and group. */
public record JobClass(String qos, String group, double share) {

    public JobClass {
        qos = qos == null ? "normal" : qos;
        group = group == null ? "" : group;
    }
}
